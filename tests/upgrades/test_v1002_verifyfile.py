"""Step 1001 -> 1002 (verifying a file) adds the catalog index of the
certificate PDFs' fingerprints and leaves the other indexes as they were."""

from builders import certified_course
from builders import top_up
from plone import api

from qgis.certification.certificates import documents
from qgis.certification.certificates import fingerprints
from qgis.certification.certificates import issuing
from qgis.certification.upgrades import v1002


def test_the_step_adds_the_fingerprint_index(site):
    with api.env.adopt_roles(["Manager"]):
        organisation, course, people = certified_course(site)
        top_up(organisation, 1)
    (certificate,), _balance = issuing.issue_certificates(
        course, [people[0].UID()], "completion", "owner"
    )
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex(fingerprints.INDEX)  # as a 1001 site has it

    v1002.add_fingerprint_index(api.portal.get_tool("portal_setup"))

    assert catalog._catalog.getIndex(fingerprints.INDEX).meta_type == "KeywordIndex"
    # what the other indexes hold is kept
    assert issuing.find_certificate(certificate.code) == certificate
    # certificates handed out from now on are found by their files
    digest = fingerprints.fingerprint(documents.certificate_pdf(certificate))
    assert fingerprints.find(digest) == (certificate, None)
