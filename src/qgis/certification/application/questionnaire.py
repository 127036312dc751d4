"""The application questionnaire and the reviewers' checklist.

The questions live in two EasyForms in ``/questionnaires`` that the
certification team edits through the web. Answers are kept on the organisation
(an annotation per form), each with the question's text as it was asked and
the language it was asked in, its answer as it was shown (a choice's answer in
every language), the raw value, who gave it and when: rewording or removing a
question later leaves the recorded answers as they were. The questions are
asked in the page's language (``question_texts``).
"""

from datetime import date
from datetime import datetime
from datetime import time
from decimal import Decimal
from xml.sax.saxutils import escape

from collective.easyform.api import get_schema
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.base.utils import get_installer
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IFrozenSet
from zope.schema.interfaces import ISet
from zope.schema.interfaces import ITuple
from zope.schema.interfaces import ValidationError

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.application import question_texts
from qgis.certification.content.children import ensure_child
from qgis.certification.vocabularies.countries import current_language
from qgis.certification.vocabularies.languages import language_name


FOLDER_ID = "questionnaires"
APPLICATION = "application-questionnaire"
CHECKLIST = "review-checklist"
KINDS = (APPLICATION, CHECKLIST)
ANSWERS_KEY = "qgis.certification.questionnaire."
TEAM_GROUP = "certification-managers"
TEAM_LOCAL_ROLES = ("Contributor", "Editor", "Reader")
PROFILE = "profile-qgis.certification:default"
# the checklist is filled in while the application is under review
REVIEW_STATES = ("submitted", "user_group_review", "psc_decision")

# The questions each form starts with (the team changes them afterwards):
# name, field type, title, description, required, extra XML of the field.
YES_NO = "<values><element>Yes</element><element>No</element></values>"
APPLICATION_QUESTIONS = (
    (
        "teaching",
        "zope.schema.Text",
        _("How do you teach QGIS?"),
        _("Classroom, online or at your clients' premises; usual length and size of a course."),
        True,
        "",
    ),
    (
        "trainers",
        "zope.schema.Int",
        _("How many trainers teach QGIS courses for you?"),
        "",
        True,
        "<min>1</min>",
    ),
    (
        "qgis_versions",
        "zope.schema.TextLine",
        _("Which QGIS versions do your courses use?"),
        _("For example the current long-term release, and how soon you move to a new one."),
        True,
        "",
    ),
    (
        "material_updates",
        "zope.schema.Text",
        _("How do you keep your course material up to date?"),
        "",
        True,
        "",
    ),
    (
        "future_contributions",
        "zope.schema.Text",
        _("How will you keep contributing to QGIS?"),
        _("Code, documentation, translations, user groups, sponsorship..."),
        True,
        "",
    ),
    (
        "languages",
        "zope.schema.TextLine",
        _("In which languages do you teach?"),
        "",
        False,
        "",
    ),
)
CHECKLIST_QUESTIONS = (
    (
        "contributions_verified",
        "zope.schema.Choice",
        _("Are the contributions verified (links followed, the work found)?"),
        "",
        True,
        YES_NO,
    ),
    (
        "material_checked",
        "zope.schema.Choice",
        _("Has the training material of every course type been checked?"),
        "",
        True,
        YES_NO,
    ),
    (
        "user_group_consulted",
        "zope.schema.Choice",
        _("Has the local user group been consulted?"),
        "",
        True,
        "<values><element>Yes</element><element>No</element>"
        "<element>No user group covers the country</element></values>",
    ),
    (
        "notes",
        "zope.schema.Text",
        _("Notes for the PSC"),
        "",
        False,
        "",
    ),
)
FORMS = (
    (
        APPLICATION,
        "Application questionnaire",
        "The questions every applicant organisation answers before submitting.",
        APPLICATION_QUESTIONS,
    ),
    (
        CHECKLIST,
        "Review checklist",
        "What the certification team and the reviewers check on each application.",
        CHECKLIST_QUESTIONS,
    ),
)
# The forms' own actions (mail, save data) are left empty: answers are given
# on the organisations, never by submitting the EasyForm itself.
EMPTY_MODEL = '<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema /></model>'


def fields_model(questions):
    """The supermodel XML of the initial questions (titles translatable)."""
    fields = []
    for name, field_type, title, description, required, extra in questions:
        description_xml = (
            f'<description i18n:translate="">{escape(description)}</description>'
            if description
            else "<description />"
        )
        fields.append(
            f'<field name="{name}" type="{field_type}">'
            f'<title i18n:translate="">{escape(title)}</title>{description_xml}'
            f"<required>{required}</required>{extra}</field>"
        )
    return (
        '<model xmlns="http://namespaces.plone.org/supermodel/schema" '
        'xmlns:i18n="http://xml.zope.org/namespaces/i18n" i18n:domain="qgis.certification">'
        f"<schema>{''.join(fields)}</schema></model>"
    )


def ensure_questionnaires(portal):
    """The folder and the two forms exist (idempotent; never overwrites the
    team's edits). Also brings an older site up to date: EasyForm installed,
    the answers' permission configured."""
    installer = get_installer(portal)
    if not installer.is_product_installed("collective.easyform"):
        installer.install_product("collective.easyform")
    granted = [
        r["name"]
        for r in portal.rolesOfPermission(permissions.VIEW_QUESTIONNAIRE_ANSWERS)
        if r["selected"]
    ]
    if "Owner" not in granted:
        portal.portal_setup.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
    folder = ensure_child(
        portal,
        "Folder",
        FOLDER_ID,
        title="Questionnaires",
        description="The application questionnaire and the reviewers' checklist.",
        exclude_from_nav=True,
    )
    if set(TEAM_LOCAL_ROLES) - set(folder.get_local_roles_for_userid(TEAM_GROUP)):
        folder.manage_setLocalRoles(TEAM_GROUP, list(TEAM_LOCAL_ROLES))
        folder.reindexObjectSecurity()
    for form_id, title, description, questions in FORMS:
        texts = {"title": title, "description": description}
        models = {"fields_model": fields_model(questions), "actions_model": EMPTY_MODEL}
        easyform = ensure_child(folder, "EasyForm", form_id, **texts, **models)
        question_texts.ship_texts(easyform, questions)
    return folder


def form_of(kind):
    folder = api.portal.get().get(FOLDER_ID)
    if folder is None:
        return None
    return folder.get(kind)


def schema_of(kind):
    """The form's current schema, or None when the form does not exist."""
    easyform = form_of(kind)
    if easyform is None:
        return None
    return get_schema(easyform)


def questions(kind, context=None):
    """``[(name, field)]`` of the form's current questions, in their order,
    bound to ``context`` when given."""
    schema = schema_of(kind)
    if schema is None:
        return []
    fields = getFieldsInOrder(schema)
    if context is not None:
        fields = [(name, field.bind(context)) for name, field in fields]
    return fields


def asked_questions(kind, context=None, language=None):
    """``[(name, field, language asked in)]`` of the form's current questions
    as a page in ``language`` (the current one when not given) asks them."""
    language = language or current_language()
    easyform = form_of(kind)
    return [
        (name, *question_texts.localized(easyform, name, field, language))
        for name, field in questions(kind, context)
    ]


def _storage(organisation, kind, create=False):
    annotations = IAnnotations(organisation)
    key = ANSWERS_KEY + kind
    if key not in annotations and create:
        annotations[key] = PersistentList()
    return annotations.get(key, ())


def answers(organisation, kind):
    """The recorded answers (copies), in the order of the form when given."""
    return [
        dict(entry, answers=dict(entry.get("answers") or {}) or None)
        for entry in _storage(organisation, kind)
    ]


def is_empty(value):
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | tuple | set | frozenset) and not value)


def missing(organisation, kind):
    """Titles of the current required questions without an answer."""
    answered = {entry["id"] for entry in _storage(organisation, kind)}
    return [
        field.title
        for name, field, _language in asked_questions(kind)
        if field.required and name not in answered
    ]


def _storable(value):
    """A plain, JSON-safe copy of a form value."""
    if isinstance(value, set | frozenset):
        return sorted((_storable(item) for item in value), key=str)
    if isinstance(value, list | tuple):
        return [_storable(item) for item in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "raw"):  # rich text
        return value.raw
    if hasattr(value, "filename"):  # a file: only its name is kept
        return value.filename
    return str(value)


def _term_title(field, value):
    vocabulary = getattr(field, "vocabulary", None)
    if vocabulary is None:
        return value
    try:
        term = vocabulary.getTerm(value)
    except LookupError:
        return value
    return term.title or term.value


def answer_text(field, value, request=None):
    """The answer as shown to a person, in the language of the request."""
    request = request or api.env.getRequest()
    if isinstance(value, bool):
        return translate(_("Yes") if value else _("No"), context=request)
    if IChoice.providedBy(field):
        return translate(_term_title(field, value), context=request)
    if ICollection.providedBy(field) and IChoice.providedBy(field.value_type):
        return ", ".join(
            translate(_term_title(field.value_type, item), context=request) for item in value
        )
    value = _storable(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _form_value(field, stored):
    """A stored value turned back into what the field takes, or None."""
    try:
        if IDatetime.providedBy(field):
            value = datetime.fromisoformat(stored)
        elif IDate.providedBy(field):
            value = date.fromisoformat(stored)
        elif IDecimal.providedBy(field):
            value = Decimal(stored)
        elif IFrozenSet.providedBy(field):
            value = frozenset(stored)
        elif ISet.providedBy(field):
            value = set(stored)
        elif ITuple.providedBy(field):
            value = tuple(stored)
        else:
            value = stored
        field.validate(value)
    except (ValueError, TypeError, ArithmeticError, ValidationError):
        # the question's type changed since it was answered: ask again
        return None
    return value


def form_values(organisation, kind):
    """``{name: value}`` of the recorded answers to the current questions,
    to fill the form in again."""
    recorded = {entry["id"]: entry for entry in _storage(organisation, kind)}
    values = {}
    for name, field in questions(kind, organisation):
        if name in recorded:
            value = _form_value(field, recorded[name]["value"])
            if value is not None:
                values[name] = value
    return values


def choice_answers(kind, name, field, value):
    """``{language: answer}`` of a choice's answer, so that each reader reads
    it in their language; None for other questions."""
    if not question_texts.choice_values(field):
        return None
    easyform = form_of(kind)
    items = _storable(value) if ICollection.providedBy(field) else [value]
    labels = [question_texts.labels_in_every_language(easyform, name, item) for item in items]
    return PersistentMapping(
        {
            language: ", ".join(label[language] for label in labels)
            for language in question_texts.LANGUAGES
        }
    )


def _recorded(kind, name, field, language, value, previous):
    """The entry of one answer: ``previous`` itself when nothing changed."""
    request = api.env.getRequest()
    stored = _storable(value)
    if (
        previous is not None
        and previous["value"] == stored
        and previous["question"] == field.title
        and previous.get("language") == language
    ):
        return previous
    return PersistentMapping(
        id=name,
        question=field.title,
        language=language,
        answer=answer_text(field, value, request),
        answers=choice_answers(kind, name, field, value),
        value=stored,
    )


def save_answers(organisation, kind, data, user_id, when=None):
    """Record ``data`` (``{name: value}``, already validated against the
    current questions) as asked on the current page. An unchanged answer keeps
    its author and date; an empty one removes the answer; answers to questions
    no longer asked are kept."""
    when = (when or datetime.now().astimezone()).isoformat()
    previous = {entry["id"]: entry for entry in _storage(organisation, kind)}
    current = asked_questions(kind, organisation)
    recorded = []
    for name, field, language in current:
        if name not in data:
            if name in previous:
                recorded.append(previous[name])
            continue
        if is_empty(data[name]):
            continue
        entry = _recorded(kind, name, field, language, data[name], previous.get(name))
        if entry is not previous.get(name):
            entry.update(author=user_id, date=when)
        recorded.append(entry)
    asked = {name for name, _field, _language in current}
    recorded.extend(entry for name, entry in previous.items() if name not in asked)
    storage = _storage(organisation, kind, create=True)
    storage[:] = recorded
    if kind == APPLICATION:
        # what a draft still misses, as "my work" shows it (qgis.certification.work)
        organisation.reindexObject(idxs=["qgis_since"])
    return answers(organisation, kind)


def shown(entry, language=None):
    """A recorded answer as a reader in ``language`` (the page's) reads it: a
    choice's answer in their language, and ``asked_in`` (the name of the
    language the question was asked in) when it is not theirs."""
    language = language or current_language()
    asked = entry.get("language")
    answers_by_language = entry.get("answers") or {}
    return dict(
        entry,
        answers=dict(answers_by_language) or None,
        answer=answers_by_language.get(language) or entry["answer"],
        asked_in=language_name(asked, language) if asked and asked != language else None,
    )


def may_answer(organisation, kind):
    """Whether the current user may change the answers now."""
    if kind == APPLICATION:
        return api.content.get_state(organisation) == "draft" and api.user.has_permission(
            permissions.MODIFY_PORTAL_CONTENT, obj=organisation
        )
    if api.content.get_state(organisation) not in REVIEW_STATES:
        return False
    return any(
        api.user.has_permission(permission, obj=organisation)
        for permission in (
            permissions.REVIEW_APPLICATION,
            permissions.GIVE_USER_GROUP_OPINION,
        )
    )


def may_read(organisation, kind):
    """Whether the current user may read the answers: they see the
    organisation and hold the permission for this kind of answers."""
    permission = (
        permissions.VIEW_QUESTIONNAIRE_ANSWERS
        if kind == APPLICATION
        else permissions.VIEW_REVIEW_DATA
    )
    return api.user.has_permission(permissions.VIEW, obj=organisation) and api.user.has_permission(
        permission, obj=organisation
    )
