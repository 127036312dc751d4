"""``@questionnaire`` and ``@review-checklist`` on an organisation: the current
questions and the recorded answers (GET), and answering them (POST
``{"answers": {"<question id>": value, ...}}``)."""

from datetime import date
from datetime import datetime

from AccessControl import Unauthorized
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides
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
from qgis.certification.application import questionnaire


def summary(context, request, kind, name):
    """The current questions, the recorded answers and what is missing."""
    return {
        "@id": f"{context.absolute_url()}/{name}",
        "questionnaire": kind,
        "may_answer": questionnaire.may_answer(context, kind),
        "questions": [
            {
                "id": field_name,
                "title": translate(field.title, context=request),
                "description": translate(field.description or "", context=request),
                "required": field.required,
                "type": field.__class__.__name__,
            }
            for field_name, field in questionnaire.questions(kind, context)
        ],
        "answers": questionnaire.answers(context, kind),
        "missing": questionnaire.missing(context, kind),
    }


class QuestionnaireGet(Service):
    kind = questionnaire.APPLICATION
    # the endpoint's name (``self.__name__`` is the name plone.restapi
    # registers the view under, such as ``GET_application_json_@questionnaire``)
    endpoint = "@questionnaire"

    def reply(self):
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
        if not isinstance(value, list):
            raise AnswerError(_("A list of answers is expected."))
        if IFrozenSet.providedBy(field):
            value = frozenset(value)
        elif ISet.providedBy(field):
            value = set(value)
        elif ITuple.providedBy(field):
            value = tuple(value)
    elif isinstance(value, str) and IFromUnicode.providedBy(field):
        if not IText.providedBy(field):
            value = value.strip()
        return field.fromUnicode(value)
    field.validate(value)
    return value


class QuestionnairePost(Service):
    kind = questionnaire.APPLICATION
    endpoint = QuestionnaireGet.endpoint

    def error(self, status, message, **details):
        self.request.response.setStatus(status)
        kind = "BadRequest" if status == 400 else "Forbidden"
        return {
            "error": {"type": kind, "message": translate(message, context=self.request), **details}
        }

    def reply(self):
        # Authenticated per request, as plone.restapi's own POST services.
        alsoProvides(self.request, IDisableCSRFProtection)
        if not questionnaire.may_answer(self.context, self.kind):
            return self.error(403, self.refusal())
        try:
            body = json_body(self.request)
        except DeserializationError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("answers"), dict):
            return self.error(
                400, _('The body must be a JSON object: {"answers": {"<question id>": ...}}.')
            )
        fields = dict(questionnaire.questions(self.kind, self.context))
        data, errors = {}, []
        for name, value in body["answers"].items():
            field = fields.get(name)
            if field is None:
                errors.append(
                    {
                        "field": name,
                        "message": translate(_("No such question."), context=self.request),
                    }
                )
                continue
            try:
                data[name] = convert(field, value)
            except (ValidationError, ValueError, TypeError) as problem:
                if isinstance(problem, ValidationError):
                    message = problem.doc()
                elif isinstance(problem, AnswerError):
                    message = problem.args[0]
                else:
                    message = _("This answer does not fit the question.")
                message = translate(message, context=self.request)
                errors.append({"field": name, "message": message})
        if errors:
            return self.error(400, _("Some answers are not valid."), errors=errors)
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
