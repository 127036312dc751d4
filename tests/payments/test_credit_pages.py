"""The organisation page's order form for credits, in Classic UI."""

from decimal import Decimal

import pytest
import transaction
from form_helpers import field_error
from plone import api

from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments import orders


IBAN = "CH9300762011623852957"


@pytest.fixture
def bank_details(certified):
    """(organisation, course, attendees), on a site whose bank details are set."""
    api.portal.set_registry_record("iban", IBAN, interface=IInvoiceSettings)
    return certified


def order_form(browser, organisation):
    browser.open(organisation.absolute_url())
    return browser.getForm(action=organisation.absolute_url() + "/@@buy-credits")


def test_owner_orders_credits_by_invoice(bank_details, browser_for):
    organisation, course, people = bank_details
    transaction.commit()
    browser = browser_for("owner")
    form = order_form(browser, organisation)
    form.getControl(name="form.widgets.credits").value = "4"
    form.getControl(name="form.widgets.method:list").value = ["invoice"]
    form.getControl(name="form.buttons.order").click()
    assert "Your invoice was created and mailed to you" in browser.contents
    assert browser.url.startswith(organisation.absolute_url())
    transaction.begin()
    (order,) = orders.order_summaries(organisation)
    assert (order["credits"], order["method"]) == (4, "invoice")


def test_a_quantity_that_is_no_number_is_shown_next_to_the_field(bank_details, browser_for):
    organisation, course, people = bank_details
    transaction.commit()
    browser = browser_for("owner")
    form = order_form(browser, organisation)
    form.getControl(name="form.widgets.credits").value = "ten"
    form.getControl(name="form.buttons.order").click()
    # in plain words, not "not a valid integer literal"
    assert field_error(browser.contents, "credits") == "Enter a whole number, such as 16."
    # the form, shown alone, keeps what was typed
    assert browser.getControl(name="form.widgets.credits").value == "ten"
    transaction.begin()
    assert orders.order_summaries(organisation) == []


def test_the_programme_refusal_is_shown_next_to_the_field(bank_details, browser_for):
    organisation, course, people = bank_details
    transaction.commit()
    browser = browser_for("owner")
    form = order_form(browser, organisation)
    form.getControl(name="form.widgets.credits").value = "0"
    form.getControl(name="form.buttons.order").click()
    assert "must be a whole number from 1 to" in field_error(browser.contents, "credits")
    transaction.begin()
    assert orders.order_summaries(organisation) == []


def test_a_refusal_about_no_field_is_shown_above_the_form(bank_details, browser_for, monkeypatch):
    organisation, course, people = bank_details
    transaction.commit()
    browser = browser_for("owner")
    form = order_form(browser, organisation)

    def withdrawn(organisation, order):  # the bank details withdrawn meanwhile
        raise orders.OrderError(503, "Invoices are not available yet.")

    monkeypatch.setattr(orders, "create_invoice", withdrawn)
    form.getControl(name="form.buttons.order").click()
    assert "Invoices are not available yet" in browser.contents
    assert field_error(browser.contents, "credits") is None
    transaction.begin()
    assert orders.order_summaries(organisation) == []


def test_without_bank_details_no_invoice_is_offered(certified, browser_for, monkeypatch):
    organisation, course, people = certified
    transaction.commit()  # no bank details, no card payment
    monkeypatch.delenv("STRIPE_SECRET_KEY", raising=False)
    browser = browser_for("owner")
    browser.open(organisation.absolute_url())
    assert "@@buy-credits" not in browser.contents
    assert "the programme's bank details are not set" in browser.contents

    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_x")
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", "whsec_x")
    order_form(browser, organisation)
    assert browser.getControl(name="form.widgets.method:list").options == ["card"]
    assert browser.getControl(name="form.widgets.method:list").value == ["card"]


def test_bank_details_removed_after_the_form_was_shown(bank_details, browser_for):
    organisation, course, people = bank_details
    transaction.commit()
    browser = browser_for("owner")
    form = order_form(browser, organisation)
    api.portal.set_registry_record("iban", "", interface=IInvoiceSettings)
    transaction.commit()
    form.getControl(name="form.buttons.order").click()
    assert field_error(browser.contents, "method")
    transaction.begin()
    assert orders.order_summaries(organisation) == []


def test_the_form_states_the_price_and_gives_the_total_before_ordering(bank_details, browser_for):
    organisation, course, people = bank_details
    api.portal.set_registry_record("tax_rate", Decimal("19"), interface=IInvoiceSettings)
    transaction.commit()
    browser = browser_for("owner")
    form = order_form(browser, organisation)
    assert "One credit per certificate, at 20.00 EUR plus 19 % tax." in browser.contents

    form.getControl(name="form.widgets.credits").value = "7"
    form.getControl(name="form.buttons.quote").click()

    assert "7 credits: 140.00 EUR plus 26.60 EUR tax, 166.60 EUR in all." in browser.contents
    assert browser.getControl(name="form.widgets.credits").value == "7"
    transaction.begin()
    assert orders.order_summaries(organisation) == []


def test_card_payment_is_offered_only_when_the_site_takes_cards(
    bank_details, browser_for, monkeypatch
):
    organisation, course, people = bank_details
    transaction.commit()
    monkeypatch.delenv("STRIPE_SECRET_KEY", raising=False)
    browser = browser_for("owner")
    order_form(browser, organisation)
    assert browser.getControl(name="form.widgets.method:list").options == ["invoice"]

    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_x")
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", "whsec_x")
    order_form(browser, organisation)
    assert browser.getControl(name="form.widgets.method:list").options == ["invoice", "card"]
