"""A certified organisation with a located training centre, a published upcoming
course, one issued certificate and the organisation's own certificate, committed
so that the server's threads see it."""

import pytest
import transaction
from builders import certified_course
from builders import top_up
from plone import api

from qgis.certification.certificates.issuing import issue_certificates
from qgis.certification.certificates.organisation_certificate import issue_organisation_certificate


class Programme:
    def __init__(self, portal):
        with api.env.adopt_roles(["Manager"]):
            organisation, course, _people = certified_course(portal, title="Geo Academy")
            top_up(organisation, 5)
            certificates, _balance = issue_certificates(course, "all", "completion", "team")
            record = issue_organisation_certificate(organisation, "team")
        self.portal_url = portal.absolute_url()
        self.paths = {
            "org": "/".join(organisation.getPhysicalPath()[2:]),
            "course": "/".join(course.getPhysicalPath()[2:]),
            "certificate": "/".join(certificates[0].getPhysicalPath()[2:]),
            "code": certificates[0].code,
            "org_code": record["code"],
        }
        self.organisation_path = organisation.getPhysicalPath()
        self.certificate_path = certificates[0].getPhysicalPath()
        transaction.commit()

    def url(self, template):
        return f"{self.portal_url}/{template.format(**self.paths)}"


@pytest.fixture
def programme(server_site):
    return Programme(server_site)
