"""How long a trainer certificate lasts, and the daily run that lapses
expired ones and reminds organisations before they lapse.

A trainer is certified while the nomination is ``approved``, and also while
a renewal of a certificate that has not reached its end date is under
review (``submitted`` or ``changes_requested`` with a ``valid_until`` still
ahead): renewing early never takes a trainer out of the directory.
"""

import calendar
import logging
from datetime import date

from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.interfaces import ITrainerSettings
from qgis.certification.trainers import mails


logger = logging.getLogger("qgis.certification")

APPROVED = "approved"
#: States in which a certificate whose end date is ahead still counts.
CERTIFIED_STATES = (APPROVED, "submitted", "changes_requested")
REMINDED_KEY = "qgis.certification.trainer-reminded"
PERIOD_ENDED = _("The trainer certificate reached its end date.")


def setting(name):
    return api.portal.get_registry_record(name=name, interface=ITrainerSettings)


def add_months(day, months):
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_certified(state, valid_until, today=None):
    today = today or date.today()
    return state in CERTIFIED_STATES and valid_until is not None and valid_until >= today


def has_expired(state, valid_until, today=None):
    """Whether a certificate no longer valid ended at its end date (lapsed,
    or not yet lapsed by the daily run) rather than being revoked or refused."""
    if is_certified(state, valid_until, today):
        return False
    return state == "lapsed" or state in CERTIFIED_STATES


def certified_query(today=None):
    """The catalog query of the nominations whose trainer is certified today."""
    return {
        "portal_type": "TrainerNomination",
        "review_state": CERTIFIED_STATES,
        "qgis_valid_until": {"query": today or date.today(), "range": "min"},
    }


def new_period(nomination, today=None):
    """``(valid_from, valid_until)`` of an approval today: a renewal before the
    end date continues from it, so renewing early loses nothing."""
    today = today or date.today()
    start = today
    if nomination.valid_until is not None and nomination.valid_until > today:
        start = nomination.valid_until
    return today, add_months(start, setting("validity_months"))


def reminded_for(nomination):
    return IAnnotations(nomination).get(REMINDED_KEY)


def _lapse(nomination):
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_workflow").doActionFor(
            nomination,
            "lapse",
            comment=translate(PERIOD_ENDED, target_language=api.portal.get_default_language()),
        )


def _remind(nomination):
    """Remind once per period: the period is known by its end date."""
    period = nomination.valid_until.isoformat()
    if reminded_for(nomination) == period:
        return False
    mails.notify(nomination, "trainer_reminder")
    IAnnotations(nomination)[REMINDED_KEY] = period
    return True


def process_trainer_validity(today=None):
    """Lapse the certificates past their end date and remind the organisations
    of those ending soon. Returns ``{"lapsed": [paths], "trainer_reminders": [paths]}``."""
    today = today or date.today()
    reminder_days = setting("reminder_days_before")
    result = {"lapsed": [], "trainer_reminders": []}
    brains = api.content.find(
        portal_type="TrainerNomination", review_state=APPROVED, unrestricted=True
    )
    for brain in brains:
        nomination = brain._unrestrictedGetObject()
        if nomination.valid_until is None:
            continue
        if nomination.valid_until < today:
            _lapse(nomination)
            logger.info("%s: trainer certificate lapsed", brain.getPath())
            result["lapsed"].append(brain.getPath())
        elif (nomination.valid_until - today).days <= reminder_days and _remind(nomination):
            logger.info("%s: reminded to renew the trainer certificate", brain.getPath())
            result["trainer_reminders"].append(brain.getPath())
    return result
