"""The review of a trainer nomination: what each transition needs beyond its
guard permission, and what approving does (the trainer certificate: its
code, its period, and its credits when the settings say it costs some).

Called by the workflow subscribers (``subscribers/trainer.py``); a refusal is
a ``TrainerRefusal`` whose message says why.
"""

from datetime import date

from plone import api
from plone.app.uuid.utils import uuidToObject

from qgis.certification import _
from qgis.certification.certificates import issuing
from qgis.certification.certificates.credentials.status_register import assign_index
from qgis.certification.content.organisation import organisation_of
from qgis.certification.payments.credits import InsufficientCredits
from qgis.certification.payments.credits import current_user_id
from qgis.certification.payments.credits import ledger_of
from qgis.certification.refusals import Refusal
from qgis.certification.trainers import validity


class TrainerRefusal(Refusal):
    """A transition of a nomination refused, saying why."""


COMMENT_REQUIRED = {
    "request_changes": _("Say what the organisation should change: a comment is required."),
    "reject": _("Give the reasons for the rejection: a comment is required."),
    "revoke": _("Give the reasons for the revocation: a comment is required."),
}


def _refuse(message):
    raise TrainerRefusal(400, message)


def check_submission(nomination):
    """A nomination goes to the team only from a certified organisation, for
    one of its conveners, once per convener."""
    organisation = organisation_of(nomination)
    if organisation is None or api.content.get_state(organisation) != "published":
        _refuse(_("Only certified organisations nominate trainers."))
    if not (nomination.statement or "").strip() or not nomination.teaching_languages:
        _refuse(_("The nomination needs a statement and at least one teaching language."))
    convener = uuidToObject(nomination.convener, unrestricted=True)
    if convener is None or organisation_of(convener) != organisation:
        _refuse(_("Choose one of the organisation's conveners."))
    others = api.content.find(
        portal_type="TrainerNomination",
        qgis_convener=nomination.convener,
        review_state=("submitted", "approved", "changes_requested"),
        unrestricted=True,
    )
    if any(nomination.UID() != brain.UID for brain in others):
        _refuse(_("This convener already has a nomination under review or approved."))


def check_transition(nomination, transition, comment):
    """Refuse ``transition`` when it lacks what it needs."""
    if transition in COMMENT_REQUIRED and not (comment or "").strip():
        _refuse(COMMENT_REQUIRED[transition])
    if transition in ("submit", "renew"):
        check_submission(nomination)
    elif transition == "lapse":
        if nomination.valid_until is not None and nomination.valid_until >= date.today():
            _refuse(_("The trainer certificate has not reached its end date yet."))
    elif transition == "approve":
        check_credits(nomination)


def credits_needed():
    return validity.setting("credits") if validity.setting("costs_credits") else 0


def check_credits(nomination):
    needed = credits_needed()
    if not needed:
        return
    balance = ledger_of(organisation_of(nomination)).balance
    if balance < needed:
        _refuse(InsufficientCredits(needed, balance).message())


def approve(nomination, today=None):
    """After ``approve``: the trainer certificate's code (kept on renewal)
    and its place in the revocation list, its period, and the credits it costs."""
    if not nomination.code:
        nomination.code = issuing.unique_code(set())
    assign_index(nomination.code)
    nomination.valid_from, nomination.valid_until = validity.new_period(nomination, today)
    nomination.issued_by = current_user_id()
    needed = credits_needed()
    if needed:
        ledger = ledger_of(organisation_of(nomination))
        ledger.append(-needed, "certificate", f"trainer {nomination.code}", current_user_id())
    nomination.reindexObject()
