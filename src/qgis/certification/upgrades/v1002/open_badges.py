"""1001 -> 1002, Open Badges: the site gets its signing key, and every
certificate issued before gets its place in the revocation list, oldest first."""

from plone import api

from qgis.certification.certificates.credentials.keys import ensure_key
from qgis.certification.certificates.credentials.status_register import assign_index
from qgis.certification.certificates.organisation_certificate import organisation_certificate


def create_signing_key(setup_tool):
    ensure_key()


def _issued_codes():
    found = []
    for brain in api.content.find(portal_type="Certificate", unrestricted=True):
        certificate = brain._unrestrictedGetObject()
        found.append((certificate.issue_date.isoformat(), certificate.code))
    for brain in api.content.find(portal_type="CertifyingOrganisation", unrestricted=True):
        record = organisation_certificate(brain._unrestrictedGetObject())
        if record is not None:
            found.append((record["issue_date"], record["code"]))
    return [code for _day, code in sorted(found)]


def assign_status_indexes(setup_tool):
    for code in _issued_codes():
        assign_index(code)
