"""What anyone may know of a certificate from its code: the ``@verify``
service and the public verify page both answer with it."""

from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.certificates import issuing


WITHDRAWN = "withdrawn"
WITHDRAWN_MESSAGE = _("Withdrawn at the holder's request.")


def verification(certificate):
    """The public facts of a certificate: never the attendee's e-mail, and no
    name at all once the holder withdrew it."""
    withdrawn = certificate.withdrawn
    state = WITHDRAWN if withdrawn else api.content.get_state(certificate)
    certificate_type = issuing.certificate_types().get(certificate.certificate_type)
    return {
        "valid": state == "issued",
        "state": state,
        "withdrawn": withdrawn,
        "message": translate(WITHDRAWN_MESSAGE, context=getRequest()) if withdrawn else None,
        "code": certificate.code,
        "name": None if withdrawn else certificate.printed_name,
        "certificate_type": certificate.certificate_type,
        "certificate_type_title": (
            certificate_type.Title() if certificate_type else certificate.certificate_type
        ),
        "course": certificate.course_type_title,
        "organisation": certificate.organisation_title,
        "start_date": certificate.start_date.isoformat(),
        "end_date": certificate.end_date.isoformat(),
        "issue_date": certificate.issue_date.isoformat(),
    }
