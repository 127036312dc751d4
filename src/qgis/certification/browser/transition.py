"""``@@workflow-transition``: the Classic UI side of a workflow transition.

The workflow menu links here (see the transitions' action URLs, which name
the transition in the ``transition`` parameter; the form posts it back). The
form says what the step does (its own help), asks for the comment, and offers
to confirm only when the programme's rules would let the step pass now
(otherwise it says why not). A refusal (a guard's message) is shown on the
form instead of an error page, and nothing changes: the transaction is
aborted. Once done, the message says what happened and what comes next.
"""

from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.i18n import translate
from zope.interface import Interface

from qgis.certification import _
from qgis.certification.browser import offered
from qgis.certification.browser import transition_texts
from qgis.certification.browser.form_base import ProductForm
from qgis.certification.browser.form_base import with_valid_data


COMMENT_REQUIRED = ("request_changes", "reject", "revoke")


class ITransitionComment(Interface):
    comment = schema.Text(
        title=_("Comment"),
        description=_("Optional; kept in the item's history."),
        required=False,
    )


def _may_confirm(form):
    return form.refusal() is None


class WorkflowTransitionView(ProductForm):
    template = ViewPageTemplateFile("templates/workflow_transition.pt")
    fields = field.Fields(ITransitionComment)
    primary_buttons = ("confirm",)

    def transitions(self):
        workflow = api.portal.get_tool("portal_workflow")
        return {t["id"]: t for t in workflow.getTransitionsFor(self.context)}

    @property
    def transition_id(self):
        return self.request.form.get("transition", "")

    def transition(self):
        return self.transitions().get(self.transition_id)

    def refusal(self):
        """Why the step would be refused now (translated), or None."""
        if not hasattr(self, "_refusal"):
            reason = offered.refusal(self.context, self.transition_id)
            self._refusal = None if reason is None else self.translated(reason)
        return self._refusal

    def help_text(self):
        text = transition_texts.help_text(self.context, self.transition_id)
        return self.translated(text) if text is not None else None

    def translated(self, message):
        return translate(message, domain="qgis.certification", context=self.request)

    def update(self):
        if self.transition() is None:
            api.portal.show_message(
                _("This step is not available to you here."), self.request, type="error"
            )
            self.redirect(self.context.absolute_url())
            return
        super().update()

    def updateWidgets(self):
        super().updateWidgets()
        if self.transition_id in COMMENT_REQUIRED:
            widget = self.widgets["comment"]
            widget.field = widget.field.bind(self.context)
            widget.field.description = _(
                "Required: it is mailed to the people concerned with the reasons."
            )

    @button.buttonAndHandler(_("Confirm"), name="confirm", condition=_may_confirm)
    @with_valid_data
    def handle_confirm(self, action, data):
        title = self.title()
        with self.refusals_shown():
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context, self.transition_id, comment=data.get("comment") or ""
            )
        message = transition_texts.done_message(
            self.context, self.transition_id, title, self.state_title()
        )
        api.portal.show_message(self.translated(message), self.request, type="info")
        self.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.redirect(self.context.absolute_url())

    def title(self):
        return self.translated(self.transition()["title"])

    def state_title(self):
        workflow = api.portal.get_tool("portal_workflow")
        state = workflow.getInfoFor(self.context, "review_state")
        return self.translated(workflow.getTitleForStateOnType(state, self.context.portal_type))
