"""``GET /@verify/<code>``: what anyone may know of the certificate (an
attendee's, an organisation's or a trainer's) with this code."""

from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from qgis.certification import _
from qgis.certification.certificates import codes
from qgis.certification.certificates import verification
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


@implementer(IPublishTraverse)
class VerifyGet(ProductService):
    code = None

    def publishTraverse(self, request, name):
        if self.code is None:
            self.code = name
        return self

    def answer(self):
        if not self.code:
            raise ServiceError(400, _("Give the code to verify: @verify/<code>."))
        code = codes.normalize(self.code)
        if code is None:
            raise ServiceError(
                400,
                _(
                    "'${code}' is not a valid certificate code: check it for typing "
                    "mistakes (codes look like QGIS-7KX9-P2QM-4).",
                    mapping={"code": self.code},
                ),
            )
        holder, verifier = verification.find(code)
        if holder is not None:
            return verifier.verification(holder)
        raise ServiceError(404, _("No certificate has the code ${code}.", mapping={"code": code}))
