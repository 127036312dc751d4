"""The certificate of an organisation admitted to the programme."""

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from qgis.certification import _
from qgis.certification.pdf.certificate import DARK_GREEN
from qgis.certification.pdf.certificate import GREEN
from qgis.certification.pdf.certificate import GREY
from qgis.certification.pdf.certificate import INK
from qgis.certification.pdf.certificate import REPRESENTATIVE
from qgis.certification.pdf.certificate import THIS_CERTIFIES
from qgis.certification.pdf.certificate import centred_style
from qgis.certification.pdf.certificate import draw_centred_blocks
from qgis.certification.pdf.certificate import draw_frame
from qgis.certification.pdf.certificate import draw_programme_mark
from qgis.certification.pdf.certificate import draw_signature
from qgis.certification.pdf.certificate import draw_verification
from qgis.certification.pdf.certificate import fitted_size
from qgis.certification.pdf.certificate import fonts
from qgis.certification.pdf.certificate import issued_on
from qgis.certification.pdf.certificate import load_image
from qgis.certification.pdf.certificate import markup
from qgis.certification.pdf.certificate import new_canvas
from qgis.certification.pdf.certificate import translated


AUTHORISED_PROVIDER = _("Authorised QGIS training provider")
MEMBERSHIP = _(
    "is a member of the QGIS Certification Programme and may issue official QGIS "
    "certificates to the participants of its courses."
)


@dataclass
class OrganisationCertificateData:
    """What an organisation's certificate shows."""

    organisation_title: str
    #: The country's name, already in ``language``.
    country_name: str
    code: str
    verify_url: str
    issue_date: date
    representative_name: str
    representative_signature: bytes | None
    #: "en", "ro" or "sv".
    language: str = "en"


def render_organisation_certificate(data: OrganisationCertificateData) -> bytes:
    """The "Authorised QGIS training provider" certificate: one A4 landscape page."""
    font = fonts()
    language = data.language
    width, height = landscape(A4)
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer,
        (width, height),
        title=f"QGIS training provider certificate {data.code}",
        subject=data.organisation_title,
    )
    draw_frame(canvas, width, height)
    draw_programme_mark(canvas, font, 22 * mm, height - 40 * mm, 18 * mm)

    title = font.text(translated(AUTHORISED_PROVIDER, language))
    canvas.setFillColor(GREEN)
    size = fitted_size(title, font.bold, 28, 230 * mm, 16)
    canvas.setFont(font.bold, size)
    canvas.drawCentredString(width / 2, height - 58 * mm, title)

    def blocks(scale):
        def block(space, value, font_name, size, colour=INK, block_width=210 * mm):
            style = centred_style(font_name, size * scale, colour)
            return (space * scale, Paragraph(markup(font.text(value)), style), block_width)

        name = font.text(data.organisation_title).strip()
        name_size = fitted_size(name, font.bold, 30 * scale, 225 * mm, 12) / scale
        items = [
            block(0, translated(THIS_CERTIFIES, language), font.italic, 13, GREY),
            block(4 * mm, name, font.bold, name_size, block_width=235 * mm),
        ]
        if font.text(data.country_name).strip():
            items.append(block(2 * mm, data.country_name, font.regular, 15, DARK_GREEN))
        membership = translated(MEMBERSHIP, language)
        items.append(block(6 * mm, membership, font.regular, 13, block_width=180 * mm))
        return items

    draw_centred_blocks(canvas, blocks, width / 2, height - 64 * mm, 62 * mm)

    signature = load_image(data.representative_signature, 54 * mm, 17 * mm, "representative")
    draw_signature(
        canvas,
        font,
        signature,
        data.representative_name,
        translated(REPRESENTATIVE, language),
        centre=62 * mm,
        line=38 * mm,
    )
    draw_verification(
        canvas,
        font,
        data.code,
        data.verify_url,
        issued_on(data.issue_date, language),
        language,
        right=width - 22 * mm,
        bottom=22 * mm,
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
