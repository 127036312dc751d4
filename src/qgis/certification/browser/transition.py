"""``@@workflow-transition``: the Classic UI side of a workflow transition.

The workflow menu links here (see the transitions' action URLs). The form asks
for the comment, and a refusal (a guard's message) is shown to the user next
to the form instead of an error page. Nothing changes when a transition is
refused: the transaction is aborted.
"""

import transaction
from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from qgis.certification import _


class WorkflowTransitionView(BrowserView):
    template = ViewPageTemplateFile("templates/workflow_transition.pt")
    error = None

    def transitions(self):
        workflow = api.portal.get_tool("portal_workflow")
        return {t["id"]: t for t in workflow.getTransitionsFor(self.context)}

    @property
    def transition_id(self):
        return self.request.form.get("transition", "")

    def transition(self):
        return self.transitions().get(self.transition_id)

    def __call__(self):
        if self.transition() is None:
            api.portal.show_message(
                _("This step is not available to you here."), self.request, type="error"
            )
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and "form.buttons.confirm" in self.request.form:
            CheckAuthenticator(self.request)
            comment = self.request.form.get("comment", "")
            try:
                api.portal.get_tool("portal_workflow").doActionFor(
                    self.context, self.transition_id, comment=comment
                )
            except WorkflowException as refusal:
                transaction.doom()
                self.error = str(refusal)
            else:
                api.portal.show_message(_("The step is done."), self.request, type="info")
                return self.request.response.redirect(self.context.absolute_url())
        return self.template()

    def title(self):
        transition = self.transition()
        return translate(transition["title"], domain="qgis.certification", context=self.request)
