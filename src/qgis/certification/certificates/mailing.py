"""Mailing attendees their certificates, with a record of it.

Which certificates: by default those not mailed yet (``UNMAILED``), or every
issued certificate of the course again (``ALL``), or the chosen ones (UIDs).
Each certificate keeps when and to which address it was mailed (``mail_log``,
never in the catalog, and its addresses go with an attendee's erasure).

A confirmed mailing carries a request id: a second request with the same id
(a double click, a retried POST) mails nothing. Concurrent ones write the same
register on the course and conflict in ZODB, and the retry finds the id used.
"""

from datetime import datetime

from BTrees.OOBTree import OOBTree
from plone import api
from plone.app.uuid.utils import uuidToObject

from qgis.certification import _
from qgis.certification.annotations import stored
from qgis.certification.certificates import documents
from qgis.certification.mail import messages
from qgis.certification.refusals import Refusal


UNMAILED = "unmailed"
ALL = "all"
REQUESTS_KEY = "qgis.certification.certificate-mailings"
REQUEST_ID_LENGTH = 100
WHICH = _('\'certificates\' must be "unmailed", "all" or a list of certificate UIDs.')


class MailingRefused(Refusal):
    """Certificates not mailed."""


def issued(course):
    """The course's issued certificates, by name."""
    return [
        brain.getObject()
        for brain in api.content.find(
            context=course,
            portal_type="Certificate",
            review_state="issued",
            sort_on="sortable_title",
        )
    ]


def mail_log(certificate):
    """``((ISO date and time, address), ...)``, oldest first."""
    return tuple(getattr(certificate, "mail_log", ()))


def last_mailed(certificate):
    """``{"date", "email"}`` of the last mailing, or None."""
    log = mail_log(certificate)
    if not log:
        return None
    when, address = log[-1]
    return {"date": when, "email": address or None}


def record_mailed(certificate, address, when=None):
    when = (when or datetime.now()).isoformat(timespec="seconds")
    certificate.mail_log = (*mail_log(certificate), (when, address))


def forget_addresses(certificate):
    """The holder's address leaves the record (an erasure); the dates stay."""
    if mail_log(certificate):
        certificate.mail_log = tuple((when, "") for when, _address in mail_log(certificate))


def chosen(course, which):
    """The certificates ``which`` names (see the module); refused when unknown."""
    everyone = issued(course)
    if which == UNMAILED:
        return [certificate for certificate in everyone if not mail_log(certificate)]
    if which == ALL:
        return everyone
    if not isinstance(which, list) or not all(isinstance(uid, str) for uid in which):
        raise MailingRefused(400, WHICH, field="certificates")
    by_uid = {certificate.UID(): certificate for certificate in everyone}
    unknown = sorted(set(which) - set(by_uid))
    if unknown:
        listed = {"uids": ", ".join(unknown)}
        message = _("These are not issued certificates of this course: ${uids}", mapping=listed)
        raise MailingRefused(400, message, field="certificates")
    return [by_uid[uid] for uid in dict.fromkeys(which)]


def address_of(certificate):
    """The address the certificate would be mailed to, or None."""
    attendee = uuidToObject(certificate.attendee, unrestricted=True)
    recipient = messages.address_recipient(getattr(attendee, "email", "") or "", "en")
    return recipient.address if recipient is not None else None


def plan(certificates):
    """Who would be mailed: one entry per certificate, for the confirmation."""
    return [
        {
            "UID": certificate.UID(),
            "code": certificate.code,
            "name": certificate.printed_name,
            "email": address_of(certificate),
            "mailed": last_mailed(certificate),
        }
        for certificate in certificates
    ]


def _first_time(course, request_id):
    """Note ``request_id`` on the course; False when it was noted before."""
    if not request_id:
        return True
    if len(request_id) > REQUEST_ID_LENGTH:
        too_long = _("'request_id' is too long: at most 100 characters.")
        raise MailingRefused(400, too_long, field="request_id")
    register = stored(course, REQUESTS_KEY, OOBTree, create=True)
    if request_id in register:
        return False
    register[request_id] = datetime.now().isoformat(timespec="seconds")
    return True


def mail(course, certificates, request_id=None):
    """Mail each certificate to its holder and record it.

    Returns ``(sent, failed, repeated)``; ``repeated`` is True (and nothing is
    mailed) when ``request_id`` was already carried out."""
    if not _first_time(course, request_id):
        return [], [], True
    sent, failed = documents.mail_certificates(certificates)
    by_code = {certificate.code: certificate for certificate in certificates}
    now = datetime.now()
    for item in sent:
        record_mailed(by_code[item["code"]], item["email"], now)
    return sent, failed, False
