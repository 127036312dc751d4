"""``@mail-certificates`` on a course: mail attendees their certificate (link
and PDF), and report who could not be mailed."""

from plone import api

from qgis.certification import _
from qgis.certification.certificates.documents import mail_certificates
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


WHICH = _("'certificates' must be \"all\" or a list of UIDs.")


class MailCertificatesPost(ProductService):
    """``{"certificates": "all" or [UID, ...]}``; no body mails them all."""

    fields = (Field("certificates", (str, list), items=str, default="all", message=WHICH),)

    def answer(self):
        wanted = self.body()["certificates"]
        if isinstance(wanted, str) and wanted != "all":
            raise ServiceError(400, WHICH, field="certificates")
        brains = api.content.find(
            context=self.context, portal_type="Certificate", review_state="issued"
        )
        if wanted != "all":
            brains = [brain for brain in brains if brain.UID in wanted]
        sent, failed = mail_certificates([brain.getObject() for brain in brains])
        return {"sent": sent, "failed": failed}
