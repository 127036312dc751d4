"""Questions in each language: the actions step adds *Questions in each
language* to the EasyForms' menu; the shipped questions the team has not
reworded get their Romanian and Swedish texts; each recorded answer gets the
language its question was asked in (the language whose text of the question
it holds, else the site's default language, which pages spoke when the
question was asked without a language of its own) and, for a choice, its
answer in every language."""

from collective.easyform.api import get_schema
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.schema import getFieldsInOrder

from qgis.certification.application import question_texts
from qgis.certification.application import questionnaire


def ship_question_languages(setup_tool):
    for _form_id, _title, _description, shipped in questionnaire.FORMS:
        easyform = questionnaire.form_of(_form_id)
        if easyform is not None:
            question_texts.ship_texts(easyform, shipped)


def _texts_by_language(easyform, kind):
    """``{question name: {text: language}}`` of the texts each question has had."""
    shipped = {row[0]: row[2] for form_id, _t, _d, rows in questionnaire.FORMS for row in rows}
    found = {}
    for name, field in getFieldsInOrder(get_schema(easyform)):
        texts = found.setdefault(name, {})
        for language in question_texts.LANGUAGES:
            title = question_texts.title_in(easyform, name, field, language)[0]
            texts.setdefault(title, language)
            if name in shipped:
                title = question_texts.catalogue_text(shipped[name], language)
                texts.setdefault(title, language)
    return found


def _with_language(entry, kind, texts, default):
    entry["language"] = texts.get(entry["id"], {}).get(entry["question"], default)
    field = dict(questionnaire.questions(kind)).get(entry["id"])
    if field is not None and "answers" not in entry:
        entry["answers"] = questionnaire.choice_answers(kind, entry["id"], field, entry["value"])


def record_answer_languages(setup_tool):
    default = (api.portal.get_default_language() or "en").split("-")[0]
    texts = {}
    for kind in questionnaire.KINDS:
        easyform = questionnaire.form_of(kind)
        texts[kind] = _texts_by_language(easyform, kind) if easyform is not None else {}
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="CertifyingOrganisation"):
        annotations = IAnnotations(brain._unrestrictedGetObject())
        for kind in questionnaire.KINDS:
            for entry in annotations.get(questionnaire.ANSWERS_KEY + kind, ()):
                if "language" not in entry:
                    _with_language(entry, kind, texts[kind], default)
