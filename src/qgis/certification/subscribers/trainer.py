"""Workflow events of a trainer nomination: the checks that explain a
refusal, the trainer certificate on approval, and the mails of each step."""

from Products.CMFCore.WorkflowCore import WorkflowException

from qgis.certification.subscribers.messages import in_request_language
from qgis.certification.trainers import mails
from qgis.certification.trainers import nomination as rules


def _transition_and_comment(event):
    comment = (event.kwargs or {}).get("comment", "") or ""
    return event.transition.id, comment


def check_transition(nomination, event):
    if event.transition is None:
        return
    transition, comment = _transition_and_comment(event)
    try:
        rules.check_transition(nomination, transition, comment)
    except rules.TrainerRefusal as refusal:
        raise WorkflowException(in_request_language(refusal.message)) from refusal


def after_transition(nomination, event):
    if event.transition is None:
        return
    transition, comment = _transition_and_comment(event)
    if transition == "approve":
        rules.approve(nomination)
    mails.notify_transition(nomination, transition, comment)
