"""What anyone may know of a certificate from its code: the ``@verify``
service and the public verify page both answer with it.

Several kinds of documents carry a code (attendees' certificates, an
organisation's own certificate, trainer certificates). Each kind registers a
named ``IVerifier`` utility, named after the portal type that holds the code
(``configure.zcml`` of its concern package); a code is looked up once in the
catalog and answered by the verifier of what holds it.
"""

from plone import api
from Products.CMFCore.indexing import processQueue
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing


WITHDRAWN = "withdrawn"
WITHDRAWN_MESSAGE = _("Withdrawn at the holder's request.")
SAMPLE_MESSAGE = _("This code is printed on sample certificates (previews): it certifies nothing.")


class IVerifier(Interface):
    """How one kind of document answers for its code."""

    def verification(obj):
        """The public facts (a dict with at least ``valid``, ``state``,
        ``withdrawn``, ``message``, ``code``, ``name``, ``certificate_type``,
        ``certificate_type_title``, ``course``, ``organisation``,
        ``issue_date``); never an e-mail address."""

    def pdf_url(obj):
        """Where the document's PDF is."""

    def pdf(obj):
        """The PDF (bytes) served at ``/verify/<code>/certificate.pdf``."""


def find(code):
    """``(holder, verifier)`` of the (canonical) ``code``, or ``(None, None)``:
    one lookup in the code's index, and only the holder is woken."""
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    indexes = catalog._catalog
    found = indexes.getIndex("qgis_certificate_code")._index.get(code)
    for rid in (found,) if isinstance(found, int) else (found or ()):
        portal_type = indexes.getIndex("portal_type")._unindex.get(rid)
        verifier = queryUtility(IVerifier, name=portal_type) if portal_type else None
        if verifier is not None:
            return catalog.unrestrictedTraverse(indexes.paths[rid]), verifier
    return None, None


def not_withdrawn():
    """The ``withdrawn`` and ``message`` facts of a document its holder cannot withdraw."""
    return {"withdrawn": False, "message": None}


def verification(certificate):
    """The public facts of an attendee's certificate: never the attendee's e-mail,
    and no name at all once the holder withdrew it."""
    withdrawn = certificate.withdrawn
    state = WITHDRAWN if withdrawn else api.content.get_state(certificate)
    certificate_type = issuing.certificate_type(certificate.certificate_type)
    return {
        "valid": state == "issued",
        "state": state,
        "withdrawn": withdrawn,
        "message": translate(WITHDRAWN_MESSAGE, context=getRequest()) if withdrawn else None,
        "code": certificate.code,
        "name": None if withdrawn else certificate.printed_name,
        "certificate_type": certificate.certificate_type,
        "certificate_type_title": (
            issuing.type_title(certificate_type)
            if certificate_type
            else certificate.certificate_type
        ),
        "course": certificate.course_type_title,
        "organisation": certificate.organisation_title,
        "start_date": certificate.start_date.isoformat(),
        "end_date": certificate.end_date.isoformat(),
        "issue_date": certificate.issue_date.isoformat(),
    }


@implementer(IVerifier)
class Verifier:
    """A verifier made of its three functions; each kind of document makes one
    and registers it as a named utility."""

    def __init__(self, verification, pdf_url, pdf):
        self.verification = verification
        self.pdf_url = pdf_url
        self.pdf = pdf


#: an attendee's certificate
CERTIFICATES = Verifier(
    verification,
    lambda certificate: f"{documents.verify_url(certificate.code)}/certificate.pdf",
    documents.certificate_pdf,
)
