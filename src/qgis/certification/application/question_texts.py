"""The questions of the questionnaire and checklist in each language.

English is the EasyForm's own text of each question (its title and help, as
the form's *Define form fields* editor shows them). The certification team
gives the Romanian and Swedish texts, and the labels of a choice's answers in
each language, on the form's *Questions in each language* page; they are kept
on the EasyForm (an annotation), so they survive restarts, upgrades and the
team's later edits of the fields. The product ships them for its own
questions, from its translation catalogue.

A question missing in a language is asked in English, and an answer records
the language its question was actually asked in. Each text also keeps the
English it was written for, so that the page can say which texts to check
after the English is reworded.
"""

import copy

from collective.easyform.api import get_schema
from collective.easyform.api import set_fields
from persistent.mapping import PersistentMapping
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.annotations import stored


LANGUAGES = ("en", "ro", "sv")
TRANSLATED = ("ro", "sv")
KEY = "qgis.certification.question_texts"
DOMAIN = "qgis.certification"

MAX_TITLE = 300
MAX_HELP = 2000

# The answers the shipped choices offer, in the catalogue's words.
CHOICE_LABELS = {
    "Yes": _("Yes"),
    "No": _("No"),
    "No user group covers the country": _("No user group covers the country"),
}


def texts_of(easyform, create=False):
    """``{question name: {language: {"title", "description", "choices"}}}``."""
    return stored(easyform, KEY, PersistentMapping, create=create)


def given(easyform, name, language):
    """What the team gave for question ``name`` in ``language`` (a copy)."""
    entry = texts_of(easyform).get(name, {}).get(language, {})
    return {
        "title": entry.get("title", ""),
        "description": entry.get("description", ""),
        "choices": dict(entry.get("choices", {})),
    }


def english_of(field):
    """``(title, description)`` the field asks in English."""
    return str(field.title), str(field.description or "")


def set_texts(easyform, name, language, title, description, choices=None, written_for=None):
    """Keep the team's texts of ``name`` in ``language`` (not English: that is
    the field's own), written for the English ``written_for`` (title,
    description). An empty text means "ask in English"."""
    if language not in TRANSLATED:
        raise ValueError(language)
    questions = texts_of(easyform, create=True)
    if name not in questions:
        questions[name] = PersistentMapping()
    entry = PersistentMapping(
        title=title.strip(),
        description=description.strip(),
        choices=PersistentMapping(
            {value: label.strip() for value, label in (choices or {}).items() if label.strip()}
        ),
    )
    if written_for is not None:
        entry["english"] = tuple(written_for)
    questions[name][language] = entry


def outdated(easyform, name, field, language):
    """Whether the English of question ``name`` was reworded after its text in
    ``language`` was written (texts kept before 1.1 do not say what they were
    written for, and are never flagged)."""
    entry = texts_of(easyform).get(name, {}).get(language, {})
    written_for = entry.get("english")
    if written_for is None or not (entry.get("title") or entry.get("description")):
        return False
    return tuple(written_for) != english_of(field)


def catalogue_text(text, language):
    """``text`` in ``language`` when it is one of the product's messages and
    the catalogue has it; None otherwise."""
    if not text:
        return None
    if language == "en":
        return str(text)
    if not isinstance(text, Message):
        return None
    translated = translate(text, domain=DOMAIN, target_language=language)
    return translated if translated != str(text) else None


def title_in(easyform, name, field, language):
    """``(title, language it is in)`` of a question for a page in ``language``."""
    if language in TRANSLATED:
        title = given(easyform, name, language)["title"] or catalogue_text(field.title, language)
        if title:
            return title, language
    return str(field.title), "en"


def description_in(easyform, name, field, language):
    if language in TRANSLATED:
        description = given(easyform, name, language)["description"] or catalogue_text(
            field.description, language
        )
        if description:
            return description
    return str(field.description or "")


def choice_field(field):
    """The Choice of a question that offers choices (itself, or the items of a
    collection of choices), else None."""
    if IChoice.providedBy(field):
        return field
    if ICollection.providedBy(field) and IChoice.providedBy(getattr(field, "value_type", None)):
        return field.value_type
    return None


def choice_values(field):
    choice = choice_field(field)
    vocabulary = getattr(choice, "vocabulary", None)
    if vocabulary is None or not hasattr(vocabulary, "__iter__"):
        return []
    return [term.value for term in vocabulary]


def label_in(easyform, name, value, language):
    """The label of the answer ``value`` of a choice in ``language``."""
    if language in TRANSLATED:
        label = given(easyform, name, language)["choices"].get(value)
        label = label or catalogue_text(CHOICE_LABELS.get(value), language)
        if label:
            return label
    return str(value)


def labels_in_every_language(easyform, name, value):
    """``{language: label}`` of a choice's answer ``value``."""
    return {language: label_in(easyform, name, value, language) for language in LANGUAGES}


def _relabelled(choice, easyform, name, language):
    terms = [
        SimpleTerm(term.value, term.token, label_in(easyform, name, term.value, language))
        for term in choice.vocabulary
    ]
    choice.vocabulary = SimpleVocabulary(terms)


def localized(easyform, name, field, language):
    """A copy of ``field`` asking its question in ``language`` (title, help and
    the labels of its choices), and the language the title is in."""
    clone = copy.copy(field)
    clone.title, asked_in = title_in(easyform, name, field, language)
    clone.description = description_in(easyform, name, field, language)
    if IChoice.providedBy(field) and choice_values(field):
        _relabelled(clone, easyform, name, language)
    elif choice_values(field):
        clone.value_type = copy.copy(field.value_type)
        _relabelled(clone.value_type, easyform, name, language)
    return clone, asked_in


def ship_texts(easyform, shipped_questions):
    """The Romanian and Swedish texts of the shipped questions that the team
    has not reworded in English, for the languages they have no texts in yet
    (never overwrites the team's). ``shipped_questions`` as in questionnaire.py."""
    schema = get_schema(easyform)
    for name, _type, title, description, _required, _extra in shipped_questions:
        field = schema.get(name)
        if field is None or str(field.title) != str(title):
            continue
        present = texts_of(easyform).get(name, {})
        for language in TRANSLATED:
            if language in present:
                continue
            choices = {
                value: catalogue_text(CHOICE_LABELS.get(value), language) or ""
                for value in choice_values(field)
            }
            set_texts(
                easyform,
                name,
                language,
                catalogue_text(title, language) or "",
                catalogue_text(description, language) or "",
                choices,
                written_for=english_of(field),
            )


def set_english(easyform, changes):
    """Reword the English of questions: ``{name: (title, description)}``, in
    the EasyForm's own fields (what its *Define form fields* editor shows)."""
    schema = get_schema(easyform)
    changed = False
    for name, (title, description) in changes.items():
        field = schema.get(name)
        if field is None:
            continue
        if str(field.title) != title or str(field.description or "") != description:
            field.title, field.description = title, description
            changed = True
    if changed:
        set_fields(easyform, schema)
    return changed


def line_problem(text, required=False):
    """Why ``text`` cannot be a question or an answer's label, or None."""
    if required and not text:
        return _("Give the question in English: it is asked so in a language without a text.")
    if "\n" in text or "\r" in text:
        return _("Write it on one line.")
    if len(text) > MAX_TITLE:
        return _("Write it in at most ${count} characters.", mapping={"count": MAX_TITLE})
    return None


def help_problem(text):
    if len(text) > MAX_HELP:
        return _("Write the help in at most ${count} characters.", mapping={"count": MAX_HELP})
    return None


def _unchanged(easyform, name, language, title, description, choices):
    kept = given(easyform, name, language)
    labels = {value: label for value, label in (choices or {}).items() if label}
    return (kept["title"], kept["description"], kept["choices"]) == (title, description, labels)


def save_typed(easyform, typed, still_fits=()):
    """Keep ``{(name, language): (title, description, choices)}`` (checked):
    English in the form's fields, the other languages beside them.

    A text that is typed again unchanged keeps the English it was written for,
    unless ``(name, language)`` is in ``still_fits``: the team checked it
    against the English it now has."""
    english = {name: texts[:2] for (name, language), texts in typed.items() if language == "en"}
    schema = get_schema(easyform)
    for (name, language), (title, description, choices) in typed.items():
        if language == "en":
            continue
        unchanged = _unchanged(easyform, name, language, title, description, choices)
        if unchanged and (name, language) not in still_fits:
            continue
        written_for = english.get(name) or english_of(schema[name])
        set_texts(easyform, name, language, title, description, choices, written_for)
    set_english(easyform, english)


def all_texts(easyform):
    """``[{"id", "texts": {language: {"title", "description", "choices"}}}]``
    of the form's questions, as the team gave them; a translated text also
    says whether it is ``outdated`` (its English was reworded since)."""
    result = []
    for name, field in getFieldsInOrder(get_schema(easyform)):
        english = {
            "title": str(field.title),
            "description": str(field.description or ""),
            "choices": {value: str(value) for value in choice_values(field)},
        }
        texts = {"en": english}
        for language in TRANSLATED:
            texts[language] = given(easyform, name, language)
            texts[language]["outdated"] = outdated(easyform, name, field, language)
        result.append({"id": name, "texts": texts})
    return result
