"""Run the daily review-deadline step (``make review-deadlines``, meant for cron): the
review deadlines, then the removal of attendee records whose retention ended, then
trainer certificates that lapse or end soon."""

import sys

import transaction
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

from qgis.certification.application.deadlines import process_review_deadlines
from qgis.certification.privacy.retention import remove_expired_attendees
from qgis.certification.trainers.validity import process_trainer_validity


def main(app, site_id):
    app = makerequest(app)
    if site_id not in app.objectIds():
        print(f"review-deadlines: there is no site /{site_id}", file=sys.stderr)
        return 2
    portal = app[site_id]
    setSite(portal)
    try:
        result = process_review_deadlines()
        removed = remove_expired_attendees()
        result.update(process_trainer_validity())
        transaction.commit()
    except Exception as error:
        transaction.abort()
        print(f"review-deadlines: failed: {type(error).__name__}: {error}", file=sys.stderr)
        raise
    print(
        f"review-deadlines: {len(result['sent_to_psc'])} sent to the PSC, "
        f"{len(result['reminded'])} reminded, {removed} attendee records removed "
        f"(retention ended), {len(result['lapsed'])} trainer certificates lapsed, "
        f"{len(result['trainer_reminders'])} trainer renewals reminded"
    )
    return 0


if __name__ == "__main__":
    import os

    sys.exit(main(app, os.environ.get("SITE_ID", "Plone")))  # noqa: F821 - from zconsole
