"""``GET /@verify/<code>``: what anyone may know of the certificate (or the
organisation's certificate) with this code."""

from qgis.certification import _
from qgis.certification.certificates import issuing
from qgis.certification.certificates import organisation_certificate
from qgis.certification.certificates.verification import verification
from qgis.certification.services.base import ProductService
from qgis.certification.services.certificates.traversal import NameAfter
from qgis.certification.services.certificates.traversal import canonical_code
from qgis.certification.services.certificates.traversal import no_certificate


class VerifyGet(NameAfter, ProductService):
    def answer(self):
        code = canonical_code(self.traversed, _("Give the code to verify: @verify/<code>."))
        certificate = issuing.find_certificate(code)
        if certificate is not None:
            return verification(certificate)
        organisation = issuing.find_certificate(code, "CertifyingOrganisation")
        if organisation is not None:
            return organisation_certificate.verification(organisation)
        raise no_certificate(code)
