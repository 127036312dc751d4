"""What a PDF says about itself: its metadata, read with pypdf.

Files read here come from anyone (the verification page): only the header and
the document information are read, never the pages.
"""

from io import BytesIO

from pypdf import PdfReader


#: The PDF header must start within the first 1024 bytes of the file.
HEADER_WINDOW = 1024
METADATA = ("/Title", "/Subject", "/Keywords")


class UnreadablePdf(Exception):
    """The bytes are not a PDF that can be read."""


def looks_like_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:HEADER_WINDOW]


def metadata_texts(data: bytes) -> list[str]:
    """The title, subject and keywords the PDF gives (those it has)."""
    if not looks_like_pdf(data):
        raise UnreadablePdf("no PDF header")
    try:
        info = PdfReader(BytesIO(data), strict=False).metadata or {}
        return [str(info[name]) for name in METADATA if info.get(name) is not None]
    except Exception as error:
        # pypdf raises many kinds of errors on damaged or hostile files: any
        # of them means the file cannot be read as a PDF.
        raise UnreadablePdf(str(error)) from error
