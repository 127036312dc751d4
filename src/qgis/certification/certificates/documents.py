"""From certificates (content) to their printable documents (PDF, ZIP)."""

import logging
import re
import zipfile
from datetime import date
from datetime import timedelta
from io import BytesIO

from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.i18n.normalizer.base import baseNormalize
from zope.i18nmessageid import Message

from qgis.certification import _
from qgis.certification.certificates import codes
from qgis.certification.certificates import fingerprints
from qgis.certification.certificates import issuing
from qgis.certification.certificates import wording
from qgis.certification.mail import messages
from qgis.certification.pdf.certificate import CertificateData
from qgis.certification.pdf.certificate import render_certificate


logger = logging.getLogger(__name__)

SIGNATURE_ID = "representative-signature"
# the mail that sends an attendee their certificate
CERTIFICATE_MAIL_SUBJECT = _("Your QGIS certificate: ${course}")
CERTIFICATE_MAIL_BODY = _(
    "mail_certificate_body",
    default=(
        "Hello ${name},\n\nyour official QGIS certificate for the course ${course} "
        "(${organisation}) is attached. Anyone can check it at ${url}\n"
    ),
)
CERTIFICATE_MAIL_BADGE = _(
    "mail_certificate_open_badge",
    default=(
        "It is also an Open Badge, a digital credential you can keep and share:\n"
        "- Download as Open Badge: ${download}\n"
        "- Add to LinkedIn profile: ${linkedin}\n\n"
        "-- \nQGIS Certification Programme\n"
    ),
)


def printed_wording(language):
    """The wording an issued certificate prints: its language's. Issuing is refused
    without it; a certificate issued before its language had wording (printed in
    English then) keeps being printed in English, which is logged."""
    found = wording.wording_for(language)
    if found is None:
        logger.warning("No certificate wording in %r: printing in English", language)
        found = wording.wording_for("en") or wording.shipped("en")
    return found


def _image_data(obj, field):
    value = getattr(obj, field, None) if obj is not None else None
    return value.data if value is not None and getattr(value, "data", None) else None


def representative_signature():
    """An Image named ``representative-signature`` in /certificate-types, if any."""
    folder = api.portal.get()["certificate-types"]
    image = folder.get(SIGNATURE_ID)
    return _image_data(image, "image")


def verify_url(code, language=None):
    """The verification page of ``code``. With the ``language`` of a certificate
    the site speaks, the page of that language folder (``/sv/verify/<code>``), so
    that a QR code opens the page in the certificate's language; else the page
    that speaks the visitor's language."""
    portal = api.portal.get()
    available = api.portal.get_registry_record("plone.available_languages", default=[])
    root = portal.get(language) if language and language in available else None
    return f"{(root or portal).absolute_url()}/verify/{code}"


def certificate_data(certificate):
    organisation = uuidToObject(certificate.organisation_uid, unrestricted=True)
    convener = (
        uuidToObject(certificate.convener_uid, unrestricted=True)
        if certificate.convener_uid
        else None
    )
    return CertificateData(
        code=certificate.code,
        verify_url=verify_url(certificate.code, certificate.certificate_language),
        attendee_name=certificate.printed_name,
        wording=certificate.wording,
        course_type_title=certificate.course_type_title,
        trained_competence=certificate.trained_competence or "",
        start_date=certificate.start_date,
        end_date=certificate.end_date,
        instruction_hours=certificate.instruction_hours,
        convener_name=certificate.convener_name,
        training_center=certificate.training_center,
        organisation_title=certificate.organisation_title,
        issue_date=certificate.issue_date,
        texts=printed_wording(certificate.printed_language or certificate.certificate_language),
        organisation_logo=_image_data(organisation, "logo"),
        convener_signature=_image_data(convener, "signature"),
        representative_name=issuing.setting("representative_name") or "",
        representative_signature=representative_signature(),
        revoked=api.content.get_state(certificate) == "revoked",
    )


def certificate_pdf(certificate):
    """The certificate's PDF as handed out now; its fingerprint is recorded
    (see ``fingerprints``), so callers serving it over GET must allow the write."""
    data = render_certificate(certificate_data(certificate))
    fingerprints.record(certificate, data)
    return data


def preview_pdf(course, type_id="completion"):
    """A certificate of this course for a sample attendee: nothing is issued.

    Raises IssueError (naming the language) when the course's language has no
    certificate wording, as issuing would."""
    frozen = issuing.snapshot(course)
    language = frozen["certificate_language"]
    sentence = issuing.type_sentence(language, type_id)
    organisation = uuidToObject(frozen["organisation_uid"], unrestricted=True)
    convener = (
        uuidToObject(frozen["convener_uid"], unrestricted=True) if frozen["convener_uid"] else None
    )
    return render_certificate(
        CertificateData(
            code=codes.SAMPLE_CODE,
            verify_url=verify_url(codes.SAMPLE_CODE, frozen["certificate_language"]),
            attendee_name="Maria Exemplu",
            wording=sentence,
            course_type_title=frozen["course_type_title"],
            trained_competence=frozen["trained_competence"],
            start_date=frozen["start_date"] or date.today(),
            end_date=frozen["end_date"] or date.today() + timedelta(days=1),
            instruction_hours=frozen["instruction_hours"],
            convener_name=frozen["convener_name"],
            training_center=frozen["training_center"],
            organisation_title=frozen["organisation_title"],
            issue_date=date.today(),
            texts=wording.require_wording(language),
            organisation_logo=_image_data(organisation, "logo"),
            convener_signature=_image_data(convener, "signature"),
            representative_name=issuing.setting("representative_name") or "",
            representative_signature=representative_signature(),
            sample=True,
        )
    )


def file_name(certificate):
    """``Ioana-Stefanescu-QGIS-7KX9-P2QM-4.pdf``: the holder's name in plain
    ASCII letters and digits (none once withdrawn), then the code, which makes
    it unique."""
    name = "" if certificate.withdrawn else certificate.printed_name or ""
    words = re.findall(r"[A-Za-z0-9]+", baseNormalize(name))
    return "-".join([*words[:6], certificate.code]) + ".pdf"


def certificates_zip(certificates):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            archive.writestr(file_name(certificate), certificate_pdf(certificate))
    return buffer.getvalue()


def _badge_links(certificate):
    # Imported here: the credentials build on this module (verify_url).
    from qgis.certification.certificates.credentials import awards
    from qgis.certification.certificates.credentials import sharing

    award = awards.attendee_award(certificate)
    return Message(
        CERTIFICATE_MAIL_BADGE,
        mapping={
            "download": sharing.download_url(certificate.code),
            "linkedin": sharing.linkedin_url(award),
        },
    )


def _certificate_mail(certificate):
    subject = Message(CERTIFICATE_MAIL_SUBJECT, mapping={"course": certificate.course_type_title})
    body = Message(
        CERTIFICATE_MAIL_BODY,
        mapping={
            "name": certificate.printed_name,
            "course": certificate.course_type_title,
            "organisation": certificate.organisation_title,
            "url": verify_url(certificate.code, certificate.certificate_language),
        },
    )
    attachment = messages.Attachment(f"{certificate.code}.pdf", certificate_pdf(certificate))
    return subject, (body, _badge_links(certificate)), attachment


def mail_certificates(certificates):
    """Queue one mail per certificate (sent after commit), with link and PDF,
    wholly in the certificate's language (wholly in English when the site's
    messages lack that language, see ``messages.writing_language``).

    Returns ``(sent, failed)``: a bad or missing address is reported and the
    others are still sent."""
    sent, failed = [], []
    for certificate in certificates:
        attendee = uuidToObject(certificate.attendee, unrestricted=True)
        recipient = messages.address_recipient(
            getattr(attendee, "email", ""),
            certificate.certificate_language or messages.ENGLISH,
        )
        if recipient is None:
            failed.append(
                {
                    "code": certificate.code,
                    "name": certificate.printed_name,
                    "reason": "no valid e-mail address",
                }
            )
            continue
        subject, body, attachment = _certificate_mail(certificate)
        messages.send_mail(recipient, subject, body, attachments=[attachment])
        sent.append(
            {"code": certificate.code, "name": certificate.printed_name, "email": recipient.address}
        )
    return sent, failed
