"""The certificate of a certified QGIS trainer: one A4 landscape page."""

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
CERTIFIED_TRAINER = _("QGIS Certified Trainer")
#: the wording's stamp across a certificate that is no longer valid, by its state
STAMPS = {"revoked": "revoked", "lapsed": "lapsed"}


@dataclass
class TrainerCertificateData:
    """What a trainer certificate shows."""

    trainer_name: str
    organisation_title: str
    code: str
    verify_url: str
    valid_from: date
    valid_until: date
    representative_name: str
    representative_signature: bytes | None
    wording: CertificateWording
    #: the nomination's state: "revoked" and "lapsed" are stamped across the page
    state: str = "approved"

    @property
    def issue_date(self) -> date:
        """The date printed in the verification corner: the period's start."""
        return self.valid_from

    @property
    def language(self) -> str:
        return self.wording.language


def validity_text(data: TrainerCertificateData) -> str:
    return data.wording.fill("valid_period", start=data.valid_from, end=data.valid_until)


def trainer_blocks(data: TrainerCertificateData, font: Fonts):
    """The certificate's centred blocks for ``draw_centred_blocks``, a function of the scale."""

    def blocks(scale):
        block = block_factory(font, scale)
        items = holder_blocks(font, block, data.trainer_name, scale, data.wording)
        recognised = data.wording.fill("trainer_of", organisation=data.organisation_title)
        items.append(block(6 * mm, recognised, font.regular, 13, block_width=190 * mm))
        items.append(block(4 * mm, validity_text(data), font.bold, 13, DARK_GREEN))
        return items

    return blocks


def render_trainer_certificate(data: TrainerCertificateData) -> bytes:
    title = f"QGIS trainer certificate {data.code}"
    blocks = functools.partial(trainer_blocks, data)
    heading = data.wording.trainer_title
    printed = f"{data.trainer_name}{data.organisation_title}{data.representative_name}"
    page = programme_certificate(data, title, data.trainer_name, heading, 30, blocks, printed)
    stamp = STAMPS.get(data.state)
    if stamp is not None:
        page.draw_stamp(getattr(data.wording, stamp))
    return page.finish()
