"""The certificate of an organisation admitted to the programme."""

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
from qgis.certification.pdf.common import REPRESENTATIVE
from qgis.certification.pdf.common import THIS_CERTIFIES
from qgis.certification.pdf.common import block_factory
from qgis.certification.pdf.common import draw_centred_blocks
from qgis.certification.pdf.common import draw_frame
from qgis.certification.pdf.common import draw_programme_mark
from qgis.certification.pdf.common import draw_signature_slot
from qgis.certification.pdf.common import draw_verification_corner
from qgis.certification.pdf.common import fitted_name_size
from qgis.certification.pdf.common import fitted_size
from qgis.certification.pdf.common import fonts
from qgis.certification.pdf.common import new_canvas
from qgis.certification.pdf.common import translated


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
        block = block_factory(font, scale)
        name = font.text(data.organisation_title).strip()
        name_size = fitted_name_size(font, name, scale)
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

    draw_signature_slot(
        canvas,
        font,
        data.representative_signature,
        data.representative_name,
        translated(REPRESENTATIVE, language),
        centre=62 * mm,
        what="representative",
    )
    draw_verification_corner(
        canvas, font, data.code, data.verify_url, data.issue_date, language, width
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
