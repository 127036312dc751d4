"""``@questionnaire`` and ``@review-checklist`` on an organisation: the current
questions and the recorded answers (GET), and answering them (POST
``{"answers": {"<question id>": value, ...}}``)."""

from datetime import date
from datetime import datetime

from AccessControl import Unauthorized
from zope.schema import ValidationError
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IFromUnicode
from zope.schema.interfaces import IFrozenSet
from zope.schema.interfaces import ISet
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITuple

from qgis.certification import _
from qgis.certification.application import question_texts
from qgis.certification.application import questionnaire
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError
from qgis.certification.vocabularies.countries import current_language


def _question(name, field, language):
    question = {
        "id": name,
        "title": field.title,
        "description": field.description or "",
        "language": language,
        "required": field.required,
        "type": field.__class__.__name__,
    }
    choice = question_texts.choice_field(field)
    if choice is not None and question_texts.choice_values(field):
        question["choices"] = [
            {"value": term.value, "title": term.title} for term in choice.vocabulary
        ]
    return question


def summary(context, request, kind, name):
    """The current questions in the page's language, the recorded answers (each
    with its question as asked, and the language it was asked in) and what is
    missing."""
    return {
        "@id": f"{context.absolute_url()}/{name}",
        "questionnaire": kind,
        "language": current_language(),
        "may_answer": questionnaire.may_answer(context, kind),
        "questions": [
            _question(field_name, field, language)
            for field_name, field, language in questionnaire.asked_questions(kind, context)
        ],
        "answers": [questionnaire.shown(entry) for entry in questionnaire.answers(context, kind)],
        "missing": questionnaire.missing(context, kind),
    }


class QuestionnaireGet(ProductService):
    kind = questionnaire.APPLICATION
    # plone.restapi registers the view as ``GET_application_json_@questionnaire``:
    # the answer's ``@id`` names the endpoint itself
    endpoint = "@questionnaire"

    def answer(self):
        # The service's permission alone would let the PSC read a draft they
        # may not see: the organisation must be visible too.
        if not questionnaire.may_read(self.context, self.kind):
            raise Unauthorized(self.__name__)
        return summary(self.context, self.request, self.kind, self.endpoint)


class ChecklistGet(QuestionnaireGet):
    kind = questionnaire.CHECKLIST
    endpoint = "@review-checklist"


class AnswerError(ValueError):
    """An answer that does not fit its question; ``args[0]`` says why."""


def collection(field, value):
    """A JSON list as the collection ``field`` holds."""
    if not isinstance(value, list):
        raise AnswerError(_("A list of answers is expected."))
    if IFrozenSet.providedBy(field):
        return frozenset(value)
    if ISet.providedBy(field):
        return set(value)
    if ITuple.providedBy(field):
        return tuple(value)
    return value


def convert(field, value):
    """A JSON value turned into what ``field`` takes (validated); raises
    AnswerError or a ValidationError when it does not fit."""
    if isinstance(value, str) and not value.strip():
        value = None
    if value is None:
        if field.required:
            raise AnswerError(_("An answer is required."))
        return None
    if IDatetime.providedBy(field):
        value = datetime.fromisoformat(value) if isinstance(value, str) else value
    elif IDate.providedBy(field):
        value = date.fromisoformat(value) if isinstance(value, str) else value
    elif ICollection.providedBy(field):
        value = collection(field, value)
    elif isinstance(value, str) and IFromUnicode.providedBy(field):
        if not IText.providedBy(field):
            value = value.strip()
        return field.fromUnicode(value)
    field.validate(value)
    return value


def converted(fields, answers):
    """``answers`` converted for their ``fields``: ``(data, errors)``, errors
    as ``(question id, message)`` pairs."""
    data, errors = {}, []
    for name, value in answers.items():
        field = fields.get(name)
        if field is None:
            errors.append((name, _("No such question.")))
            continue
        try:
            data[name] = convert(field, value)
        except ValidationError as problem:
            errors.append((name, problem.doc()))
        except AnswerError as problem:
            errors.append((name, problem.args[0]))
        except (ValueError, TypeError):
            errors.append((name, _("This answer does not fit the question.")))
    return data, errors


class QuestionnairePost(ProductService):
    kind = questionnaire.APPLICATION
    endpoint = QuestionnaireGet.endpoint
    fields = (
        Field(
            "answers",
            dict,
            required=True,
            message=_('The body must be a JSON object: {"answers": {"<question id>": ...}}.'),
        ),
    )

    def answer(self):
        if not questionnaire.may_answer(self.context, self.kind):
            raise ServiceError(403, self.refusal())
        answers = self.body()["answers"]
        data, errors = converted(dict(questionnaire.questions(self.kind, self.context)), answers)
        if errors:
            raise ServiceError(400, _("Some answers are not valid."), errors=errors)
        user_id = self.request.get("AUTHENTICATED_USER").getId()
        questionnaire.save_answers(self.context, self.kind, data, user_id)
        return summary(self.context, self.request, self.kind, self.endpoint)

    def refusal(self):
        return _("The questionnaire can be changed only while the application is a draft.")


class ChecklistPost(QuestionnairePost):
    kind = questionnaire.CHECKLIST
    endpoint = ChecklistGet.endpoint

    def refusal(self):
        return _("Only the certification team and the reviewers fill in the checklist.")
