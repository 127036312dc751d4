"""``GET /@verify/<code>``: what anyone may know of the certificate (an
attendee's, an organisation's or a trainer's) with this code."""

from qgis.certification import _
from qgis.certification.certificates import verification
from qgis.certification.services.base import ProductService
from qgis.certification.services.certificates.traversal import NameAfter
from qgis.certification.services.certificates.traversal import canonical_code
from qgis.certification.services.certificates.traversal import no_certificate


class VerifyGet(NameAfter, ProductService):
    def answer(self):
        code = canonical_code(self.traversed, _("Give the code to verify: @verify/<code>."))
        holder, verifier = verification.find(code)
        if holder is not None:
            return verifier.verification(holder)
        raise no_certificate(code)
