"""The PDFs: certificates, the organisation certificate and invoices, read back with pypdf."""

import dataclasses
import io
import logging
import os
import re
from datetime import date
from decimal import Decimal

import pytest
import zxingcpp
from PIL import Image
from PIL import ImageDraw
from pypdf import PdfReader
from zope.i18nmessageid import Message

from qgis.certification.certificates.wording import shipped
from qgis.certification.pdf import certificate
from qgis.certification.pdf import common
from qgis.certification.pdf import invoice
from qgis.certification.pdf import organisation_certificate
from qgis.certification.pdf import reading
from qgis.certification.pdf.certificate import CertificateData
from qgis.certification.pdf.certificate import render_certificate
from qgis.certification.pdf.epc import epc_qr_code
from qgis.certification.pdf.epc import iban_is_valid
from qgis.certification.pdf.epc import qr_code_png
from qgis.certification.pdf.invoice import BankAccount
from qgis.certification.pdf.invoice import InvoiceData
from qgis.certification.pdf.invoice import InvoiceLine
from qgis.certification.pdf.invoice import Party
from qgis.certification.pdf.invoice import invoice_totals
from qgis.certification.pdf.invoice import render_invoice
from qgis.certification.pdf.organisation_certificate import OrganisationCertificateData
from qgis.certification.pdf.organisation_certificate import render_organisation_certificate
from qgis.certification.pdf.qr import qr_png


# zope.i18n compiles the .po catalogs (the .mo files are not in git) only with
# this set when the package's ZCML is loaded, i.e. when the Plone layer is set
# up, which happens after every test module has been imported.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

A4_LONG, A4_SHORT = 841.89, 595.28
VERIFY_URL = "https://certification.qgis.org/verify/QGIS-7KX9-P2QM-4"
IBAN = "DE89 3704 0044 0532 0130 00"


def png(width, height, colour=(30, 80, 160, 255)):
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((0, 0, width - 1, height - 1), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def certificate_data(**changes):
    data = CertificateData(
        code="QGIS-7KX9-P2QM-4",
        verify_url=VERIFY_URL,
        attendee_name="Jane Doe",
        wording="has successfully completed the course",
        course_type_title="QGIS for beginners",
        trained_competence="Styling vector layers and making print layouts",
        start_date=date(2026, 3, 2),
        end_date=date(2026, 3, 6),
        instruction_hours=24,
        convener_name="Maria Popescu",
        training_center="Cluj Training Centre",
        organisation_title="GeoLearn SRL",
        issue_date=date(2026, 3, 9),
        texts=shipped("en"),
        organisation_logo=png(600, 200),
        convener_signature=png(400, 120, (10, 10, 80, 255)),
        representative_name="Pat Smith",
        representative_signature=png(420, 110, (10, 60, 10, 255)),
    )
    return dataclasses.replace(data, **changes)


def invoice_data(**changes):
    data = InvoiceData(
        number="QGIS-CERT-2026-0001",
        issue_date=date(2026, 3, 10),
        due_date=date(2026, 4, 9),
        seller=Party(
            "QGIS.ORG",
            ["Association QGIS.ORG", "7031 Laax", "Switzerland"],
            vat_id="CHE-123.456.789",
            email="finance@qgis.org",
        ),
        buyer=Party(
            "GeoLearn SRL",
            ["Strada Lungă 12", "400000 Cluj-Napoca", "Romania"],
            vat_id="RO12345678",
            email="office@geolearn.example",
        ),
        lines=[InvoiceLine("QGIS certificate fee", 3, Decimal("20.00"))],
        bank=BankAccount("QGIS.ORG", IBAN, "COBADEFFXXX"),
        tax_rate=Decimal("19"),
        payment_terms="Payable within 30 days, quoting the invoice number.",
    )
    return dataclasses.replace(data, **changes)


def read(pdf: bytes):
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    return page, " ".join(page.extract_text().split())


def decoded_codes(page):
    """What the QR codes among the page's images hold, as bytes."""
    found = []
    for image in page.images:
        found += [code.bytes for code in zxingcpp.read_barcodes(image.image)]
    return found


def page_size(page):
    box = page.mediabox
    return pytest.approx((float(box.width), float(box.height)), abs=0.5)


class Warnings(logging.Handler):
    """Collects the warnings of the pdf package (pytest's log capture may be off)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture
def warnings():
    handler = Warnings()
    logger = logging.getLogger("qgis.certification.pdf")
    logger.addHandler(handler)
    yield handler.messages
    logger.removeHandler(handler)


unicode_fonts = pytest.mark.skipif(
    not common.fonts().unicode, reason="no TrueType font with Romanian/Swedish letters"
)


# QR codes ---------------------------------------------------------------------


def test_qr_png_is_a_png_holding_the_text():
    data = qr_png("Țară și sjö", box_size=4)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert [code.bytes.decode("utf-8") for code in zxingcpp.read_barcodes(image)] == ["Țară și sjö"]


# The attendee's certificate -------------------------------------------------


def test_certificate_is_one_a4_landscape_page_with_its_texts():
    page, text = read(render_certificate(certificate_data()))
    assert page_size(page) == (A4_LONG, A4_SHORT)
    for expected in (
        "Jane Doe",
        "QGIS-7KX9-P2QM-4",
        "has successfully completed the course",
        "QGIS for beginners",
        "Styling vector layers and making print layouts",
        "Maria Popescu",
        "Convened by Maria Popescu at Cluj Training Centre",
        "GeoLearn SRL",
        "From 2 March 2026 to 6 March 2026",
        "Instruction hours: 24",
        "Issued on 9 March 2026",
        "Pat Smith",
        "Programme representative",
        VERIFY_URL,
    ):
        assert expected in text
    assert "REVOKED" not in text


def test_certificate_qr_code_holds_the_verification_url():
    page, _ = read(render_certificate(certificate_data()))
    assert decoded_codes(page) == [VERIFY_URL.encode()]


def test_one_day_course_shows_its_single_date():
    one_day = certificate_data(start_date=date(2026, 5, 4), end_date=date(2026, 5, 4))
    _, text = read(render_certificate(one_day))
    assert "On 4 May 2026" in text
    assert "From " not in text


@unicode_fonts
@pytest.mark.parametrize(
    "name", ["Ștefan Țăranu-Învățătorescu", "Åsa Öberg-Ängström", "Jürgen Müller"]
)
def test_names_keep_their_letters(name):
    page, text = read(render_certificate(certificate_data(attendee_name=name)))
    assert name in text


def test_without_unicode_font_letters_lose_only_their_accents(monkeypatch):
    monkeypatch.setattr(common, "fonts_for", lambda text: common.FALLBACK_FONTS)
    data = certificate_data(attendee_name="Ștefan Țăranu", convener_name="Åsa Öberg")
    _, text = read(render_certificate(data))
    assert "Stefan Taranu" in text
    assert "Åsa Öberg" in text  # Helvetica has the Swedish letters


def test_revoked_certificate_is_marked():
    _, text = read(render_certificate(certificate_data(revoked=True)))
    assert "REVOKED" in text
    assert "Jane Doe" in text


def test_empty_competence_and_no_images_are_fine():
    data = certificate_data(
        trained_competence="",
        organisation_logo=None,
        convener_signature=None,
        representative_signature=None,
        representative_name="",
    )
    page, text = read(render_certificate(data))
    assert "Trained competence" not in text
    assert "Programme representative" not in text
    assert len(page.images) == 1  # the QR code
    assert decoded_codes(page) == [VERIFY_URL.encode()]


def test_missing_values_print_nothing():
    data = certificate_data(trained_competence=None, instruction_hours=None, convener_name=None)
    _, text = read(render_certificate(data))
    assert "Jane Doe" in text
    assert "None" not in text
    assert "Instruction hours" not in text


def test_broken_images_are_left_out_with_a_warning(warnings):
    broken_png = b"\x89PNG\r\n\x1a\n" + b"not really a PNG" * 8
    data = certificate_data(
        organisation_logo=b"<svg>not for PIL</svg>", convener_signature=broken_png
    )
    page, text = read(render_certificate(data))
    assert "Jane Doe" in text
    assert len(page.images) == 2  # the representative's signature and the QR code
    assert any("organisation logo" in message for message in warnings)
    assert any("convener signature" in message for message in warnings)


def test_logo_keeps_its_proportions_and_print_resolution():
    data = certificate_data(
        organisation_logo=png(4000, 1000),  # 4:1, much larger than needed
        convener_signature=None,
        representative_signature=None,
    )
    page, _ = read(render_certificate(data))
    sizes = [image.image.size for image in page.images]
    logo = next(size for size in sizes if size[0] != size[1])
    assert logo[0] / logo[1] == pytest.approx(4, rel=0.01)
    assert logo[0] <= 709  # 60 mm at 300 dpi


def test_long_texts_shrink_to_stay_on_the_page():
    data = certificate_data(
        attendee_name="Maria-Magdalena Alexandrina Constantinescu-Georgescu von Hohenberg",
        trained_competence="Geoprocessing, cartography and data management. " * 12,
    )
    _, text = read(render_certificate(data))
    assert "Constantinescu-Georgescu" in text
    assert "QGIS-7KX9-P2QM-4" in text


def test_dates_are_written_in_the_certificate_language():
    assert common.format_date(date(2026, 3, 2), "en") == "2 March 2026"
    assert common.format_date(date(2026, 3, 2), "ro") == "2 martie 2026"
    assert common.format_date(date(2026, 12, 31), "sv") == "31 december 2026"
    assert common.format_date(date(2026, 8, 1), "xx") == "1 August 2026"


# The organisation certificate ---------------------------------------------


def organisation_data(**changes):
    data = OrganisationCertificateData(
        organisation_title="GeoLearn SRL",
        country_name="Romania",
        code="QGIS-ORG1-2345-6",
        verify_url="https://certification.qgis.org/verify/QGIS-ORG1-2345-6",
        issue_date=date(2026, 1, 5),
        representative_name="Pat Smith",
        representative_signature=png(420, 110),
        wording=shipped("en"),
    )
    return dataclasses.replace(data, **changes)


def test_organisation_certificate():
    page, text = read(render_organisation_certificate(organisation_data()))
    assert page_size(page) == (A4_LONG, A4_SHORT)
    for expected in (
        "Authorised QGIS training provider",
        "GeoLearn SRL",
        "Romania",
        "QGIS-ORG1-2345-6",
        "Pat Smith",
        "Issued on 5 January 2026",
    ):
        assert expected in text
    assert decoded_codes(page) == [b"https://certification.qgis.org/verify/QGIS-ORG1-2345-6"]


def test_organisation_certificate_with_a_broken_signature(warnings):
    page, text = read(
        render_organisation_certificate(organisation_data(representative_signature=b"x"))
    )
    assert "GeoLearn SRL" in text
    assert warnings


# EPC QR payload ---------------------------------------------------------------


def epc_lines(code):
    """The lines an EPC QR code (a segno.QRCode) holds, read back with zxing-cpp."""
    image = Image.open(io.BytesIO(qr_code_png(code, scale=4)))
    (payload,) = [found.bytes for found in zxingcpp.read_barcodes(image)]
    return payload.decode("utf-8").split("\n")


def test_epc_qr_code_with_a_remittance_text():
    code = epc_qr_code(
        "QGIS.ORG", IBAN, Decimal("40.50"), text="QGIS-CERT-2026-0001", bic="cobadeffxxx"
    )
    assert epc_lines(code) == [
        "BCD",
        "002",
        "1",
        "SCT",
        "COBADEFFXXX",
        "QGIS.ORG",
        "DE89370400440532013000",
        "EUR40.5",
        "",
        "",
        "QGIS-CERT-2026-0001",
    ]
    assert code.error == "M"


def test_epc_qr_code_with_a_creditor_reference_and_no_bic():
    code = epc_qr_code(
        "Asociația QGIS", "de89370400440532013000", Decimal("0.01"), reference="RF18539007547034"
    )
    assert epc_lines(code) == [
        "BCD",
        "002",
        "1",
        "SCT",
        "",
        "Asociația QGIS",
        "DE89370400440532013000",
        "EUR0.01",
        "",
        "RF18539007547034",
    ]


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        ({"name": "x" * 71}, "at most 70"),
        ({"name": "  "}, "name is required"),
        ({"iban": "DE89 3704 0044 0532 0130 01"}, "not a valid IBAN"),
        ({"iban": "not an iban"}, "not a valid IBAN"),
        ({"bic": "COBA"}, "not a valid BIC"),
        ({"amount": Decimal("0")}, "outside"),
        ({"amount": Decimal("-5")}, "outside"),
        ({"amount": Decimal("1000000000.00")}, "outside"),
        ({"amount": Decimal("12.345")}, "two decimals"),
        ({"amount": "twelve"}, "not an amount"),
        ({"currency": "CHF"}, "euro"),
        ({"reference": "RF18539007547034"}, "not both"),
        ({"text": ""}, "Give a remittance text"),
        ({"text": "", "reference": "R" * 36}, "at most 35"),
        ({"text": "T" * 141}, "at most 140"),
        ({"text": "line\nbreak"}, "one line"),
        ({"name": "ș" * 70, "text": "ț" * 140}, "331 bytes"),
    ],
)
def test_epc_qr_code_refuses_what_the_standard_does_not_allow(arguments, complaint):
    values = {"name": "QGIS.ORG", "iban": IBAN, "amount": Decimal("40.00"), "text": "Fee"}
    values.update(arguments)
    with pytest.raises(ValueError, match=complaint):
        epc_qr_code(**values)


# Invoices -------------------------------------------------------------------


def test_totals_add_the_tax_on_the_subtotal():
    totals = invoice_totals([InvoiceLine("Fee", 3, Decimal("20.00"))], Decimal("19"))
    assert totals.line_amounts == (Decimal("60.00"),)
    assert totals.subtotal == Decimal("60.00")
    assert totals.tax == Decimal("11.40")
    assert totals.total == Decimal("71.40")


def test_totals_round_half_up_to_cents():
    totals = invoice_totals(
        [("Item", 1, Decimal("10.005")), ("Item", 1, Decimal("0.045"))], Decimal("10")
    )
    assert totals.line_amounts == (Decimal("10.01"), Decimal("0.05"))
    assert totals.tax == Decimal("1.01")  # 1.006 rounded
    assert totals.total == Decimal("11.07")


def test_invoice_page_texts_and_totals():
    page, text = read(render_invoice(invoice_data()))
    assert page_size(page) == (A4_SHORT, A4_LONG)
    for expected in (
        "INVOICE",
        "QGIS-CERT-2026-0001",
        "10 March 2026",
        "9 April 2026",
        "GeoLearn SRL",
        "Strada Lungă 12",
        "VAT ID: RO12345678",
        "QGIS certificate fee",
        "Subtotal EUR 60.00",
        "VAT 19% EUR 11.40",
        "Total EUR 71.40",
        "Payable within 30 days",
        "IBAN: DE89 3704 0044 0532 0130 00",
        "BIC: COBADEFFXXX",
    ):
        assert expected in text


def test_invoice_qr_code_is_the_epc_payment():
    data = invoice_data(
        lines=[InvoiceLine("QGIS certificate fee", 2, Decimal("20.00"))],
        tax_rate=Decimal("0"),
        tax_note="Reverse charge: VAT to be accounted for by the recipient.",
    )
    page, text = read(render_invoice(data))
    assert "Reverse charge: VAT to be accounted for by the recipient." in text
    assert "VAT 0% EUR 0.00" in text
    (payload,) = decoded_codes(page)
    assert payload.decode("utf-8").split("\n") == [
        "BCD",
        "002",
        "1",
        "SCT",
        "COBADEFFXXX",
        "QGIS.ORG",
        "DE89370400440532013000",
        "EUR40",
        "",
        "",
        "QGIS-CERT-2026-0001",
    ]


EPC_AMOUNT = re.compile(r"EUR(?P<value>[0-9]{1,9}(?:\.[0-9]{1,2})?)")


def assert_epc069_12(payload: bytes, name, iban, bic, total, remittance):
    """``payload`` keeps every rule of EPC069-12 (version 002, UTF-8) for a credit transfer
    whose unstructured remittance information is ``remittance``."""
    assert len(payload) <= 331
    assert b"\r" not in payload
    lines = payload.decode("utf-8").split("\n")
    service, version, charset, identification, bic_line, name_line, iban_line = lines[:7]
    amount, purpose, structured, unstructured = lines[7:]
    assert (service, version, charset, identification) == ("BCD", "002", "1", "SCT")
    assert bic_line == bic
    assert len(bic_line) in (8, 11)
    assert name_line == name
    assert 1 <= len(name_line) <= 70
    assert iban_line == iban
    assert iban_is_valid(iban_line)
    match = EPC_AMOUNT.fullmatch(amount)
    assert match, amount
    value = Decimal(match["value"])
    assert Decimal("0.01") <= value <= Decimal("999999999.99")
    assert value == total
    # the structured line takes only ISO 11649 creditor references: it stays empty
    assert purpose == structured == ""
    assert unstructured == remittance
    assert len(unstructured) <= 140


@pytest.mark.parametrize(("quantity", "tax_rate"), [(10, "0"), (1, "19")])
def test_demo_invoice_qr_code_keeps_every_epc_rule(quantity, tax_rate):
    """The demo's invoice: ten certificates at EUR 40 (and one with VAT, for cents in the total)."""
    data = invoice_data(
        lines=[InvoiceLine("QGIS certificate fee", quantity, Decimal("40.00"))],
        tax_rate=Decimal(tax_rate),
    )
    page, _ = read(render_invoice(data))
    (payload,) = decoded_codes(page)
    assert_epc069_12(
        payload,
        name="QGIS.ORG",
        iban="DE89370400440532013000",
        bic="COBADEFFXXX",
        total=invoice_totals(data.lines, data.tax_rate).total,
        remittance="QGIS-CERT-2026-0001",
    )


def test_paid_invoice_is_stamped_and_asks_for_no_payment():
    page, text = read(render_invoice(invoice_data(paid=True)))
    assert "PAID" in text
    assert "This invoice has been paid." in text
    assert decoded_codes(page) == []


def test_invoice_with_bad_bank_details_is_refused():
    data = invoice_data(bank=BankAccount("QGIS.ORG", "DE00 1234", ""))
    with pytest.raises(ValueError, match="IBAN"):
        render_invoice(data)


def test_invoice_lines_may_be_plain_tuples():
    data = invoice_data(lines=[("Fee", 1, Decimal("20.00")), ("Fee, late", 2, Decimal("25"))])
    _, text = read(render_invoice(data))
    assert "Total EUR 83.30" in text  # 70.00 + 13.30


# Translations (through the Plone layer, which registers the catalogs) ----------


def pdf_messages():
    """Every fixed text of the pdf modules that is a module-level message."""
    for module in (common, certificate, invoice, organisation_certificate):
        for value in vars(module).values():
            if isinstance(value, Message):
                yield value


@pytest.mark.parametrize("language", ["ro", "sv"])
def test_every_fixed_text_is_translated(integration, language):
    untranslated = [
        str(message)
        for message in pdf_messages()
        if common.translated(message, language) == str(message)
        and str(message) not in {"Subtotal", "Total", "E-mail"}  # the same word in Romanian
    ]
    assert untranslated == []


def test_romanian_certificate(integration):
    data = certificate_data(
        texts=shipped("ro"),
        attendee_name="Ștefan Țăranu",
        wording="a absolvit cu succes cursul",
        revoked=True,
    )
    _, text = read(render_certificate(data))
    for expected in (
        "CERTIFICAT",
        "Se certifică faptul că",
        "a absolvit cu succes cursul",
        "În perioada 2 martie 2026 – 6 martie 2026",
        "Ore de instruire: 24",
        "Coordonat de Maria Popescu la Cluj Training Centre",
        "Emis la 9 martie 2026",
        "Cod: QGIS-7KX9-P2QM-4",
        "Reprezentantul programului",
        "REVOCAT",
    ):
        assert expected in text
    if common.fonts().unicode:
        assert "Ștefan Țăranu" in text


def test_swedish_certificate(integration):
    data = certificate_data(
        texts=shipped("sv"),
        attendee_name="Åsa Öberg",
        wording="har deltagit i kursen",
        revoked=True,
    )
    _, text = read(render_certificate(data))
    for expected in (
        "CERTIFIKAT",
        "Härmed intygas att",
        "Åsa Öberg",
        "Från 2 mars 2026 till 6 mars 2026",
        "Undervisningstimmar: 24",
        "Under ledning av Maria Popescu vid Cluj Training Centre",
        "Utfärdat den 9 mars 2026",
        "Kursledare",
        "ÅTERKALLAT",
    ):
        assert expected in text


def test_romanian_invoice(integration):
    _, text = read(render_invoice(invoice_data(language="ro")))
    for expected in ("FACTURĂ", "CUMPĂRĂTOR", "TVA 19% 11,40 EUR", "Total 71,40 EUR", "martie"):
        assert expected in text


def test_swedish_organisation_certificate(integration):
    data = organisation_data(wording=shipped("sv"), country_name="Rumänien")
    _, text = read(render_organisation_certificate(data))
    assert "Auktoriserad utbildningsanordnare för QGIS" in text
    assert "är medlem i QGIS certifieringsprogram" in text
    assert "Utfärdat den 5 januari 2026" in text


# -- fingerprints and metadata (verifying a file) -------------------------------


def test_a_certificate_renders_the_same_bytes_every_time():
    first = render_certificate(certificate_data())
    assert render_certificate(certificate_data()) == first
    assert render_certificate(certificate_data(attendee_name="Jane Roe")) != first


def test_a_certificate_names_its_code_and_address_in_its_metadata():
    data = render_certificate(certificate_data())
    texts = reading.metadata_texts(data)
    assert "QGIS certificate QGIS-7KX9-P2QM-4" in texts
    assert f"QGIS-7KX9-P2QM-4, {VERIFY_URL}" in texts
    info = PdfReader(io.BytesIO(data)).metadata
    assert info["/Keywords"] == f"QGIS-7KX9-P2QM-4, {VERIFY_URL}"


@pytest.mark.parametrize(
    "data",
    [b"", b"GIF89a", b"%PDF-1.4\nno objects, no trailer", b"\x00" * 2000 + b"%PDF-1.4"],
    ids=["empty", "an image", "a broken PDF", "a header too late"],
)
def test_what_is_not_a_readable_pdf_is_said_so(data):
    with pytest.raises(reading.UnreadablePdf):
        reading.metadata_texts(data)
