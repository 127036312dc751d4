"""``@organisation-certificate`` on a certified organisation: its "authorised
QGIS training provider" certificate, issued once. It reads no body."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides

from qgis.certification.certificates import issuing
from qgis.certification.certificates.organisation_certificate import issue_organisation_certificate
from qgis.certification.services.base import ProductService


class OrganisationCertificatePost(ProductService):
    refusals = (issuing.IssueError,)

    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        record = issue_organisation_certificate(self.context, api.user.get_current().getId())
        self.request.response.setStatus(201)
        return dict(record, pdf=f"{self.context.absolute_url()}/@@organisation-certificate.pdf")
