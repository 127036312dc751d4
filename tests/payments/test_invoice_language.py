"""Invoices in the buyer's language, with both VAT numbers and, when no tax is
charged, the tax note of that language."""

import io
from decimal import Decimal

import pytest
import transaction
from builders import bring_to
from builders import create_application
from builders import create_programme
from plone import api
from plone.app.uuid.utils import uuidToObject
from pypdf import PdfReader

from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments import orders


IBAN = "CH9300762011623852957"
NOTES = {
    "tax_note": "Reverse charge: VAT to be accounted for by the recipient.",
    "tax_note_ro": "Taxare inversă: TVA se datorează de beneficiar.",
    "tax_note_sv": "Omvänd skattskyldighet: köparen redovisar momsen.",
}


@pytest.fixture
def organisation(portal):
    create_programme(portal)
    organisation = bring_to(create_application(portal), "published")
    organisation.vat_number = "RO12345678"
    for name, value in {
        "iban": IBAN,
        "seller_vat_id": "CHE-123.456.789",
        "tax_rate": Decimal("0"),
        **NOTES,
    }.items():
        api.portal.set_registry_record(name, value, interface=IInvoiceSettings)
    return organisation


def buy(organisation, user="owner"):
    with api.env.adopt_user(username=user):
        order = orders.place_order(organisation, 2, "invoice", user)
    invoice = uuidToObject(order["invoice"], unrestricted=True)
    (page,) = PdfReader(io.BytesIO(orders.invoice_pdf(invoice))).pages
    return invoice, " ".join(page.extract_text().split())


def prefer(user_id, language):
    api.user.get(userid=user_id).setMemberProperties({"language": language})


def test_an_invoice_speaks_the_buyers_language(organisation):
    prefer("owner", "ro")
    invoice, text = buy(organisation)
    assert invoice.invoice_language == "ro"
    for expected in (
        "FACTURĂ",
        "CUMPĂRĂTOR",
        "Programul de certificare",
        NOTES["tax_note_ro"],
        "Cod TVA: RO12345678",
        "Cod TVA: CHE-123.456.789",
    ):
        assert expected in text, expected
    assert NOTES["tax_note"] not in text
    assert "INVOICE" not in text


def test_a_swedish_buyer_gets_a_swedish_invoice(organisation):
    prefer("owner", "sv")
    invoice, text = buy(organisation)
    assert invoice.invoice_language == "sv"
    assert "FAKTURA" in text
    assert NOTES["tax_note_sv"] in text


def test_without_a_preference_the_invoice_is_in_the_sites_language(organisation):
    invoice, text = buy(organisation)
    assert invoice.invoice_language == "en"
    assert "INVOICE" in text
    assert NOTES["tax_note"] in text
    assert "VAT ID: RO12345678" in text
    assert "VAT ID: CHE-123.456.789" in text


def test_a_language_without_its_own_note_prints_the_default_note(organisation):
    prefer("owner", "sv")
    api.portal.set_registry_record("tax_note_sv", "", interface=IInvoiceSettings)
    _invoice, text = buy(organisation)
    assert NOTES["tax_note"] in text


def test_no_tax_note_when_tax_is_charged(organisation):
    prefer("owner", "ro")
    api.portal.set_registry_record("tax_rate", Decimal("19"), interface=IInvoiceSettings)
    invoice, text = buy(organisation)
    assert invoice.tax_note == ""
    assert "TVA 19%" in text
    for note in NOTES.values():
        assert note not in text


def test_an_invoice_from_before_has_the_buyers_language_now(organisation):
    prefer("owner", "sv")
    invoice, _text = buy(organisation)
    del invoice.invoice_language  # as invoices made before 1003
    assert orders.invoice_language(invoice) == "sv"


def test_the_team_sets_the_tax_notes_in_site_setup(site, browser_for):
    transaction.commit()
    browser = browser_for("team")
    browser.open(site.absolute_url() + "/@@qgis-invoice-settings")
    browser.getControl(name="form.widgets.tax_note_ro").value = NOTES["tax_note_ro"]
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert (
        api.portal.get_registry_record("tax_note_ro", interface=IInvoiceSettings)
        == (NOTES["tax_note_ro"])
    )
    owner = browser_for("owner")
    owner.open(site.absolute_url() + "/@@qgis-invoice-settings")
    assert "form.widgets.tax_note_ro" not in owner.contents
