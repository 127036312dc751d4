"""Certificate files as a holder may hand them on: the original, a copy
rewritten by another program, a PDF that names no certificate."""

from io import BytesIO

from pypdf import PdfReader
from pypdf import PdfWriter


def rewritten(data: bytes, **metadata) -> bytes:
    """``data`` saved again by another program (pypdf): the same pages and
    metadata (with ``metadata`` changed), other bytes."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    if metadata:
        writer.add_metadata(metadata)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank_pdf() -> bytes:
    """A PDF that names no certificate."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def tiny_png() -> bytes:
    """A 1×1 PNG, as an uploaded logo or signature."""
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (1, 1), "white").save(buffer, format="PNG")
    return buffer.getvalue()
