"""Invoices for certificate fees, payable by SEPA credit transfer.

An unpaid invoice carries an EPC QR code ("SEPA Credit Transfer" QR, standard
EPC069-12 of the European Payments Council; see ``pdf.epc``), which banking
apps scan to fill in the transfer: beneficiary, IBAN, amount and the invoice
number as the unstructured remittance information. Amounts are Decimals
rounded half-up to cents: each line, then the tax on the subtotal.
"""

import io
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from typing import NamedTuple
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable
from reportlab.platypus import Image
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

from qgis.certification import _
from qgis.certification.pdf.common import CERTIFICATION_PROGRAMME
from qgis.certification.pdf.common import DARK_GREEN
from qgis.certification.pdf.common import GREEN
from qgis.certification.pdf.common import GREY
from qgis.certification.pdf.common import INK
from qgis.certification.pdf.common import PROGRAMME_NAME
from qgis.certification.pdf.common import YELLOW
from qgis.certification.pdf.common import Fonts
from qgis.certification.pdf.common import draw_programme_mark
from qgis.certification.pdf.common import draw_stamp
from qgis.certification.pdf.common import fonts
from qgis.certification.pdf.common import format_date
from qgis.certification.pdf.common import translated
from qgis.certification.pdf.epc import CENTS
from qgis.certification.pdf.epc import EPC_SMALLEST
from qgis.certification.pdf.epc import as_decimal
from qgis.certification.pdf.epc import compact
from qgis.certification.pdf.epc import epc_qr_code
from qgis.certification.pdf.epc import grouped_iban
from qgis.certification.pdf.epc import qr_code_png


def money(value) -> Decimal:
    """``value`` as a Decimal amount rounded half-up to cents."""
    return as_decimal(value).quantize(CENTS, rounding=ROUND_HALF_UP)


# Data -----------------------------------------------------------------------


@dataclass
class Party:
    """The seller or the buyer of an invoice."""

    name: str
    address_lines: list[str] = field(default_factory=list)
    vat_id: str = ""
    email: str = ""


class InvoiceLine(NamedTuple):
    description: str
    quantity: int
    unit_price: Decimal


@dataclass
class BankAccount:
    """Where the buyer pays to."""

    account_holder: str
    iban: str
    bic: str = ""


@dataclass
class InvoiceData:
    """Everything an invoice shows. ``lines`` may hold InvoiceLines or plain 3-tuples."""

    #: e.g. QGIS-CERT-2026-0001; also the payment reference.
    number: str
    issue_date: date
    due_date: date
    seller: Party
    buyer: Party
    lines: list[InvoiceLine]
    bank: BankAccount
    currency: str = "EUR"
    #: In percent; 0 with a ``tax_note`` such as a reverse-charge statement
    #: (the note is printed only when the rate is 0).
    tax_rate: Decimal = Decimal("0")
    tax_note: str = ""
    payment_terms: str = ""
    paid: bool = False
    #: "en", "ro" or "sv".
    language: str = "en"


@dataclass(frozen=True)
class InvoiceTotals:
    line_amounts: tuple[Decimal, ...]
    subtotal: Decimal
    tax: Decimal
    total: Decimal


def invoice_totals(lines, tax_rate) -> InvoiceTotals:
    """Each line's amount, the subtotal, the tax on it and the total, in cents."""
    amounts = tuple(money(quantity * as_decimal(price)) for _, quantity, price in lines)
    subtotal = sum(amounts, Decimal("0.00"))
    tax = money(subtotal * as_decimal(tax_rate) / 100)
    return InvoiceTotals(amounts, subtotal, tax, subtotal + tax)


# Formatting -----------------------------------------------------------------

# thousands separator, decimal sign
NUMBER_SIGNS = {"en": (",", "."), "ro": (".", ","), "sv": ("\u00a0", ",")}


def format_amount(value, language: str) -> str:
    """``value`` with two decimals, grouped as ``language`` writes numbers."""
    thousands, decimal_sign = NUMBER_SIGNS.get(language, NUMBER_SIGNS["en"])
    value = money(value)
    whole, cents = f"{abs(value):f}".split(".")
    grouped = f"{int(whole):,}".replace(",", thousands)
    return f"{'-' if value < 0 else ''}{grouped}{decimal_sign}{cents}"


def format_money(value, currency: str, language: str) -> str:
    amount = format_amount(value, language)
    return f"{currency} {amount}" if language == "en" else f"{amount} {currency}"


def format_rate(rate, language: str) -> str:
    """A percentage without trailing zeros: 19, 7.7 (7,7 in Romanian and Swedish)."""
    text = f"{as_decimal(rate).normalize():f}"
    return text if language == "en" else text.replace(".", ",")


# Rendering -----------------------------------------------------------------

INVOICE = _("Invoice")
INVOICE_NUMBER = _("Invoice number")
ISSUE_DATE = _("Issue date")
DUE_DATE = _("Due date")
SELLER = _("Seller")
BUYER = _("Buyer")
VAT_ID = _("VAT ID")
EMAIL = _("E-mail")
DESCRIPTION = _("Description")
QUANTITY = _("Quantity")
UNIT_PRICE = _("Unit price")
AMOUNT = _("Amount")
SUBTOTAL = _("Subtotal")
TOTAL = _("Total")
PAYMENT_TERMS = _("Payment terms")
BANK_TRANSFER = _("Payment by SEPA credit transfer")
ACCOUNT_HOLDER = _("Account holder")
PAYMENT_REFERENCE = _("Payment reference")
SCAN_TO_PAY = _("Scan with your banking app to pay by SEPA credit transfer.")
PAID = _("PAID")
PAID_NOTE = _("This invoice has been paid. Thank you.")

WIDTH, HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = WIDTH - 2 * MARGIN


class ProgrammeMark(Flowable):
    """The programme's emblem and wordmark as a flowable."""

    def __init__(self, fonts: Fonts, height: float, programme: str):
        super().__init__()
        self.fonts = fonts
        self.height = height
        self.width = 4 * height
        self.programme = programme

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        draw_programme_mark(self.canv, self.fonts, 0, 0, self.height, self.programme)


class _Styles:
    def __init__(self, font: Fonts):
        def style(name, font_name, size, colour=INK, **extra):
            return ParagraphStyle(
                name=name,
                fontName=font_name,
                fontSize=size,
                leading=size * 1.3,
                textColor=colour,
                **extra,
            )

        self.body = style("body", font.regular, 9.5)
        self.right = style("right", font.regular, 9.5, alignment=TA_RIGHT)
        self.bold = style("bold", font.bold, 9.5)
        self.bold_right = style("bold-right", font.bold, 9.5, alignment=TA_RIGHT)
        self.total = style("total", font.bold, 11, alignment=TA_RIGHT)
        self.label = style("label", font.bold, 8, GREY)
        self.small = style("small", font.regular, 8.5, GREY)
        self.note = style("note", font.italic, 8.5, GREY)
        self.heading = style("heading", font.bold, 11, DARK_GREEN, spaceBefore=4 * mm)
        self.title = style("title", font.bold, 24, GREEN, alignment=TA_RIGHT)


NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
]


class _InvoiceWriter:
    """Builds the flowables of one invoice, in its language and with its fonts."""

    def __init__(self, data: InvoiceData):
        self.data = data
        self.font = fonts()
        self.styles = _Styles(self.font)
        self.totals = invoice_totals(data.lines, data.tax_rate)

    def t(self, message) -> str:
        return translated(message, self.data.language)

    def para(self, value: str, style) -> Paragraph:
        lines = self.font.text(value).strip().splitlines()
        return Paragraph("<br/>".join(escape(line) for line in lines), style)

    def amount(self, value) -> str:
        return format_money(value, self.data.currency, self.data.language)

    def story(self) -> list:
        return [
            self.header(),
            Spacer(1, 9 * mm),
            self.parties(),
            Spacer(1, 9 * mm),
            self.lines_table(),
            *self.notes(),
            Spacer(1, 3 * mm),
            self.payment(),
        ]

    def header(self) -> Table:
        """The programme mark on the left, the title and references on the right."""
        styles, language = self.styles, self.data.language
        references = Table(
            [
                [self.para(self.t(label), styles.small), self.para(value, style)]
                for label, value, style in (
                    (INVOICE_NUMBER, self.data.number, styles.bold_right),
                    (ISSUE_DATE, format_date(self.data.issue_date, language), styles.right),
                    (DUE_DATE, format_date(self.data.due_date, language), styles.right),
                )
            ],
            colWidths=(32 * mm, 45 * mm),
            style=[
                *NO_PADDING,
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ],
        )
        title = self.para(self.t(INVOICE).upper(), styles.title)
        return Table(
            [
                [ProgrammeMark(self.font, 15 * mm, self.t(CERTIFICATION_PROGRAMME)), title],
                ["", references],
            ],
            colWidths=(CONTENT_WIDTH - 77 * mm, 77 * mm),
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("SPAN", (0, 0), (0, 1)),
                *NO_PADDING,
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4 * mm),
            ],
        )

    def party(self, label, who: Party) -> list:
        styles = self.styles
        cell = [self.para(self.t(label).upper(), styles.label), self.para(who.name, styles.bold)]
        cell += [self.para(line, styles.body) for line in who.address_lines if line.strip()]
        if who.vat_id:
            cell.append(self.para(f"{self.t(VAT_ID)}: {who.vat_id}", styles.body))
        if who.email:
            cell.append(self.para(f"{self.t(EMAIL)}: {who.email}", styles.body))
        return cell

    def parties(self) -> Table:
        return Table(
            [[self.party(SELLER, self.data.seller), self.party(BUYER, self.data.buyer)]],
            colWidths=(CONTENT_WIDTH / 2, CONTENT_WIDTH / 2),
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
            ],
        )

    def line_rows(self) -> list:
        """The heading row and one row for each invoice line."""
        styles = self.styles
        heading = [self.para(self.t(DESCRIPTION), styles.bold)] + [
            self.para(self.t(label), styles.bold_right) for label in (QUANTITY, UNIT_PRICE, AMOUNT)
        ]
        lines = zip(self.data.lines, self.totals.line_amounts, strict=True)
        return [heading] + [
            [
                self.para(description, styles.body),
                self.para(str(quantity), styles.right),
                self.para(self.amount(unit_price), styles.right),
                self.para(self.amount(line_amount), styles.right),
            ]
            for (description, quantity, unit_price), line_amount in lines
        ]

    def total_rows(self) -> list:
        """The subtotal, tax and total rows, labelled and valued in the last two columns."""
        styles, totals = self.styles, self.totals
        rate = format_rate(self.data.tax_rate, self.data.language)
        tax_label = _("VAT ${rate}%", mapping={"rate": rate})
        return [
            ["", "", self.para(self.t(label), style), self.para(self.amount(value), style)]
            for label, value, style in (
                (SUBTOTAL, totals.subtotal, styles.right),
                (tax_label, totals.tax, styles.right),
                (TOTAL, totals.total, styles.total),
            )
        ]

    def lines_table(self) -> Table:
        rows = self.line_rows()
        first_total = len(rows)
        rows += self.total_rows()
        last = len(rows) - 1
        return Table(
            rows,
            colWidths=(CONTENT_WIDTH - 84 * mm, 20 * mm, 32 * mm, 32 * mm),
            repeatRows=1,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.2, GREEN),
                    ("LINEBELOW", (0, 1), (-1, first_total - 1), 0.4, YELLOW),
                    ("LINEABOVE", (2, last), (-1, last), 1.2, GREEN),
                    ("SPAN", (0, first_total), (1, last)),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            ),
        )

    def notes(self) -> list:
        """The tax note and the payment terms, when the invoice has them."""
        data, styles = self.data, self.styles
        notes = []
        if data.tax_note.strip() and as_decimal(data.tax_rate) == 0:
            notes += [Spacer(1, 2 * mm), self.para(data.tax_note, styles.note)]
        if data.payment_terms.strip():
            notes += [
                self.para(self.t(PAYMENT_TERMS), styles.heading),
                self.para(data.payment_terms, styles.body),
            ]
        return notes

    def bank_details(self) -> list:
        bank, styles = self.data.bank, self.styles
        details = [
            self.para(self.t(BANK_TRANSFER), styles.heading),
            self.para(f"{self.t(ACCOUNT_HOLDER)}: {bank.account_holder}", styles.body),
            self.para(f"IBAN: {grouped_iban(bank.iban)}", styles.bold),
        ]
        if bank.bic:
            details.append(self.para(f"BIC: {compact(bank.bic)}", styles.body))
        return details + [
            self.para(f"{self.t(PAYMENT_REFERENCE)}: {self.data.number}", styles.body),
            self.para(f"{self.t(TOTAL)}: {self.amount(self.totals.total)}", styles.bold),
        ]

    def payment_code(self):
        """The EPC QR code while there is something to pay, else the paid note (if paid)."""
        data, total = self.data, self.totals.total
        if data.paid:
            return [self.para(self.t(PAID_NOTE), self.styles.bold)]
        if data.currency != "EUR" or total < EPC_SMALLEST:
            return ""
        bank = data.bank
        code = epc_qr_code(bank.account_holder, bank.iban, total, text=data.number, bic=bank.bic)
        qr_size = 38 * mm
        return [
            Image(io.BytesIO(qr_code_png(code)), qr_size, qr_size),
            self.para(self.t(SCAN_TO_PAY), self.styles.small),
        ]

    def payment(self) -> Table:
        """The bank details beside the EPC QR code."""
        return Table(
            [[self.bank_details(), self.payment_code()]],
            colWidths=(CONTENT_WIDTH - 48 * mm, 48 * mm),
            style=[("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PADDING],
        )

    def decorate(self, canvas, document):
        """The coloured bands at the top of each page, the footer and the PAID stamp."""
        data, font = self.data, self.font
        canvas.saveState()
        canvas.setFillColor(GREEN)
        canvas.rect(0, HEIGHT - 5 * mm, WIDTH, 5 * mm, stroke=0, fill=1)
        canvas.setFillColor(YELLOW)
        canvas.rect(0, HEIGHT - 6.2 * mm, WIDTH, 1.2 * mm, stroke=0, fill=1)
        seller = data.seller
        parts = (seller.name, seller.email, seller.vat_id, data.number)
        canvas.setFont(font.regular, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(WIDTH / 2, 10 * mm, font.text(" · ".join(p for p in parts if p)))
        canvas.restoreState()
        if data.paid:
            draw_stamp(canvas, font, self.t(PAID), GREEN, WIDTH, HEIGHT, angle=30, fraction=0.3)


def render_invoice(data: InvoiceData) -> bytes:
    """The invoice on A4 portrait pages (one for a usual number of lines), as PDF bytes.

    Raises ValueError when the bank details cannot go into an EPC QR code (an
    invalid IBAN or BIC, a name that is too long): an invoice should never
    ask for payment to an account the bank would refuse.
    """
    writer = _InvoiceWriter(data)
    story = writer.story()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"Invoice {data.number}",
        author=data.seller.name or PROGRAMME_NAME,
        subject=f"{PROGRAMME_NAME}: {data.buyer.name}",
        creator=PROGRAMME_NAME,
        pageCompression=1,
    )
    document.build(story, onFirstPage=writer.decorate, onLaterPages=writer.decorate)
    return buffer.getvalue()
