"""QR codes as PNG images, to embed in the PDFs."""

import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.pil import PilImage


def qr_png(text: str, box_size: int = 10) -> bytes:
    """A PNG image of a QR code holding ``text`` (UTF-8, error correction M).

    ``box_size`` is the number of pixels per module. The symbol keeps the
    standard quiet zone of four modules around it.
    """
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECT_M,
        box_size=box_size,
        border=4,
        image_factory=PilImage,
    )
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()
