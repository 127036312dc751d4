"""Invoices for certificate fees, payable by SEPA credit transfer.

An unpaid invoice carries an EPC QR code ("SEPA Credit Transfer" QR, standard
EPC069-12 of the European Payments Council), which banking apps scan to fill
in the transfer: beneficiary, IBAN, amount and the invoice number as the
reference. Amounts are Decimals rounded half-up to cents: each line, then the
tax on the subtotal.
"""

import io
import re
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation
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
from qgis.certification.pdf.qr import qr_png


CENTS = Decimal("0.01")


def money(value) -> Decimal:
    """``value`` as a Decimal amount rounded half-up to cents."""
    return _decimal(value).quantize(CENTS, rounding=ROUND_HALF_UP)


def _decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        value = repr(value)  # the shortest text that reads back as this float
    return Decimal(value)


# EPC QR code -----------------------------------------------------------------

EPC_MAX_NAME = 70
EPC_MAX_REFERENCE = 35
EPC_MAX_TEXT = 140
EPC_MAX_BYTES = 331
EPC_SMALLEST = Decimal("0.01")
EPC_LARGEST = Decimal("999999999.99")
IBAN_SHAPE = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")
BIC_SHAPE = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")


def compact(code: str) -> str:
    """An IBAN or BIC in capitals without spaces, as payment files and QR codes want it."""
    return "".join(code.split()).upper()


def iban_is_valid(iban: str) -> bool:
    """Whether ``iban`` (spaces allowed) has the shape and check digits of an IBAN."""
    iban = compact(iban)
    if not IBAN_SHAPE.fullmatch(iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(symbol, 36)) for symbol in rearranged)) % 97 == 1


def grouped_iban(iban: str) -> str:
    """``iban`` in groups of four symbols, as printed for people."""
    iban = compact(iban)
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _single_line(value: str, what: str) -> str:
    value = value.strip()
    if "\n" in value or "\r" in value:
        raise ValueError(f"The {what} must be on one line.")
    return value


def epc_payload(
    name: str,
    iban: str,
    amount: Decimal,
    reference: str,
    bic: str = "",
    text: str = "",
    currency: str = "EUR",
) -> str:
    """The content of an EPC QR code for a SEPA credit transfer (EPC069-12, version 002).

    ``reference`` is the structured creditor reference and ``text`` the
    unstructured remittance information: give one or the other (or neither).
    ``bic`` is optional within the EEA. Raises ValueError naming the field
    that breaks the standard.
    """
    name = _single_line(name, "beneficiary's name")
    if not name:
        raise ValueError("The beneficiary's name is required.")
    if len(name) > EPC_MAX_NAME:
        raise ValueError(
            f"The beneficiary's name has {len(name)} characters; at most {EPC_MAX_NAME} fit."
        )
    account = compact(iban)
    if not iban_is_valid(account):
        raise ValueError(f"{iban!r} is not a valid IBAN.")
    bic = compact(bic)
    if bic and not BIC_SHAPE.fullmatch(bic):
        raise ValueError(f"{bic!r} is not a valid BIC (8 or 11 letters and digits).")
    if currency != "EUR":
        raise ValueError(f"EPC QR codes are for payments in euro, not in {currency}.")
    try:
        amount = _decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"{amount!r} is not an amount.") from None
    if not amount.is_finite() or amount != amount.quantize(CENTS, rounding=ROUND_HALF_UP):
        raise ValueError(f"The amount {amount} must be a number with at most two decimals.")
    if not EPC_SMALLEST <= amount <= EPC_LARGEST:
        raise ValueError(
            f"The amount {amount} is outside what an EPC QR code allows "
            f"({EPC_SMALLEST} to {EPC_LARGEST} EUR)."
        )
    reference = _single_line(reference, "reference")
    text = _single_line(text, "remittance text")
    if reference and text:
        raise ValueError("Give either a structured reference or a remittance text, not both.")
    if len(reference) > EPC_MAX_REFERENCE:
        raise ValueError(
            f"The reference has {len(reference)} characters; at most {EPC_MAX_REFERENCE} fit."
        )
    if len(text) > EPC_MAX_TEXT:
        raise ValueError(
            f"The remittance text has {len(text)} characters; at most {EPC_MAX_TEXT} fit."
        )
    elements = [
        "BCD",  # service tag
        "002",  # version
        "1",  # character set: UTF-8
        "SCT",  # SEPA credit transfer
        bic,
        name,
        account,
        f"EUR{amount.quantize(CENTS):f}",
        "",  # purpose
        reference,
        text,
    ]
    while not elements[-1]:  # nothing may follow the last element given
        elements.pop()
    payload = "\n".join(elements)
    if len(payload.encode("utf-8")) > EPC_MAX_BYTES:
        raise ValueError(f"The payment data exceed the {EPC_MAX_BYTES} bytes of an EPC QR code.")
    return payload


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
    #: In percent; 0 with a ``tax_note`` such as a reverse-charge statement.
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
    amounts = tuple(money(quantity * _decimal(price)) for _, quantity, price in lines)
    subtotal = sum(amounts, Decimal("0.00"))
    tax = money(subtotal * _decimal(tax_rate) / 100)
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
    text = f"{_decimal(rate).normalize():f}"
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

    def __init__(self, fonts: Fonts, height: float):
        super().__init__()
        self.fonts = fonts
        self.height = height
        self.width = 4 * height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        draw_programme_mark(self.canv, self.fonts, 0, 0, self.height)


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


def render_invoice(data: InvoiceData) -> bytes:
    """The invoice on A4 portrait pages (one for a usual number of lines), as PDF bytes.

    Raises ValueError when the bank details cannot go into an EPC QR code (an
    invalid IBAN or BIC, a name that is too long): an invoice should never
    ask for payment to an account the bank would refuse.
    """
    font = fonts()
    language = data.language
    styles = _Styles(font)
    totals = invoice_totals(data.lines, data.tax_rate)

    def t(message) -> str:
        return translated(message, language)

    def para(value: str, style) -> Paragraph:
        lines = font.text(value).strip().splitlines()
        return Paragraph("<br/>".join(escape(line) for line in lines), style)

    def amount(value) -> str:
        return format_money(value, data.currency, language)

    story = []

    # Header: programme mark left, title and references right.
    references = Table(
        [
            [para(t(INVOICE_NUMBER), styles.small), para(data.number, styles.bold_right)],
            [
                para(t(ISSUE_DATE), styles.small),
                para(format_date(data.issue_date, language), styles.right),
            ],
            [
                para(t(DUE_DATE), styles.small),
                para(format_date(data.due_date, language), styles.right),
            ],
        ],
        colWidths=(32 * mm, 45 * mm),
        style=[
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
    )
    header = Table(
        [
            [ProgrammeMark(font, 15 * mm), para(t(INVOICE).upper(), styles.title)],
            ["", references],
        ],
        colWidths=(CONTENT_WIDTH - 77 * mm, 77 * mm),
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("SPAN", (0, 0), (0, 1)),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4 * mm),
        ],
    )
    story += [header, Spacer(1, 9 * mm)]

    # Seller and buyer.
    def party(label, who: Party):
        cell = [para(t(label).upper(), styles.label), para(who.name, styles.bold)]
        cell += [para(line, styles.body) for line in who.address_lines if line.strip()]
        if who.vat_id:
            cell.append(para(f"{t(VAT_ID)}: {who.vat_id}", styles.body))
        if who.email:
            cell.append(para(f"{t(EMAIL)}: {who.email}", styles.body))
        return cell

    story.append(
        Table(
            [[party(SELLER, data.seller), party(BUYER, data.buyer)]],
            colWidths=(CONTENT_WIDTH / 2, CONTENT_WIDTH / 2),
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
            ],
        )
    )
    story.append(Spacer(1, 9 * mm))

    # Lines and totals.
    rows = [
        [
            para(t(DESCRIPTION), styles.bold),
            para(t(QUANTITY), styles.bold_right),
            para(t(UNIT_PRICE), styles.bold_right),
            para(t(AMOUNT), styles.bold_right),
        ]
    ]
    for (description, quantity, unit_price), line_amount in zip(
        data.lines, totals.line_amounts, strict=True
    ):
        rows.append(
            [
                para(description, styles.body),
                para(str(quantity), styles.right),
                para(amount(unit_price), styles.right),
                para(amount(line_amount), styles.right),
            ]
        )
    first_total = len(rows)
    tax_label = _("VAT ${rate}%", mapping={"rate": format_rate(data.tax_rate, language)})
    rows += [
        ["", "", para(t(SUBTOTAL), styles.right), para(amount(totals.subtotal), styles.right)],
        ["", "", para(t(tax_label), styles.right), para(amount(totals.tax), styles.right)],
        ["", "", para(t(TOTAL), styles.total), para(amount(totals.total), styles.total)],
    ]
    last = len(rows) - 1
    story.append(
        Table(
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
    )
    if data.tax_note.strip():
        story += [Spacer(1, 2 * mm), para(data.tax_note, styles.note)]

    if data.payment_terms.strip():
        story += [para(t(PAYMENT_TERMS), styles.heading), para(data.payment_terms, styles.body)]

    # Bank details, and the EPC QR code while there is something to pay.
    bank = data.bank
    details = [
        para(t(BANK_TRANSFER), styles.heading),
        para(f"{t(ACCOUNT_HOLDER)}: {bank.account_holder}", styles.body),
        para(f"IBAN: {grouped_iban(bank.iban)}", styles.bold),
    ]
    if bank.bic:
        details.append(para(f"BIC: {compact(bank.bic)}", styles.body))
    details += [
        para(f"{t(PAYMENT_REFERENCE)}: {data.number}", styles.body),
        para(f"{t(TOTAL)}: {amount(totals.total)}", styles.bold),
    ]
    payable = not data.paid and data.currency == "EUR" and totals.total >= EPC_SMALLEST
    if payable:
        payload = epc_payload(
            bank.account_holder, bank.iban, totals.total, data.number, bic=bank.bic
        )
        qr_size = 38 * mm
        code = [
            Image(io.BytesIO(qr_png(payload)), qr_size, qr_size),
            para(t(SCAN_TO_PAY), styles.small),
        ]
    else:
        code = [para(t(PAID_NOTE), styles.bold)] if data.paid else ""
    story += [
        Spacer(1, 3 * mm),
        Table(
            [[details, code]],
            colWidths=(CONTENT_WIDTH - 48 * mm, 48 * mm),
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
        ),
    ]

    def decorate(canvas, document):
        canvas.saveState()
        canvas.setFillColor(GREEN)
        canvas.rect(0, HEIGHT - 5 * mm, WIDTH, 5 * mm, stroke=0, fill=1)
        canvas.setFillColor(YELLOW)
        canvas.rect(0, HEIGHT - 6.2 * mm, WIDTH, 1.2 * mm, stroke=0, fill=1)
        footer = " · ".join(
            part
            for part in (data.seller.name, data.seller.email, data.seller.vat_id, data.number)
            if part
        )
        canvas.setFont(font.regular, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(WIDTH / 2, 10 * mm, font.text(footer))
        canvas.restoreState()
        if data.paid:
            draw_stamp(canvas, font, t(PAID), GREEN, WIDTH, HEIGHT, angle=30, fraction=0.3)

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
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
