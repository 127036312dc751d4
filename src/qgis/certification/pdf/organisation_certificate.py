"""The certificate of an organisation admitted to the programme."""

import functools
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from qgis.certification import _
from qgis.certification.pdf.common import DARK_GREEN
from qgis.certification.pdf.common import Fonts
from qgis.certification.pdf.common import block_factory
from qgis.certification.pdf.common import holder_blocks
from qgis.certification.pdf.common import programme_certificate
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


def organisation_blocks(data: OrganisationCertificateData, font: Fonts):
    """The certificate's centred blocks for ``draw_centred_blocks``, a function of the scale."""

    def blocks(scale):
        block = block_factory(font, scale)
        items = holder_blocks(font, block, data.organisation_title, scale, data.language)
        if font.text(data.country_name).strip():
            items.append(block(2 * mm, data.country_name, font.regular, 15, DARK_GREEN))
        membership = translated(MEMBERSHIP, data.language)
        items.append(block(6 * mm, membership, font.regular, 13, block_width=180 * mm))
        return items

    return blocks


def render_organisation_certificate(data: OrganisationCertificateData) -> bytes:
    """The "Authorised QGIS training provider" certificate: one A4 landscape page."""
    title = f"QGIS training provider certificate {data.code}"
    blocks = functools.partial(organisation_blocks, data)
    subject = data.organisation_title
    return programme_certificate(data, title, subject, AUTHORISED_PROVIDER, 28, blocks).finish()
