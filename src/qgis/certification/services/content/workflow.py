"""``@workflow`` on the programme's content.

GET (and the ``workflow`` expansion): the review history's comments and actors
are review data.

plone.restapi shows the whole review history to whoever may view the item, so
a certified organisation would show every comment of its review (the team's,
the PSC's, the change requests) to anyone. Here the history keeps its steps
(action, state, time) for everyone, and its comments and actors only for those
who hold "qgis.certification: View review data".
"""

from plone import api
from plone.restapi.services.workflow.info import WorkflowInfo
from plone.restapi.services.workflow.info import WorkflowInfoService
from plone.restapi.services.workflow.transition import WorkflowTransition

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.services.base import error_body


PUBLIC_KEYS = ("action", "review_state", "time", "title")


def may_see_review(context):
    return api.user.has_permission(permissions.VIEW_REVIEW_DATA, obj=context)


def public_history(history):
    """The history's steps without what only reviewers may read."""
    return [{key: entry[key] for key in PUBLIC_KEYS if key in entry} for entry in history]


class ReviewWorkflowInfo(WorkflowInfo):
    """The ``workflow`` element, its history filtered for who asks."""

    def __call__(self, expand=False):
        result = super().__call__(expand=expand)
        workflow = result["workflow"]
        if expand and "history" in workflow and not may_see_review(self.context):
            workflow["history"] = public_history(workflow["history"])
        return result


class ReviewWorkflowInfoService(WorkflowInfoService):
    def reply(self):
        return ReviewWorkflowInfo(self.context, self.request)(expand=True)["workflow"]


class StrictWorkflowTransition(WorkflowTransition):
    """POST ``<item>/@workflow/<transition>``: plone.restapi answers 200 when the
    transition is not available but the item already sits in its target state
    (publishing a published page is harmless). For the programme's workflows a
    repeated transition is a mistake worth telling (a second ``mark_paid`` on an
    invoice, a second ``retract`` of a course): it answers 400 naming the
    transition and the item's state, and changes nothing. An available
    transition goes on to plone.restapi."""

    def reply(self):
        if self.transition is None or self.available():
            return super().reply()
        self.request.response.setStatus(400)
        message = _(
            "The transition '${transition}' is not available for this item in its "
            "state '${state}': nothing changed.",
            mapping={"transition": self.transition, "state": api.content.get_state(self.context)},
        )
        body = error_body(self.request, 400, message)
        body["error"]["type"] = "WorkflowException"
        return body

    def available(self):
        """Whether the current user may take the transition from the item's state."""
        return any(
            transition["id"] == self.transition
            for transition in self.wftool.getTransitionsFor(self.context)
        )
