"""Issuing, revoking and correcting certificates: the rules and the money.

Every function here works inside the caller's transaction: either all of its
changes are committed together (certificates, ledger entries), or none.
"""

from datetime import date
from datetime import timedelta

from BTrees.OOBTree import OOBTree
from plone import api
from plone.app.uuid.utils import uuidToObject
from Products.CMFCore.indexing import processQueue
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.certificates import codes
from qgis.certification.certificates import fingerprints
from qgis.certification.certificates import wording as certificate_wording
from qgis.certification.certificates.adding_many import AddingMany
from qgis.certification.certificates.credentials.status_register import assign_index
from qgis.certification.content.organisation import organisation_of
from qgis.certification.content.validation import LINE_LENGTH
from qgis.certification.interfaces import ICertificateSettings
from qgis.certification.payments.credits import InsufficientCredits
from qgis.certification.payments.credits import ledger_of
from qgis.certification.pdf.common import format_date
from qgis.certification.refusals import Refusal


ISSUED_KEY = "qgis.certification.issued"


class IssueError(Refusal):
    """A certificate not issued, revoked or corrected."""


def setting(name):
    return api.portal.get_registry_record(name=name, interface=ICertificateSettings)


def certificate_types():
    folder = api.portal.get()["certificate-types"]
    return {
        item.getId(): item
        for item in folder.objectValues()
        if item.portal_type == "CertificateType"
    }


def certificate_type(type_id):
    """The certificate type ``type_id``, or None (only that one is read)."""
    found = api.portal.get()["certificate-types"].get(type_id) if type_id else None
    return found if getattr(found, "portal_type", None) == "CertificateType" else None


# the titles of the certificate types the profile creates, for the catalogue
SHIPPED_TYPE_TITLES = (_("Completion"), _("Attendance"))


def type_title(certificate_type):
    """A certificate type's title in the visitor's language. The titles the
    programme ships (and any a translator adds) are messages of the product's
    catalogue; a title the team typed otherwise is shown as typed."""
    title = certificate_type.Title()
    return translate(_(title), context=getRequest()) if title else certificate_type.getId()


def type_sentence(language, type_id):
    """The sentence a ``type_id`` certificate prints in ``language``; IssueError
    (400, naming the language) when there is no wording in that language."""
    try:
        return certificate_wording.certificate_sentence(language, type_id)
    except certificate_wording.MissingWording as refusal:
        raise IssueError(refusal.status, refusal.message, **refusal.details) from None


def attendees_of(course):
    return api.content.find(
        path={"query": "/".join(course.getPhysicalPath()), "depth": 1},
        portal_type="Attendee",
        sort_on="sortable_title",
        unrestricted=True,
    )


def _issued(course, create=False):
    """The course's register of issued certificates: ``attendee:type`` -> id.

    Kept on the course so that issuing the same attendee twice at the same
    time conflicts in ZODB instead of creating two certificates."""
    annotations = IAnnotations(course)
    if ISSUED_KEY not in annotations and create:
        annotations[ISSUED_KEY] = OOBTree()
    return annotations.get(ISSUED_KEY, {})


def _key(attendee_uid, type_id):
    return f"{attendee_uid}:{type_id}"


def register_issued(course, attendee_uid, type_id, certificate_id):
    """Note in the course's register that the attendee holds this certificate
    (for certificates made without ``issue_certificates``, as in seeding)."""
    _issued(course, create=True)[_key(attendee_uid, type_id)] = certificate_id


def find_certificate(code, portal_type="Certificate"):
    """The certificate with this (canonical) code, whoever asks, or None.

    With ``portal_type="CertifyingOrganisation"``: the organisation whose
    own certificate has this code."""
    brains = api.content.find(
        portal_type=portal_type, qgis_certificate_code=code, unrestricted=True
    )
    return brains[0]._unrestrictedGetObject() if brains else None


def codes_in_use(candidates):
    """Those of ``candidates`` that something already holds (a certificate, an
    organisation's or a trainer's certificate), read from the code index."""
    processQueue()  # what this transaction added is in the index too
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("qgis_certificate_code")
    return {code for code in candidates if index._index.get(code) is not None}


def new_codes(count):
    """``count`` new codes, distinct and held by nothing yet."""
    given = []
    while len(given) < count:
        candidates = {codes.new_code() for _ in range(count - len(given))}
        candidates -= set(given) | codes_in_use(candidates)
        given.extend(sorted(candidates))
    return given


def unique_code(taken):
    """One new code held by nothing yet nor in ``taken`` (which it joins)."""
    while True:
        (code,) = new_codes(1)
        if code not in taken:
            taken.add(code)
            return code


def _convener_name(course):
    convener = uuidToObject(course.convener, unrestricted=True) if course.convener else None
    if convener is None:
        return ""
    return " ".join(part for part in (convener.degree, convener.Title()) if part)


def snapshot(course):
    """What a certificate keeps of its course and organisation at issue time."""
    organisation = organisation_of(course)
    course_type = uuidToObject(course.course_type, unrestricted=True)
    centre = uuidToObject(course.training_center, unrestricted=True)
    return {
        "course_title": course.Title(),
        "course_type_title": course_type.Title() if course_type else course.Title(),
        "instruction_hours": course_type.instruction_hours if course_type else 0,
        "trained_competence": course.trained_competence or "",
        "start_date": course.start_date,
        "end_date": course.end_date,
        "certificate_language": course.course_language or "en",
        "convener_name": _convener_name(course),
        "convener_uid": course.convener or "",
        "training_center": centre.Title() if centre else "",
        "organisation_title": organisation.Title(),
        "organisation_uid": organisation.UID(),
    }


def _selected_attendees(course, attendees, type_id):
    # an attendee erased at their request has no name left to print
    everyone = {brain.UID: brain for brain in attendees_of(course) if brain.Title}
    issued = _issued(course)
    if attendees == "all":
        if not everyone:
            raise IssueError(400, _("The course has no attendees yet."))
        selected = [uid for uid in everyone if _key(uid, type_id) not in issued]
        if not selected:
            raise IssueError(409, _("Every attendee of the course already has this certificate."))
        return [everyone[uid] for uid in selected]
    if (
        not isinstance(attendees, list)
        or not attendees
        or not all(isinstance(uid, str) for uid in attendees)
    ):
        raise IssueError(
            400, _("'attendees' must be \"all\" or a list of attendee UIDs."), field="attendees"
        )
    unique = list(dict.fromkeys(attendees))
    unknown = [uid for uid in unique if uid not in everyone]
    if unknown:
        raise IssueError(
            400,
            _(
                "These are not attendees of this course: ${uids}",
                mapping={"uids": ", ".join(unknown)},
            ),
            field="attendees",
            unknown=unknown,
        )
    twice = [everyone[uid] for uid in unique if _key(uid, type_id) in issued]
    if twice:
        raise IssueError(
            409,
            _(
                "Already certified with this type: ${names}",
                mapping={"names": ", ".join(brain.Title for brain in twice)},
            ),
            already_issued=[brain.UID for brain in twice],
        )
    return [everyone[uid] for uid in unique]


def check_started(course, today=None):
    """Certificates are issued only once the course has started; the refusal
    says from which day (in the visitor's language)."""
    start = course.start_date
    if start is not None and start > (today or date.today()):
        language = (api.portal.get_current_language() or "en")[:2]
        raise IssueError(
            400,
            _(
                "Certificates can be issued from ${date}, when the course starts.",
                mapping={"date": format_date(start, language)},
            ),
            starts=start.isoformat(),
        )


def _issuing_organisation(course):
    """The course's organisation, when the course may issue certificates now."""
    organisation = organisation_of(course)
    if organisation is None or api.content.get_state(organisation) != "published":
        raise IssueError(400, _("Only certified organisations issue certificates."))
    if api.content.get_state(course) == "cancelled":
        raise IssueError(400, _("The course is cancelled: it issues no certificates."))
    check_started(course)
    return organisation


def issue_certificates(course, attendees, type_id, user_id):
    """Issue ``type_id`` certificates to ``attendees`` ("all" or UIDs), all or none.

    The certificates are added together (``adding_many``: the course is told
    once) and the ledger is debited once, after every certificate exists: a
    failure in between leaves the ledger untouched, and the request's abort
    removes the rest. Returns ``(certificates, balance)``; raises ``IssueError``."""
    organisation = _issuing_organisation(course)
    types = certificate_types()
    certificate_type = types.get(type_id)
    if certificate_type is None:
        raise IssueError(
            400,
            _(
                "Unknown certificate type '${type}'; choose one of: ${types}.",
                mapping={"type": type_id, "types": ", ".join(sorted(types))},
            ),
            field="certificate_type",
        )
    frozen = snapshot(course)
    wording = type_sentence(frozen["certificate_language"], type_id)
    selected = _selected_attendees(course, attendees, type_id)
    ledger = ledger_of(organisation)
    if ledger.balance < len(selected):
        error = InsufficientCredits(len(selected), ledger.balance)
        raise IssueError(
            402,
            error.message(),
            needed=error.needed,
            balance=error.balance,
            shortfall=error.shortfall,
        )
    codes_given = new_codes(len(selected))
    issued = _issued(course, create=True)
    today = date.today()
    with AddingMany(course, "Certificate", check_constraints=False) as adding:
        for brain, code in zip(selected, codes_given, strict=True):
            attendee = brain._unrestrictedGetObject()
            certificate = adding.add(
                code.lower(),
                code=code,
                attendee=brain.UID,
                first_name=attendee.first_name,
                last_name=attendee.last_name,
                certificate_type=type_id,
                wording=wording,
                issue_date=today,
                issued_by=user_id,
                **frozen,
            )
            issued[_key(brain.UID, type_id)] = certificate.getId()
            assign_index(code)
    ledger.debit_many(codes_given, "certificate", user_id)
    return adding.added, ledger.balance


def within_window(certificate, today=None):
    days = setting("correction_days")
    return (today or date.today()) <= certificate.issue_date + timedelta(days=days)


def may_act_late(certificate):
    return api.user.has_permission(permissions.MANAGE_CERTIFICATES, obj=certificate)


def check_window(certificate, action):
    if not may_act_late(certificate) and not within_window(certificate):
        raise IssueError(
            403,
            _(
                "A certificate can be ${action} by its organisation only within "
                "${days} days of issue; ask the certification team.",
                mapping={"action": action, "days": setting("correction_days")},
            ),
        )


def correct_certificate(certificate, first_name, last_name):
    """Correct the printed name; the PDF is rendered from it on every download."""
    first_name, last_name = (
        name.strip() if isinstance(name, str) else "" for name in (first_name, last_name)
    )
    if not first_name or not last_name:
        raise IssueError(400, _("Both the first and the last name are required."))
    if max(len(first_name), len(last_name)) > LINE_LENGTH:
        raise IssueError(
            400,
            _("A name has at most ${max} characters.", mapping={"max": LINE_LENGTH}),
        )
    if api.content.get_state(certificate) != "issued":
        raise IssueError(400, _("A revoked certificate cannot be corrected."))
    check_window(certificate, _("corrected"))
    certificate.first_name = first_name
    certificate.last_name = last_name
    fingerprints.mark_replaced(certificate)
    certificate.reindexObject()
    return certificate


def release_issued_key(certificate):
    """After a revocation, the attendee may be certified again."""
    course = certificate.__parent__
    issued = _issued(course)
    key = _key(certificate.attendee, certificate.certificate_type)
    if issued.get(key) == certificate.getId():
        del issued[key]


def _organisation(certificate):
    return uuidToObject(certificate.organisation_uid, unrestricted=True)


def refund(certificate, user_id):
    return ledger_of(_organisation(certificate)).append(1, "refund", certificate.code, user_id)


def balance_for(certificate):
    return ledger_of(_organisation(certificate)).balance
