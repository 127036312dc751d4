"""The certificate of a certified QGIS trainer: one A4 landscape page."""

import functools
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from qgis.certification import _
from qgis.certification.pdf.common import DARK_GREEN
from qgis.certification.pdf.common import RED
from qgis.certification.pdf.common import REVOKED
from qgis.certification.pdf.common import Fonts
from qgis.certification.pdf.common import block_factory
from qgis.certification.pdf.common import draw_stamp
from qgis.certification.pdf.common import format_date
from qgis.certification.pdf.common import holder_blocks
from qgis.certification.pdf.common import programme_certificate
from qgis.certification.pdf.common import translated


CERTIFIED_TRAINER = _("QGIS Certified Trainer")
TRAINER_OF = _(
    "is a certified QGIS trainer of ${organisation}, recognised by the QGIS "
    "Certification Programme to teach QGIS."
)
VALID_PERIOD = _("Valid from ${start} to ${end}")
LAPSED = _("LAPSED")
#: the stamp across a certificate that is no longer valid, by its state
STAMPS = {"revoked": REVOKED, "lapsed": LAPSED}


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
    #: "en", "ro" or "sv".
    language: str = "en"
    #: the nomination's state: "revoked" and "lapsed" are stamped across the page
    state: str = "approved"

    @property
    def issue_date(self) -> date:
        """The date printed in the verification corner: the period's start."""
        return self.valid_from


def validity_text(data: TrainerCertificateData) -> str:
    mapping = {
        "start": format_date(data.valid_from, data.language),
        "end": format_date(data.valid_until, data.language),
    }
    return translated(_(VALID_PERIOD, mapping=mapping), data.language)


def trainer_blocks(data: TrainerCertificateData, font: Fonts):
    """The certificate's centred blocks for ``draw_centred_blocks``, a function of the scale."""

    def blocks(scale):
        block = block_factory(font, scale)
        items = holder_blocks(font, block, data.trainer_name, scale, data.language)
        recognised = _(TRAINER_OF, mapping={"organisation": data.organisation_title})
        items.append(
            block(
                6 * mm,
                translated(recognised, data.language),
                font.regular,
                13,
                block_width=190 * mm,
            )
        )
        items.append(block(4 * mm, validity_text(data), font.bold, 13, DARK_GREEN))
        return items

    return blocks


def render_trainer_certificate(data: TrainerCertificateData) -> bytes:
    title = f"QGIS trainer certificate {data.code}"
    blocks = functools.partial(trainer_blocks, data)
    page = programme_certificate(data, title, data.trainer_name, CERTIFIED_TRAINER, 30, blocks)
    stamp = STAMPS.get(data.state)
    if stamp is not None:
        draw_stamp(page.canvas, page.font, page.translated(stamp), RED, page.width, page.height)
    return page.finish()
