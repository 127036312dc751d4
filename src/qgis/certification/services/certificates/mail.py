"""``@mail-certificates`` on a course: mail attendees their certificate (link
and PDF), report who could not be mailed, and record who was mailed when.

``GET`` says who would be mailed (the confirmation); ``POST`` mails."""

from qgis.certification.certificates import mailing
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService


class MailCertificatesGet(ProductService):
    """``{"unmailed": n, "issued": n, "certificates": [{"UID", "code", "name",
    "email", "mailed": {"date", "email"} or null}]}``"""

    def answer(self):
        everyone = mailing.issued(self.context)
        return {
            "issued": len(everyone),
            "unmailed": len(mailing.chosen(self.context, mailing.UNMAILED)),
            "certificates": mailing.plan(everyone),
        }


class MailCertificatesPost(ProductService):
    """``{"certificates": "unmailed" (the default), "all" or [UID, ...],
    "request_id": "..."}``: the same ``request_id`` twice mails nothing the
    second time."""

    fields = (
        Field(
            "certificates",
            (str, list),
            items=str,
            default=mailing.UNMAILED,
            message=mailing.WHICH,
        ),
        Field("request_id", str),
    )
    refusals = (mailing.MailingRefused,)

    def answer(self):
        data = self.body()
        certificates = mailing.chosen(self.context, data["certificates"])
        sent, failed, repeated = mailing.mail(self.context, certificates, data["request_id"])
        return {"sent": sent, "failed": failed, "repeated": repeated}
