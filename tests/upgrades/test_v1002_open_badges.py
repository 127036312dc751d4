"""Step 1001 -> 1002 gives a site upgraded from 1001 its signing key and a
revocation-list place to every certificate issued before."""

from builders import certified_course
from builders import top_up
from plone import api

from qgis.certification.builders import certificates as build
from qgis.certification.certificates import organisation_certificate
from qgis.certification.certificates.credentials import keys
from qgis.certification.certificates.credentials import status_register
from qgis.certification.upgrades import v1002


def forget(key):
    """What a 1001 site lacks: the annotation ``key`` of the site root."""
    annotations = api.portal.get().__annotations__
    if key in annotations:
        del annotations[key]


def test_the_step_creates_a_signing_key(site):
    forget(keys.KEY)
    assert keys.public_jwks() == []
    v1002.create_signing_key(api.portal.get_tool("portal_setup"))
    assert len(keys.public_jwks()) == 1
    v1002.create_signing_key(api.portal.get_tool("portal_setup"))
    assert len(keys.public_jwks()) == 1  # run again, it keeps the key


def test_the_step_places_every_certificate_in_the_status_list(site):
    with api.env.adopt_roles(["Manager"]):
        organisation, course, _people = certified_course(site)
        top_up(organisation, 3)
        issued = build.issue(course, "owner")
        record = organisation_certificate.issue_organisation_certificate(organisation, "team")
    forget(status_register.KEY)
    assert status_register.index_of(issued[0].code) is None

    v1002.assign_status_indexes(api.portal.get_tool("portal_setup"))

    codes = [certificate.code for certificate in issued] + [record["code"]]
    indexes = [status_register.index_of(code) for code in codes]
    assert sorted(indexes) == [0, 1, 2, 3]
    v1002.assign_status_indexes(api.portal.get_tool("portal_setup"))
    assert [status_register.index_of(code) for code in codes] == indexes
