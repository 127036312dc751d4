"""An attendee's requests, without an account: ``POST /@data-request``
``{"email"}`` mails a link when data is held (the answer is the same either
way); ``GET /@attendee-data?token=`` answers the data the link opens;
``POST /@erasure-request`` ``{"token", "withdraw_certificates"}`` asks for
erasure, which the certification team confirms."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.i18n import translate
from zope.interface import alsoProvides

from qgis.certification import _
from qgis.certification.privacy import erasure
from qgis.certification.privacy import links
from qgis.certification.privacy.attendees import attendee_data
from qgis.certification.privacy.register import log_request
from qgis.certification.privacy.tokens import InvalidLink
from qgis.certification.privacy.tokens import read_token
from qgis.certification.refusals import Refusal
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


class DataRequestPost(ProductService):
    fields = (Field("email", str, required=True, message=_("Enter a valid e-mail address.")),)
    refusals = (Refusal,)

    def answer(self):
        data = self.body()
        language = api.portal.get_current_language().split("-")[0]
        answer = links.request_link(data["email"], language)
        return {"message": translate(answer, context=self.request)}


class AttendeeDataGet(ProductService):
    refusals = (InvalidLink,)

    def answer(self):
        token = self.request.form.get("token")
        if not isinstance(token, str) or not token:
            raise ServiceError(400, _("Give the token of your link: ?token=..."), field="token")
        data = attendee_data(read_token(token))
        # the only write is the request's entry in the audit log
        alsoProvides(self.request, IDisableCSRFProtection)
        data["request_id"] = log_request("attendee-export", "served")
        return data


class ErasureRequestPost(ProductService):
    fields = (
        Field("token", str, required=True),
        Field("withdraw_certificates", bool, default=False),
    )
    refusals = (InvalidLink, erasure.ErasureRefused)

    def answer(self):
        data = self.body()
        key = read_token(data["token"])
        request_id = erasure.request_erasure(key, data["withdraw_certificates"])
        self.request.response.setStatus(201)
        return {"id": request_id, "state": erasure.PENDING}
