"""``POST <item>/@workflow/<transition>`` for the product's content types.

plone.restapi answers 200 when the transition is not available but the item
already sits in the transition's target state (so that publishing a published
page is harmless), and otherwise 400 with a message whose placeholder is left
unfilled. For the product's workflows a repeated transition is a mistake worth
telling (a second ``mark_paid`` on an invoice, a second ``retract`` of a
course): this service answers 400 naming the transition and the item's state,
and changes nothing. An available transition goes on to plone.restapi.
"""

from plone import api
from plone.restapi.services.workflow.transition import WorkflowTransition
from zope.i18n import translate

from qgis.certification import _


class StrictWorkflowTransition(WorkflowTransition):
    def reply(self):
        if self.transition is None or self.available():
            return super().reply()
        self.request.response.setStatus(400)
        message = _(
            "The transition '${transition}' is not available for this item in its "
            "state '${state}': nothing changed.",
            mapping={"transition": self.transition, "state": api.content.get_state(self.context)},
        )
        return {
            "error": {
                "type": "WorkflowException",
                "message": translate(message, context=self.request),
            }
        }

    def available(self):
        """Whether the current user may take the transition from the item's state."""
        return any(
            transition["id"] == self.transition
            for transition in self.wftool.getTransitionsFor(self.context)
        )
