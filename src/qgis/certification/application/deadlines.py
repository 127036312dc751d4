"""The daily review-deadline run (``make review-deadlines``, from cron).

Applications whose user-group review period has ended go to the PSC; user
groups that have not answered a week before the end are reminded, once per
review round.
"""

import logging
from datetime import timedelta

from plone import api
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.application import notifications
from qgis.certification.application import review


logger = logging.getLogger("qgis.certification")

PERIOD_ENDED = _("The user groups' review period ended.")


def process_review_deadlines():
    """Returns ``{"sent_to_psc": [paths], "reminded": [paths]}``."""
    now = review.now_utc()
    _days, reminder_days = review.settings()
    result = {"sent_to_psc": [], "reminded": []}
    brains = api.content.find(
        portal_type="CertifyingOrganisation", review_state="user_group_review", unrestricted=True
    )
    for brain in brains:
        organisation = brain._unrestrictedGetObject()
        deadline = review.review_deadline(organisation)
        if deadline is None:
            continue
        path = brain.getPath()
        if now >= deadline:
            with api.env.adopt_roles(["Manager"]):
                api.portal.get_tool("portal_workflow").doActionFor(
                    organisation,
                    "send_to_psc",
                    comment=translate(
                        PERIOD_ENDED, target_language=api.portal.get_default_language()
                    ),
                )
            logger.info("%s: review period ended, sent to the PSC", path)
            result["sent_to_psc"].append(path)
            continue
        started = review.review_started(organisation)
        if (
            now >= deadline - timedelta(days=reminder_days)
            and review.reminded(organisation) != started.isoformat()
        ):
            reviewers = [
                user_id
                for group in review.groups_without_opinion(organisation)
                for user_id in group.members or ()
            ]
            mapping = notifications.mapping_for(
                organisation, deadline=deadline.strftime("%Y-%m-%d")
            )
            notifications.notify_users(reviewers, "reminder", mapping)
            review.mark_reminded(organisation, started)
            logger.info("%s: reminded %d reviewers", path, len(reviewers))
            result["reminded"].append(path)
    return result
