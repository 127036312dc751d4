"""``@workflow`` (GET, and the ``workflow`` expansion) on the programme's
content: the review history's comments and actors are review data.

plone.restapi shows the whole review history to whoever may view the item, so
a certified organisation would show every comment of its review (the team's,
the PSC's, the change requests) to anyone. Here the history keeps its steps
(action, state, time) for everyone, and its comments and actors only for those
who hold "qgis.certification: View review data".
"""

from plone import api
from plone.restapi.services.workflow.info import WorkflowInfo
from plone.restapi.services.workflow.info import WorkflowInfoService

from qgis.certification import permissions


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
