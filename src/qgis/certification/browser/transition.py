"""``@@workflow-transition``: the Classic UI side of a workflow transition.

The workflow menu links here (see the transitions' action URLs, which name
the transition in the ``transition`` parameter; the form posts it back). The
form asks for the comment, and a refusal (a guard's message) is shown to the
user on the form instead of an error page. Nothing changes when a transition
is refused: the transaction is aborted.
"""

from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.i18n import translate
from zope.interface import Interface

from qgis.certification import _
from qgis.certification.browser.form_base import ProductForm
from qgis.certification.browser.form_base import with_valid_data


class ITransitionComment(Interface):
    comment = schema.Text(
        title=_("Comment"),
        description=_(
            "Required when changes are requested or an application is rejected; it is "
            "sent to the applicant."
        ),
        required=False,
    )


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

    def update(self):
        if self.transition() is None:
            api.portal.show_message(
                _("This step is not available to you here."), self.request, type="error"
            )
            self.redirect(self.context.absolute_url())
            return
        super().update()

    @button.buttonAndHandler(_("Confirm"), name="confirm")
    @with_valid_data
    def handle_confirm(self, action, data):
        with self.refusals_shown():
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context, self.transition_id, comment=data.get("comment") or ""
            )
        api.portal.show_message(_("The step is done."), self.request, type="info")
        self.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.redirect(self.context.absolute_url())

    def title(self):
        transition = self.transition()
        return translate(transition["title"], domain="qgis.certification", context=self.request)
