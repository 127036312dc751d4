"""The questionnaire pages of an organisation: ``@@questionnaire`` (the
applicant answers the application questionnaire), ``@@review-checklist`` (the
team and the reviewers fill in the checklist) and ``@@questionnaire-answers``
(the recorded answers, included in the organisation page)."""

from AccessControl import Unauthorized
from plone import api
from plone.autoform.form import AutoExtensibleForm
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import form
from zope.interface import Interface

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.application import questionnaire
from qgis.certification.browser import labels


class INoQuestions(Interface):
    """Stands in for a questionnaire that does not exist on this site."""


class QuestionnaireForm(AutoExtensibleForm, form.Form):
    """Renders the EasyForm's current questions on the organisation and
    stores the answers there."""

    kind = questionnaire.APPLICATION
    anchor = "questionnaire"
    ignoreContext = False
    enableCSRFProtection = True
    additionalSchemata = ()

    @property
    def schema(self):
        return questionnaire.schema_of(self.kind) or INoQuestions

    def getContent(self):
        return questionnaire.form_values(self.context, self.kind)

    def updateFields(self):
        super().updateFields()
        # each question in the page's language (English when not given in it)
        asked = {name: field for name, field, _language in questionnaire.asked_questions(self.kind)}
        for name in self.fields:
            if name in asked:
                self.fields[name].field = asked[name]

    def refuse(self):
        raise Unauthorized(self.__name__)

    def update(self):
        if not questionnaire.may_answer(self.context, self.kind):
            self.refuse()
            return
        if questionnaire.form_of(self.kind) is None:
            api.portal.show_message(
                _("The certification team has not set up these questions yet."),
                self.request,
                type="warning",
            )
        super().update()

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        # A required choice starts without a value (z3c.form would preselect
        # the first one), so that an unanswered question is noticed.
        for widget in self.widgets.values():
            if hasattr(widget, "prompt") and widget.required and not widget.prompt:
                widget.prompt = True
                widget.update()

    def back(self):
        self.request.response.redirect(f"{self.context.absolute_url()}#{self.anchor}")

    @button.buttonAndHandler(_("Save the answers"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        questionnaire.save_answers(self.context, self.kind, data, api.user.get_current().getId())
        api.portal.show_message(_("The answers are saved."), self.request, type="info")
        self.back()

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.back()


class ApplicationQuestionnaireForm(QuestionnaireForm):
    label = _("Application questionnaire")
    description = _(
        "The certification team asks every applicant these questions. Every "
        "question marked as required needs an answer before the application "
        "can be submitted."
    )

    def refuse(self):
        if api.user.has_permission(permissions.MODIFY_PORTAL_CONTENT, obj=self.context):
            # The applicant may still edit the organisation, but the
            # application has been submitted: its answers are under review.
            api.portal.show_message(
                _("The questionnaire can be changed only while the application is a draft."),
                self.request,
                type="error",
            )
            self.request.response.redirect(self.context.absolute_url())
            return
        super().refuse()


class ReviewChecklistForm(QuestionnaireForm):
    kind = questionnaire.CHECKLIST
    anchor = "review-checklist"
    label = _("Review checklist")
    description = _(
        "What the certification team and the reviewers have checked. Each "
        "answer is recorded with who gave it and when."
    )


class QuestionnaireAnswersView(BrowserView):
    """The recorded answers, for those who may read them (a page fragment)."""

    template = ViewPageTemplateFile("templates/questionnaire_answers.pt")

    SECTIONS = (
        (
            questionnaire.APPLICATION,
            "questionnaire",
            _("Application questionnaire"),
            "@@questionnaire",
            _("Answer the questionnaire"),
        ),
        (
            questionnaire.CHECKLIST,
            "review-checklist",
            _("Review checklist"),
            "@@review-checklist",
            _("Fill in the checklist"),
        ),
    )

    def __call__(self):
        return self.template() if self.sections() else ""

    def sections(self):
        if getattr(self, "_sections", None) is not None:
            return self._sections
        result = []
        for kind, anchor, title, view_name, action in self.SECTIONS:
            if not questionnaire.may_read(self.context, kind):
                continue
            if questionnaire.form_of(kind) is None and not questionnaire.answers(
                self.context, kind
            ):
                continue
            may_answer = questionnaire.may_answer(self.context, kind)
            result.append(
                {
                    "anchor": anchor,
                    "title": title,
                    "answers": [
                        dict(
                            questionnaire.shown(entry),
                            author_name=labels.person_name(entry["author"]),
                            day=labels.localized_date(entry["date"]),
                        )
                        for entry in questionnaire.answers(self.context, kind)
                    ],
                    "missing": questionnaire.missing(self.context, kind),
                    "edit_url": f"{self.context.absolute_url()}/{view_name}"
                    if may_answer
                    else None,
                    "edit_label": action,
                }
            )
        self._sections = result
        return result
