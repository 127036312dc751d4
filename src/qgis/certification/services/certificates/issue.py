"""``@issue-certificates`` on a course: certificates of one type for some or
all of its attendees, paid with credits, all or none."""

from plone import api

from qgis.certification import _
from qgis.certification.certificates import issuing
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService


class IssueCertificatesPost(ProductService):
    """``{"attendees": "all" or [UID, ...], "certificate_type": "<type id>"}``"""

    fields = (
        Field(
            "attendees",
            (str, list),
            items=str,
            required=True,
            message=_("'attendees' must be \"all\" or a list of attendee UIDs."),
        ),
        Field("certificate_type", str, required=True),
    )
    refusals = (issuing.IssueError,)

    def answer(self):
        data = self.body()
        certificates, balance = issuing.issue_certificates(
            self.context,
            data["attendees"],
            data["certificate_type"],
            api.user.get_current().getId(),
        )
        self.request.response.setStatus(201)
        return {
            "issued": [
                {
                    "@id": certificate.absolute_url(),
                    "code": certificate.code,
                    "attendee": certificate.attendee,
                    "name": certificate.printed_name,
                }
                for certificate in certificates
            ],
            "balance": balance,
        }
