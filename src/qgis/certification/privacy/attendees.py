"""What the product holds about an attendee, found by their address's keyed
digest, and the two ways it is taken back: erasure and withdrawal."""

from datetime import date

from Acquisition import aq_parent
from plone import api
from zope.i18n import translate

from qgis.certification.certificates import documents
from qgis.certification.certificates import mailing
from qgis.certification.certificates.verification import WITHDRAWN_MESSAGE
from qgis.certification.content.organisation import organisation_of
from qgis.certification.privacy.register import new_request_id


def held_brains(key, portal_type):
    """The catalog brains of ``portal_type`` found for an address key."""
    if not key:
        return []
    return api.content.find(portal_type=portal_type, qgis_email_key=key, unrestricted=True)


def held_for(key, portal_type):
    """The objects of ``portal_type`` the catalog finds for an address key."""
    return [brain._unrestrictedGetObject() for brain in held_brains(key, portal_type)]


def holds_data(key):
    return bool(held_brains(key, "Attendee"))


def _iso(value):
    return value.isoformat() if value is not None else None


def attendee_record(attendee):
    course = aq_parent(attendee)
    organisation = organisation_of(course)
    return {
        "first_name": attendee.first_name,
        "last_name": attendee.last_name,
        "email": attendee.email,
        "course": course.Title(),
        "organisation": organisation.Title() if organisation is not None else None,
        "start_date": _iso(course.start_date),
        "end_date": _iso(course.end_date),
        "added": attendee.created().ISO8601(),
    }


def certificate_record(certificate):
    return {
        "code": certificate.code,
        "name": certificate.printed_name,
        "certificate_type": certificate.certificate_type,
        "course": certificate.course_type_title,
        "organisation": certificate.organisation_title,
        "issue_date": _iso(certificate.issue_date),
        "state": api.content.get_state(certificate),
        "verify_url": documents.verify_url(certificate.code),
        "mailed": [
            {"date": when, "email": address or None}
            for when, address in mailing.mail_log(certificate)
        ],
    }


def attendee_data(key):
    """Everything held for the address: its attendee records and certificates."""
    return {
        "attendee_records": [attendee_record(item) for item in held_for(key, "Attendee")],
        "certificates": [certificate_record(item) for item in held_for(key, "Certificate")],
    }


def erase_attendee(attendee):
    """Remove the person's e-mail and names from an attendee record, and the
    name from its id (ids are made from the title); the certificates it
    received keep their printed name and stay verifiable."""
    attendee.first_name = None
    attendee.last_name = None
    attendee.email = None
    attendee.erased_on = date.today()
    course = aq_parent(attendee)
    with api.env.adopt_roles(["Manager"]):
        new_id = f"erased-{new_request_id()}"
        course.manage_renameObject(attendee.getId(), new_id)
    course[new_id].reindexObject()
    return course[new_id]


def withdraw_certificate(certificate):
    """The holder withdraws the certificate: its name is removed, it is no
    longer valid, and verification says it was withdrawn at their request."""
    certificate.first_name = None
    certificate.last_name = None
    certificate.withdrawn_on = date.today()
    if api.content.get_state(certificate) == "issued":
        comment = translate(WITHDRAWN_MESSAGE, target_language=api.portal.get_default_language())
        with api.env.adopt_roles(["Manager"]):
            api.portal.get_tool("portal_workflow").doActionFor(
                certificate, "revoke", comment=comment
            )
    certificate.reindexObject()
