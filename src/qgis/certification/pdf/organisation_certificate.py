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
from qgis.certification.pdf.wording import CertificateWording


#: The certificate's name on the verification page (in the page's language).
AUTHORISED_PROVIDER = _("Authorised QGIS training provider")


@dataclass
class OrganisationCertificateData:
    """What an organisation's certificate shows."""

    organisation_title: str
    #: The country's name, already in the wording's language.
    country_name: str
    code: str
    verify_url: str
    issue_date: date
    representative_name: str
    representative_signature: bytes | None
    wording: CertificateWording

    @property
    def language(self) -> str:
        return self.wording.language


def organisation_blocks(data: OrganisationCertificateData, font: Fonts):
    """The certificate's centred blocks for ``draw_centred_blocks``, a function of the scale."""

    def blocks(scale):
        block = block_factory(font, scale)
        items = holder_blocks(font, block, data.organisation_title, scale, data.wording)
        if font.text(data.country_name).strip():
            items.append(block(2 * mm, data.country_name, font.regular, 15, DARK_GREEN))
        membership = data.wording.membership
        items.append(block(6 * mm, membership, font.regular, 13, block_width=180 * mm))
        return items

    return blocks


def render_organisation_certificate(data: OrganisationCertificateData) -> bytes:
    """The "Authorised QGIS training provider" certificate: one A4 landscape page."""
    title = f"QGIS training provider certificate {data.code}"
    blocks = functools.partial(organisation_blocks, data)
    subject = data.organisation_title
    heading = data.wording.provider_title
    printed = f"{data.organisation_title}{data.country_name}{data.representative_name}"
    page = programme_certificate(data, title, subject, heading, 28, blocks, printed)
    return page.finish()
