"""Services that read one name after their own (``@verify/<code>``,
``@credential/<code>``...), and the reading of a certificate code there."""

from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from qgis.certification import _
from qgis.certification.certificates import codes
from qgis.certification.certificates.verification import SAMPLE_MESSAGE
from qgis.certification.services.base import ServiceError


@implementer(IPublishTraverse)
class NameAfter:
    """Mixin: keeps the first name after the service's as ``traversed``."""

    traversed = None

    def publishTraverse(self, request, name):
        if self.traversed is None:
            self.traversed = name
        return self


def canonical_code(typed, usage):
    """The canonical code of ``typed``; ``usage`` is said when nothing was given.

    Raises ServiceError (400) for a missing or mistyped code."""
    if not typed:
        raise ServiceError(400, usage)
    if codes.is_sample(typed):
        raise ServiceError(400, SAMPLE_MESSAGE)
    code = codes.normalize(typed)
    if code is None:
        raise ServiceError(
            400,
            _(
                "'${code}' is not a valid certificate code: check it for typing "
                "mistakes (codes look like QGIS-7KX9-P2QM-4).",
                mapping={"code": typed},
            ),
        )
    return code


def no_certificate(code):
    return ServiceError(404, _("No certificate has the code ${code}.", mapping={"code": code}))
