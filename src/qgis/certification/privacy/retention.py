"""Retention: attendee records that never received a certificate are removed
a set number of months after their course ended (the daily run)."""

from datetime import date

from plone import api

from qgis.certification.certificates.issuing import attendees_of
from qgis.certification.interfaces import IPrivacySettings
from qgis.certification.privacy.register import forget_old_counts
from qgis.certification.privacy.register import log_request


def months_before(day, months):
    """The same day ``months`` earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise ValueError(day)


def retention_cutoff(today=None):
    months = api.portal.get_registry_record(
        name="attendee_retention_months", interface=IPrivacySettings
    )
    return months_before(today or date.today(), months)


def _certified_attendees(course):
    """The UIDs of the course's attendees that received a certificate (even
    one revoked or withdrawn since)."""
    brains = api.content.find(
        path={"query": "/".join(course.getPhysicalPath()), "depth": 1},
        portal_type="Certificate",
        unrestricted=True,
    )
    return {brain._unrestrictedGetObject().attendee for brain in brains}


def expired_attendees(today=None):
    """The attendees without a certificate whose course ended before the cutoff."""
    courses = api.content.find(
        portal_type="Course",
        qgis_end={"query": retention_cutoff(today), "range": "max"},
        unrestricted=True,
    )
    expired = []
    for course_brain in courses:
        course = course_brain._unrestrictedGetObject()
        certified = _certified_attendees(course)
        expired.extend(
            brain._unrestrictedGetObject()
            for brain in attendees_of(course)
            if brain.UID not in certified
        )
    return expired


def remove_expired_attendees(today=None):
    """Remove the expired attendee records; returns how many were removed."""
    expired = expired_attendees(today)
    if expired:
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(objects=expired, check_linkintegrity=False)
        log_request("retention", f"{len(expired)} attendee records removed")
    forget_old_counts(24)
    return len(expired)
