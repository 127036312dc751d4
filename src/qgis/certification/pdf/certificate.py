"""The attendee's certificate: one A4 landscape page.

The renderer takes a plain dataclass, never Plone objects, so it runs (and is
tested) without a site; the drawing it shares with the other PDFs is in
``pdf.common``.
"""

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm

from qgis.certification import _
from qgis.certification.pdf.common import DARK_GREEN
from qgis.certification.pdf.common import GREEN
from qgis.certification.pdf.common import GREY
from qgis.certification.pdf.common import RED
from qgis.certification.pdf.common import REPRESENTATIVE
from qgis.certification.pdf.common import REVOKED
from qgis.certification.pdf.common import THIS_CERTIFIES
from qgis.certification.pdf.common import block_factory
from qgis.certification.pdf.common import capitalised
from qgis.certification.pdf.common import draw_centred_blocks
from qgis.certification.pdf.common import draw_frame
from qgis.certification.pdf.common import draw_image_in_box
from qgis.certification.pdf.common import draw_programme_mark
from qgis.certification.pdf.common import draw_signature_slot
from qgis.certification.pdf.common import draw_stamp
from qgis.certification.pdf.common import draw_verification_corner
from qgis.certification.pdf.common import fitted_name_size
from qgis.certification.pdf.common import fonts
from qgis.certification.pdf.common import format_date
from qgis.certification.pdf.common import load_image
from qgis.certification.pdf.common import new_canvas
from qgis.certification.pdf.common import translated


CERTIFICATE = _("Certificate")
INSTRUCTION_HOURS = _("Instruction hours")
TRAINED_COMPETENCE = _("Trained competence")
CONVENER = _("Convener")


@dataclass
class CertificateData:
    """What an attendee's certificate shows, in the course's language."""

    code: str
    verify_url: str
    attendee_name: str
    #: The certificate type's text ("has successfully completed the course").
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
    #: "en", "ro" or "sv".
    language: str
    organisation_logo: bytes | None = None
    convener_signature: bytes | None = None
    representative_name: str = ""
    representative_signature: bytes | None = None
    revoked: bool = False


def course_period(start: date, end: date, language: str) -> str:
    if start == end:
        message = _("On ${date}", mapping={"date": format_date(start, language)})
    else:
        message = _(
            "From ${start} to ${end}",
            mapping={"start": format_date(start, language), "end": format_date(end, language)},
        )
    return translated(message, language)


def render_certificate(data: CertificateData) -> bytes:
    """The attendee's certificate: one A4 landscape page, as PDF bytes."""
    font = fonts()
    language = data.language
    width, height = landscape(A4)
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer,
        (width, height),
        title=f"QGIS certificate {data.code}",
        subject=f"{data.attendee_name}: {data.course_type_title}",
    )
    draw_frame(canvas, width, height)
    draw_programme_mark(canvas, font, 22 * mm, height - 40 * mm, 18 * mm)
    logo = load_image(data.organisation_logo, 60 * mm, 22 * mm, "organisation logo")
    if logo is not None:
        draw_image_in_box(
            canvas, logo, width - 82 * mm, height - 44 * mm, 60 * mm, 22 * mm, align="right"
        )

    title = font.text(translated(CERTIFICATE, language).upper())
    canvas.setFillColor(GREEN)
    canvas.setFont(font.bold, 30)
    canvas.drawCentredString(width / 2, height - 58 * mm, title, charSpace=4)

    def blocks(scale):
        block = block_factory(font, scale)
        name = font.text(data.attendee_name).strip()
        name_size = fitted_name_size(font, name, scale)
        course = [course_period(data.start_date, data.end_date, language)]
        if data.instruction_hours is not None:
            course.append(f"{translated(INSTRUCTION_HOURS, language)}: {data.instruction_hours}")
        convened = _(
            "convened by ${convener} at ${centre}",
            mapping={
                "convener": font.text(data.convener_name),
                "centre": font.text(data.training_center),
            },
        )
        trained = font.text(data.trained_competence).strip()
        items = [
            block(0, translated(THIS_CERTIFIES, language), font.italic, 13, GREY),
            block(4 * mm, name, font.bold, name_size, block_width=235 * mm),
            block(3 * mm, data.wording, font.regular, 13),
            block(2 * mm, data.course_type_title, font.bold, 17, DARK_GREEN),
        ]
        if trained:
            competence = f"{translated(TRAINED_COMPETENCE, language)}: {trained}"
            items.append(block(2 * mm, competence, font.italic, 10.5, GREY, 200 * mm))
        items += [
            block(4 * mm, "  ·  ".join(course), font.regular, 11),
            block(1.5 * mm, capitalised(translated(convened, language)), font.regular, 11),
            block(1.5 * mm, data.organisation_title, font.bold, 12),
        ]
        return items

    draw_centred_blocks(canvas, blocks, width / 2, height - 64 * mm, 62 * mm)

    draw_signature_slot(
        canvas,
        font,
        data.convener_signature,
        data.convener_name,
        translated(CONVENER, language),
        centre=62 * mm,
        what="convener signature",
    )
    if data.representative_name or data.representative_signature:
        draw_signature_slot(
            canvas,
            font,
            data.representative_signature,
            data.representative_name,
            translated(REPRESENTATIVE, language),
            centre=136 * mm,
            what="representative signature",
        )
    draw_verification_corner(
        canvas, font, data.code, data.verify_url, data.issue_date, language, width
    )
    if data.revoked:
        draw_stamp(canvas, font, translated(REVOKED, language), RED, width, height)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
