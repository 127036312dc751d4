"""The drawing that the programme's PDFs (certificates, invoices) share.

The renderers take plain dataclasses, never Plone objects, so they run (and
are tested) without a site. Certificates print the ``CertificateWording`` of
their language (``pdf.wording``), which the caller passes with the data;
invoices' fixed texts are i18n messages of the ``qgis.certification`` domain,
translated into the invoice's language. Names and titles are printed as given.

Fonts: Roboto as shipped by ``plonetheme.barceloneta`` (which Products.CMFPlone
requires, so it is always installed), else DejaVu Sans from Debian's
``fonts-dejavu-core`` when present; both have every letter of the Latin
languages the certificates ship (Romanian, Swedish, German, French, Spanish,
Portuguese, Italian). Japanese is printed with IPA P Gothic from Debian's
``fonts-ipafont-gothic`` (TrueType, which ReportLab embeds; Noto CJK is CFF,
which it cannot). ``fonts_for(text)`` picks the first family that has every
letter of the text; the fonts are embedded (subset) in the PDF. Without any
of them, the PDFs fall back to Helvetica with a logged warning, and letters
Helvetica lacks (ș, ț, ă...) lose their accents instead of printing as holes.
"""

import functools
import importlib.util
import io
import logging
import math
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image
from PIL import ImageOps
from reportlab.lib.colors import HexColor
from reportlab.lib.colors import white
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.pdf import wording as wording_module
from qgis.certification.pdf.qr import qr_png


logger = logging.getLogger(__name__)

GREEN = HexColor("#589632")
DARK_GREEN = HexColor("#3f6e23")
YELLOW = HexColor("#eeb518")
INK = HexColor("#202124")
GREY = HexColor("#5f6368")
RED = HexColor("#c62828")

#: Images are downscaled to this resolution at their printed size.
PRINT_DPI = 300
PROGRAMME_NAME = "QGIS Certification Programme"

#: The wordmark's second line on invoices (certificates print their wording's).
CERTIFICATION_PROGRAMME = _("Certification Programme")


# Fonts ----------------------------------------------------------------------

#: Letters every Latin font of the PDFs must have (Romanian, Swedish, the other
#: shipped languages, punctuation).
REQUIRED_LETTERS = "ăâîșțşţĂÂÎȘȚåäöÅÄÖéüßçñãõàèìòùÉ€–·"
#: Letters a Japanese font must have (kana, kanji, full-width punctuation).
JAPANESE_LETTERS = "証明書講座修了発行日あいうアイウ：～（）"


@dataclass(frozen=True)
class Fonts:
    """The registered font names the PDFs use."""

    regular: str
    bold: str
    italic: str
    #: Whether the fonts have every letter of the supported languages.
    unicode: bool = True
    #: Whether lines may break between any two letters (Chinese, Japanese, Korean).
    cjk: bool = False

    def text(self, value) -> str:
        """``value`` (None is printed as nothing) as these fonts can print it."""
        value = "" if value is None else str(value)
        if self.unicode:
            return value
        return latin1_text(value)


FALLBACK_FONTS = Fonts(
    regular="Helvetica",
    bold="Helvetica-Bold",
    italic="Helvetica-Oblique",
    unicode=False,
)


def latin1_text(value: str) -> str:
    """``value`` with the letters Helvetica lacks replaced by their base letter."""
    letters = []
    for letter in value:
        try:
            letter.encode("cp1252")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFKD", letter)
            letter = "".join(part for part in decomposed if not unicodedata.combining(part))
            try:
                letter.encode("cp1252")
            except UnicodeEncodeError:
                letter = "?"
        letters.append(letter)
    return "".join(letters)


def _roboto_folder() -> Path | None:
    """Roboto as ``plonetheme.barceloneta`` ships it (found without importing it)."""
    try:
        spec = importlib.util.find_spec("plonetheme.barceloneta")
    except (ImportError, ValueError):
        return None
    for location in (spec and spec.submodule_search_locations) or ():
        folder = Path(location) / "theme" / "roboto"
        if folder.is_dir():
            return folder
    return None


def _dejavu_folder() -> Path | None:
    folder = Path("/usr/share/fonts/truetype/dejavu")
    return folder if folder.is_dir() else None


def _ipa_gothic_folder() -> Path | None:
    folder = Path("/usr/share/fonts/opentype/ipafont-gothic")
    return folder if folder.is_dir() else None


@dataclass(frozen=True, eq=False)  # one object per family: cached by identity
class FontFamily:
    """A family of TrueType files: where they are, the file of each style (a
    missing style, as the italic of fonts-dejavu-core, is printed with the
    regular file), the letters it must have, and whether it is CJK."""

    name: str
    locate: object
    files: dict
    required: str = REQUIRED_LETTERS
    cjk: bool = False


FONT_FAMILIES = (
    FontFamily(
        "Roboto",
        _roboto_folder,
        {"regular": "roboto-regular.ttf", "bold": "roboto-bold.ttf", "italic": "roboto-italic.ttf"},
    ),
    FontFamily(
        "DejaVuSans",
        _dejavu_folder,
        {
            "regular": "DejaVuSans.ttf",
            "bold": "DejaVuSans-Bold.ttf",
            "italic": "DejaVuSans-Oblique.ttf",
        },
    ),
    # IPA P Gothic has one style: bold and italic print as regular
    FontFamily("IPAPGothic", _ipa_gothic_folder, {"regular": "ipagp.ttf"}, JAPANESE_LETTERS, True),
)


def _register_family(family: FontFamily, folder: Path) -> Fonts:
    regular = folder / family.files["regular"]
    if not regular.is_file():
        raise FileNotFoundError(regular)
    names, registered = {}, {}
    for style in ("regular", "bold", "italic"):
        path = folder / family.files.get(style, family.files["regular"])
        if not path.is_file():
            path = regular
        if path in registered:  # one file, one embedded font
            names[style] = registered[path]
            continue
        name = f"QgisCertification-{family.name}-{style}"
        font = TTFont(name, str(path))
        missing = [c for c in family.required if ord(c) not in font.face.charToGlyph]
        if missing:
            raise ValueError(f"{path} lacks {''.join(missing)}")
        pdfmetrics.registerFont(font)
        names[style] = registered[path] = name
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold"],
    )
    return Fonts(**names, cjk=family.cjk)


@functools.cache
def family_fonts(family: FontFamily) -> Fonts | None:
    """The family's fonts, registered with ReportLab on first use; None when absent."""
    folder = family.locate()
    if folder is None:
        return None
    try:
        return _register_family(family, folder)
    except Exception as error:  # a broken or partial font installation
        logger.warning("Font %s in %s not usable: %s", family.name, folder, error)
        return None


def available_fonts():
    """The installed font families, in order of preference, each registered with
    ReportLab when it is first reached (the Japanese one only when needed)."""
    return (found for found in map(family_fonts, FONT_FAMILIES) if found is not None)


@functools.cache
def fonts() -> Fonts:
    """The fonts of the PDFs in Latin letters, registered with ReportLab on first use."""
    for found in available_fonts():
        if not found.cjk:
            return found
    logger.warning(
        "No TrueType font with Romanian and Swedish letters found (neither Roboto from "
        "plonetheme.barceloneta nor DejaVu Sans from fonts-dejavu-core): the PDFs use "
        "Helvetica and print letters outside Latin-1 without their accents."
    )
    return FALLBACK_FONTS


def covers(found: Fonts, text: str) -> bool:
    """Whether every letter of ``text`` has a glyph in ``found`` (spaces and
    line breaks need none)."""
    if not found.unicode:
        return False
    faces = {pdfmetrics.getFont(name).face for name in (found.regular, found.bold, found.italic)}
    letters = {ord(letter) for letter in text if not letter.isspace()}
    return all(letters <= face.charToGlyph.keys() for face in faces)


def fonts_for(text: str) -> Fonts:
    """The first font family that has every letter of ``text`` (a certificate's
    wording and names); else the Latin fonts, with a logged warning."""
    for found in available_fonts():
        if covers(found, text):
            return found
    latin = fonts()
    missing = sorted({c for c in text if not c.isspace() and not covers(latin, c)})
    logger.warning("No installed font has every letter of a certificate: %s", "".join(missing))
    return latin


# Texts ----------------------------------------------------------------------


def format_date(value: date, language: str) -> str:
    """``value`` as a long date in ``language`` ("2 March 2026", "2 martie 2026")."""
    return wording_module.format_date(value, language)


def translated(message, language: str) -> str:
    """``message`` (an i18n message) in ``language``; its default when untranslated."""
    return translate(message, target_language=language)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def markup(text: str) -> str:
    """Plain ``text`` as Paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


# Images ---------------------------------------------------------------------


def load_image(data: bytes | None, width: float, height: float, what: str):
    """An ImageReader for ``data`` to print in a ``width`` × ``height`` box (points).

    The image is decoded here, converted to RGB (with its transparency, if
    any) and reduced to ``PRINT_DPI`` at its printed size. Returns None when
    there is no image or it cannot be decoded, which is logged: a bad upload
    never stops a PDF.
    """
    if not data:
        return None
    try:
        with Image.open(io.BytesIO(data)) as original:
            largest = (
                max(1, round(width / 72 * PRINT_DPI)),
                max(1, round(height / 72 * PRINT_DPI)),
            )
            original.draft("RGB", largest)  # JPEG: decode at a reduced size
            original.load()
            transparent = "A" in original.getbands() or "transparency" in original.info
            upright = ImageOps.exif_transpose(original)  # photos taken sideways
            image = upright.convert("RGBA" if transparent else "RGB")
            image.thumbnail(largest, Image.Resampling.LANCZOS)
            return ImageReader(image)
    except Exception as error:  # whatever PIL raises for a bad file
        logger.warning("Cannot use the %s image (%d bytes): %s", what, len(data), error)
        return None


def draw_image_in_box(canvas, image, x, y, width, height, align="centre"):
    """Draw ``image`` as large as fits the box, keeping its proportions."""
    image_width, image_height = image.getSize()
    scale = min(width / image_width, height / image_height)
    drawn_width, drawn_height = image_width * scale, image_height * scale
    if align == "right":
        x += width - drawn_width
    elif align != "left":
        x += (width - drawn_width) / 2
    y += (height - drawn_height) / 2
    canvas.drawImage(image, x, y, drawn_width, drawn_height, mask="auto")


def qr_image(text: str) -> ImageReader:
    return ImageReader(io.BytesIO(qr_png(text)))


# Drawing --------------------------------------------------------------------


def fitted_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """The font size, at most ``size``, at which ``text`` fits ``width``."""
    natural = pdfmetrics.stringWidth(text, font, size)
    if natural <= width:
        return size
    return max(smallest, size * width / natural)


def draw_programme_mark(
    canvas, fonts: Fonts, x: float, y: float, height: float, programme="Certification Programme"
) -> float:
    """The programme's emblem and wordmark, bottom left at (x, y); returns the width.

    The emblem is a green seal holding a white "Q" whose tail is a yellow
    tick; "QGIS" and ``programme`` (the document's language) are written beside it.
    """
    programme = fonts.text(programme)
    radius = height / 2
    cx, cy = x + radius, y + radius
    canvas.saveState()
    canvas.setFillColor(GREEN)
    canvas.circle(cx, cy, radius, stroke=0, fill=1)
    canvas.setStrokeColor(white)
    canvas.setLineWidth(radius * 0.045)
    canvas.circle(cx, cy, radius * 0.86, stroke=1, fill=0)
    canvas.setLineWidth(radius * 0.15)
    canvas.circle(cx - radius * 0.08, cy + radius * 0.08, radius * 0.42, stroke=1, fill=0)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    tick = canvas.beginPath()
    tick.moveTo(cx - radius * 0.02, cy - radius * 0.16)
    tick.lineTo(cx + radius * 0.20, cy - radius * 0.40)
    tick.lineTo(cx + radius * 0.58, cy + radius * 0.10)
    # a green outline first sets the tick apart from the ring it crosses
    for colour, line_width in ((GREEN, 0.28), (YELLOW, 0.16)):
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(radius * line_width)
        canvas.drawPath(tick, stroke=1, fill=0)

    left = x + height + height * 0.22
    canvas.setFillColor(INK)
    canvas.setFont(fonts.bold, height * 0.50)
    canvas.drawString(left, y + height * 0.42, "QGIS")
    canvas.setFillColor(DARK_GREEN)
    canvas.setFont(fonts.regular, height * 0.215)
    canvas.drawString(left, y + height * 0.10, programme)
    canvas.restoreState()
    wordmark = max(
        pdfmetrics.stringWidth("QGIS", fonts.bold, height * 0.50),
        pdfmetrics.stringWidth(programme, fonts.regular, height * 0.215),
    )
    return left - x + wordmark


def draw_frame(canvas, width: float, height: float):
    """The double border of the certificates."""
    canvas.saveState()
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(2.2)
    canvas.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    canvas.setStrokeColor(YELLOW)
    canvas.setLineWidth(0.8)
    canvas.rect(13 * mm, 13 * mm, width - 26 * mm, height - 26 * mm)
    canvas.restoreState()


def draw_stamp(canvas, fonts: Fonts, text, colour, width, height, angle=None, fraction=0.55):
    """A large translucent stamp across the page ("REVOKED", "PAID").

    The text is ``fraction`` of the page diagonal long, turned by ``angle``
    degrees (by default, along the diagonal).
    """
    text = fonts.text(text)
    diagonal = math.hypot(width, height)
    size = min(140, fraction * diagonal / pdfmetrics.stringWidth(text, fonts.bold, 1))
    text_width = pdfmetrics.stringWidth(text, fonts.bold, size)
    if angle is None:
        angle = math.degrees(math.atan2(height, width))
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    canvas.setFillColor(colour, alpha=0.28)
    canvas.setFont(fonts.bold, size)
    canvas.drawCentredString(0, -size * 0.36, text)
    canvas.setStrokeColor(colour, alpha=0.6)
    canvas.setLineWidth(size * 0.05)
    box_width, box_height = text_width + size * 0.6, size * 1.15
    canvas.roundRect(-box_width / 2, -box_height / 2, box_width, box_height, size * 0.12)
    canvas.restoreState()


def draw_signature(canvas, fonts: Fonts, signature, name: str, role: str, centre: float, line):
    """A signature image above a line, the signer's name and role below it."""
    width = 62 * mm
    if signature is not None:
        draw_image_in_box(canvas, signature, centre - 27 * mm, line + 1.5 * mm, 54 * mm, 17 * mm)
    canvas.saveState()
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.6)
    canvas.line(centre - width / 2, line, centre + width / 2, line)
    name = fonts.text(name)
    size = fitted_size(name, fonts.bold, 10.5, width, 6)
    canvas.setFillColor(INK)
    canvas.setFont(fonts.bold, size)
    canvas.drawCentredString(centre, line - 5 * mm, name)
    canvas.setFillColor(GREY)
    canvas.setFont(fonts.regular, 8.5)
    canvas.drawCentredString(centre, line - 9.5 * mm, fonts.text(role))
    canvas.restoreState()


def draw_verification(canvas, fonts: Fonts, code, verify_url, issued, wording, right, bottom):
    """The QR code of ``verify_url`` at the bottom right, the code and dates beside it."""
    size = 30 * mm
    canvas.drawImage(qr_image(verify_url), right - size, bottom, size, size)
    text_right = right - size - 1 * mm
    width = 80 * mm
    canvas.saveState()
    label = fonts.text(f"{wording.code}: {code}")
    canvas.setFillColor(INK)
    canvas.setFont(fonts.bold, fitted_size(label, fonts.bold, 11, width, 6))
    canvas.drawRightString(text_right, bottom + 22 * mm, label)
    canvas.setFont(fonts.regular, 9)
    canvas.drawRightString(text_right, bottom + 17 * mm, fonts.text(issued))
    canvas.setFillColor(GREY)
    canvas.setFont(fonts.regular, 8)
    canvas.drawRightString(text_right, bottom + 10.5 * mm, fonts.text(wording.verify_at))
    url = fonts.text(verify_url)
    canvas.setFillColor(DARK_GREEN)
    canvas.setFont(fonts.regular, fitted_size(url, fonts.regular, 8, width, 5))
    canvas.drawRightString(text_right, bottom + 6.5 * mm, url)
    canvas.restoreState()


def new_canvas(
    buffer, pagesize, title: str, subject: str, keywords=(), invariant: bool = False
) -> Canvas:
    """A canvas with the document's metadata. ``invariant`` renders the same
    bytes for the same drawing (a fixed creation date and file ID), so that a
    document's fingerprint stays the same from one rendering to the next."""
    canvas = Canvas(buffer, pagesize=pagesize, pageCompression=1, invariant=int(invariant))
    canvas.setTitle(title)
    canvas.setSubject(subject)
    if keywords:
        canvas.setKeywords(list(keywords))
    canvas.setAuthor(PROGRAMME_NAME)
    canvas.setCreator(PROGRAMME_NAME)
    return canvas


def draw_centred_blocks(canvas, blocks, centre: float, top: float, bottom: float):
    """Draw ``blocks`` centred horizontally and vertically between ``top`` and ``bottom``.

    ``blocks`` is a function of a scale (1 = natural size) returning a list
    of (space above, Paragraph, width). The scale is reduced until the
    blocks fit, so long texts shrink rather than run into the signatures.
    """
    available = top - bottom
    scale = 1.0
    while True:
        laid_out = []
        total = 0.0
        for space, paragraph, width in blocks(scale):
            _, height = paragraph.wrap(width, available)
            laid_out.append((space, paragraph, width, height))
            total += space + height
        if total <= available or scale <= 0.55:
            break
        scale *= 0.92
    # a little higher than the middle, which looks centred
    y = top - max(0.0, (available - total) * 0.42)
    for space, paragraph, width, height in laid_out:
        y -= space + height
        paragraph.drawOn(canvas, centre - width / 2, y)


def centred_style(fonts_name: str, size: float, colour=INK, leading: float = 1.2, cjk=False):
    """A centred paragraph style; ``cjk`` lets lines break between any two letters."""
    return ParagraphStyle(
        name=f"{fonts_name}-{size:.2f}",
        fontName=fonts_name,
        fontSize=size,
        leading=size * leading,
        alignment=TA_CENTER,
        textColor=colour,
        wordWrap="CJK" if cjk else None,
    )


def block_factory(fonts: Fonts, scale: float):
    """A function making one centred block for ``draw_centred_blocks`` at ``scale``."""

    def block(space, value, font_name, size, colour=INK, block_width=210 * mm):
        style = centred_style(font_name, size * scale, colour, cjk=fonts.cjk)
        return (space * scale, Paragraph(markup(fonts.text(value)), style), block_width)

    return block


def fitted_name_size(fonts: Fonts, name: str, scale: float) -> float:
    """The natural size of the holder's name, shrunk so it fits on one line."""
    return fitted_size(name, fonts.bold, 30 * scale, 225 * mm, 12) / scale


def draw_signature_slot(canvas, fonts: Fonts, image: bytes | None, name, role, centre, what):
    """A signature image (when given) over a line, with the signer's name and role."""
    signature = load_image(image, 54 * mm, 17 * mm, what)
    draw_signature(canvas, fonts, signature, name, role, centre=centre, line=38 * mm)


def draw_verification_corner(canvas, fonts: Fonts, code, verify_url, day, wording, width):
    """The code, QR code and issue date in the bottom right corner of a landscape page."""
    issued = wording.fill("issued_on", date=day)
    draw_verification(
        canvas, fonts, code, verify_url, issued, wording, right=width - 22 * mm, bottom=22 * mm
    )


class CertificatePage:
    """One A4 landscape certificate page, drawn in steps.

    Starting the page draws its frame and the programme mark; the renderer
    then adds the title, the centred body, the signatures and the
    verification corner, and ``finish`` returns the PDF bytes.
    """

    def __init__(self, wording, title: str, subject: str, keywords=(), invariant=False, text=""):
        """``wording`` is the CertificateWording of the page's language; ``text``
        what else it prints (names, titles), whose letters the fonts must have too."""
        self.font = fonts_for(wording.all_text() + text)
        self.wording = wording
        self.width, self.height = landscape(A4)
        self.buffer = io.BytesIO()
        size = (self.width, self.height)
        self.canvas = new_canvas(self.buffer, size, title, subject, keywords, invariant)
        draw_frame(self.canvas, self.width, self.height)
        draw_programme_mark(
            self.canvas, self.font, 22 * mm, self.height - 40 * mm, 18 * mm, wording.programme
        )

    def draw_title(self, text: str, size: float, char_space: float = 0):
        """``text`` in green, centred above the body."""
        self.canvas.setFillColor(GREEN)
        self.canvas.setFont(self.font.bold, size)
        self.canvas.drawCentredString(
            self.width / 2, self.height - 58 * mm, self.font.text(text), charSpace=char_space
        )

    def draw_body(self, blocks):
        """``blocks`` (see ``draw_centred_blocks``) between the title and the signatures."""
        draw_centred_blocks(self.canvas, blocks, self.width / 2, self.height - 64 * mm, 62 * mm)

    def draw_signature(self, image: bytes | None, name: str, role: str, centre: float, what: str):
        """A signature slot whose signer has the ``role``, centred at ``centre``."""
        draw_signature_slot(self.canvas, self.font, image, name, role, centre, what)

    def draw_representative_signature(self, image: bytes | None, name: str, centre: float):
        """The signature slot of the programme's representative."""
        role = self.wording.representative
        self.draw_signature(image, name, role, centre, "representative signature")

    def draw_verification(self, code: str, verify_url: str, day: date):
        draw_verification_corner(
            self.canvas, self.font, code, verify_url, day, self.wording, self.width
        )

    def draw_stamp(self, text: str):
        """A red stamp across the page ("REVOKED")."""
        draw_stamp(self.canvas, self.font, text, RED, self.width, self.height)

    def finish(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def holder_blocks(fonts: Fonts, block, holder: str, scale: float, wording) -> list:
    """The blocks "This certifies that" and the holder's name, the first of a certificate."""
    name = fonts.text(holder).strip()
    name_size = fitted_name_size(fonts, name, scale)
    return [
        block(0, wording.certifies, fonts.italic, 13, GREY),
        block(4 * mm, name, fonts.bold, name_size, block_width=235 * mm),
    ]


def programme_certificate(data, pdf_title, subject, heading, size, blocks_for, text=""):
    """A certificate page the programme alone signs, to finish (or stamp) next.

    ``data`` has ``wording``, ``code``, ``verify_url``, ``issue_date`` and the
    ``representative_name`` and ``representative_signature``; ``heading`` (a
    text of the wording) is fitted to the page from ``size``; ``blocks_for(font)``
    gives the body's blocks; ``text`` is the other text the page prints."""
    page = CertificatePage(data.wording, title=pdf_title, subject=subject, text=text)
    title = page.font.text(heading)
    page.draw_title(title, fitted_size(title, page.font.bold, size, 230 * mm, 16))
    page.draw_body(blocks_for(page.font))
    page.draw_representative_signature(
        data.representative_signature, data.representative_name, 62 * mm
    )
    page.draw_verification(data.code, data.verify_url, data.issue_date)
    return page
