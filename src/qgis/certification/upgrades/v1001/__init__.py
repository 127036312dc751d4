"""1000 -> 1001: rights follow the current situation, private details get a
permission, and only safe addresses are kept.

The rolemap step grants the new "View private details" permission. Local roles
granted under 1.0.0 are then recomputed once: reviewers from the current coverage
of each organisation, conveners from each course's current convener, and no
attendee stays owned by whoever added it. Addresses stored before they were
checked (``javascript:`` and other schemes) are emptied.
"""

from plone import api

from qgis.certification.application import reviewers
from qgis.certification.subscribers import course
from qgis.certification.urls.cleaning import blank_unsafe_urls


def _objects(portal_type):
    for brain in api.content.find(portal_type=portal_type, unrestricted=True):
        yield brain._unrestrictedGetObject()


def recompute_local_roles(setup_tool):
    for organisation in _objects("CertifyingOrganisation"):
        reviewers.sync_reviewer_roles(organisation)
    for a_course in _objects("Course"):
        course.sync_convener_role(a_course)
    for attendee in _objects("Attendee"):
        course.release_ownership(attendee)


def blank_unsafe_addresses(setup_tool):
    blank_unsafe_urls()
