"""The attendee's certificate: one A4 landscape page.

The renderer takes a plain dataclass, never Plone objects, so it runs (and is
tested) without a site; the drawing it shares with the other PDFs is in
``pdf.common``. Every text it prints comes from the ``CertificateWording`` of
the course's language.
"""

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from qgis.certification import _
from qgis.certification.pdf.common import DARK_GREEN
from qgis.certification.pdf.common import GREY
from qgis.certification.pdf.common import RED
from qgis.certification.pdf.common import CertificatePage
from qgis.certification.pdf.common import Fonts
from qgis.certification.pdf.common import block_factory
from qgis.certification.pdf.common import draw_image_in_box
from qgis.certification.pdf.common import draw_stamp
from qgis.certification.pdf.common import holder_blocks
from qgis.certification.pdf.common import load_image
from qgis.certification.pdf.common import translated
from qgis.certification.pdf.wording import CertificateWording


#: across a preview, which must not pass for a certificate
SAMPLE = _("certificate_sample_stamp", default="SAMPLE")


@dataclass
class CertificateData:
    """What an attendee's certificate shows, in the course's language."""

    code: str
    verify_url: str
    attendee_name: str
    #: The certificate type's sentence ("has successfully completed the course"),
    #: as it was at issue time.
    wording: str
    course_type_title: str
    trained_competence: str
    start_date: date
    end_date: date
    instruction_hours: int
    convener_name: str
    training_center: str
    organisation_title: str
    issue_date: date
    #: Every other text, in the course's language.
    texts: CertificateWording
    organisation_logo: bytes | None = None
    convener_signature: bytes | None = None
    representative_name: str = ""
    representative_signature: bytes | None = None
    revoked: bool = False
    #: a preview: marked "SAMPLE" across the page
    sample: bool = False

    @property
    def language(self) -> str:
        return self.texts.language


def course_period(start: date, end: date, texts: CertificateWording) -> str:
    if start == end:
        return texts.fill("single_day", date=start)
    return texts.fill("period", start=start, end=end)


def course_facts(data: CertificateData) -> str:
    """The course's dates and, when known, its instruction hours, on one line."""
    facts = [course_period(data.start_date, data.end_date, data.texts)]
    if data.instruction_hours is not None:
        facts.append(data.texts.fill("hours", hours=data.instruction_hours))
    return "  ·  ".join(facts)


def convened(data: CertificateData, font: Fonts) -> str:
    """The line naming the convener and the training centre, in the certificate's language."""
    return data.texts.fill(
        "convened",
        convener=font.text(data.convener_name),
        centre=font.text(data.training_center),
    )


def certificate_blocks(data: CertificateData, font: Fonts):
    """The certificate's centred blocks for ``draw_centred_blocks``, a function of the scale."""

    def blocks(scale):
        block = block_factory(font, scale)
        trained = font.text(data.trained_competence).strip()
        items = holder_blocks(font, block, data.attendee_name, scale, data.texts) + [
            block(3 * mm, data.wording, font.regular, 13),
            block(2 * mm, data.course_type_title, font.bold, 17, DARK_GREEN),
        ]
        if trained:
            competence = data.texts.fill("competence", competence=trained)
            items.append(block(2 * mm, competence, font.italic, 10.5, GREY, 200 * mm))
        return items + [
            block(4 * mm, course_facts(data), font.regular, 11),
            block(1.5 * mm, convened(data, font), font.regular, 11),
            block(1.5 * mm, data.organisation_title, font.bold, 12),
        ]

    return blocks


def draw_signatures(page: CertificatePage, data: CertificateData):
    """The convener's signature and, when there is one, the programme representative's."""
    page.draw_signature(
        data.convener_signature,
        data.convener_name,
        data.texts.convener,
        62 * mm,
        "convener signature",
    )
    if data.representative_name or data.representative_signature:
        page.draw_representative_signature(
            data.representative_signature, data.representative_name, 136 * mm
        )


def printed_text(data: CertificateData) -> str:
    """What the certificate prints besides its wording: the fonts must have its letters."""
    return "".join(
        str(value or "")
        for value in (
            data.attendee_name,
            data.wording,
            data.course_type_title,
            data.trained_competence,
            data.convener_name,
            data.training_center,
            data.organisation_title,
            data.representative_name,
        )
    )


def render_certificate(data: CertificateData) -> bytes:
    """The attendee's certificate: one A4 landscape page, as PDF bytes.

    The same data renders the same bytes (see ``new_canvas``); the code and the
    verification address are also in the metadata (Keywords), where a file
    dropped on the verification page is read for the certificate it claims to be.
    """
    page = CertificatePage(
        data.texts,
        title=f"{'SAMPLE of a ' if data.sample else ''}QGIS certificate {data.code}",
        subject=f"{data.attendee_name}: {data.course_type_title}",
        keywords=(data.code, data.verify_url),
        invariant=True,
        text=printed_text(data) + (translated(SAMPLE, data.language) if data.sample else ""),
    )
    logo = load_image(data.organisation_logo, 60 * mm, 22 * mm, "organisation logo")
    if logo is not None:
        top = page.height - 44 * mm
        draw_image_in_box(
            page.canvas, logo, page.width - 82 * mm, top, 60 * mm, 22 * mm, align="right"
        )
    page.draw_title(data.texts.title.upper(), 30, char_space=4)
    page.draw_body(certificate_blocks(data, page.font))
    draw_signatures(page, data)
    page.draw_verification(data.code, data.verify_url, data.issue_date)
    if data.revoked:
        page.draw_stamp(data.texts.revoked)
    if data.sample:
        stamp = translated(SAMPLE, data.language)
        draw_stamp(page.canvas, page.font, stamp, RED, page.width, page.height, fraction=0.7)
    return page.finish()
