"""Workflow events of a certifying organisation: the guards that explain a
refusal, the reviewers' local roles, and the mails of each step."""

import logging

from Products.CMFCore.WorkflowCore import WorkflowException

from qgis.certification import _
from qgis.certification.application import notifications
from qgis.certification.application import review
from qgis.certification.application import reviewers
from qgis.certification.application import transitions
from qgis.certification.subscribers.messages import in_request_language


logger = logging.getLogger("qgis.certification")

COMMENT_REQUIRED = {
    "request_changes": _("Say what the applicant should change: a comment is required."),
    "reject": _("Give the reasons for the rejection: a comment is required."),
}


def _refuse(message):
    raise WorkflowException(in_request_language(message))


def check_transition(organisation, event):
    """Before a transition: refuse, with a message that says why, what the
    guard permissions alone cannot express."""
    if event.transition is None:
        return
    transition = event.transition.id
    comment = (event.kwargs or {}).get("comment", "") or ""
    if transition in COMMENT_REQUIRED and not comment.strip():
        _refuse(COMMENT_REQUIRED[transition])
    reason = transitions.refusal(organisation, transition)
    if reason is not None:
        _refuse(reason)


def sync_reviewers(organisation, event=None):
    """After any change of the organisation (its country, its state), its
    reviewers' role follows who reviews it now."""
    reviewers.sync_reviewer_roles(organisation)


def after_transition(organisation, event):
    sync_reviewers(organisation)
    if event.transition is None:
        return
    transition = event.transition.id
    comment = (event.kwargs or {}).get("comment", "") or ""
    mapping = notifications.mapping_for(organisation, comment=comment)
    owners = review.owners(organisation)
    if transition == "submit":
        notifications.notify_users(
            notifications.group_members(notifications.TEAM_GROUP),
            "submitted_team",
            mapping,
        )
        notifications.notify_users(owners, "submitted_owner", mapping)
    elif transition == "send_to_user_groups":
        deadline = review.review_deadline(organisation)
        mapping["deadline"] = deadline.strftime("%Y-%m-%d") if deadline else ""
        notifications.notify_users(
            sorted(reviewers.reviewers(organisation)), "user_group_review", mapping
        )
    elif transition == "send_to_psc":
        notifications.notify_users(
            notifications.group_members(notifications.PSC_GROUP),
            "psc_decision",
            mapping,
        )
    elif transition in ("request_changes", "approve", "reject"):
        notifications.notify_users(owners, transition, mapping)
