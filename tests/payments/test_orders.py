"""Buying credits: invoices paid by transfer, card payments through Stripe
Checkout and Stripe's signed webhook. Credits are added only when the team
marks an invoice paid or a verified webhook reports a matching payment, and
each time only once."""

import hashlib
import hmac
import json
import time
from datetime import date
from decimal import Decimal

import pytest
import stripe
from builders import bring_to
from builders import create_application
from builders import create_programme
from builders import do
from mail_helpers import parsed
from mail_helpers import pdf_attachments
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zExceptions import Forbidden
from zExceptions import Unauthorized

from qgis.certification.interfaces import ICertificateSettings
from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments import orders
from qgis.certification.payments.credits import ledger_of


IBAN = "CH9300762011623852957"
SECRET_KEY = "sk_test_secret"
WEBHOOK_SECRET = "whsec_test_secret"
YEAR = date.today().year


# -- set-up -------------------------------------------------------------------


@pytest.fixture
def organisation(portal):
    create_programme(portal)
    organisation = bring_to(create_application(portal), "published")
    organisation.vat_number = "RO12345678"
    return organisation


@pytest.fixture
def invoicing(portal):
    """The programme's bank details and a tax rate of 19 %."""
    api.portal.set_registry_record("iban", IBAN, interface=IInvoiceSettings)
    api.portal.set_registry_record("tax_rate", Decimal("19"), interface=IInvoiceSettings)


@pytest.fixture
def stripe_calls(monkeypatch):
    """Stripe configured; ``Session.create`` answers without the network and
    records its keyword arguments."""
    monkeypatch.setenv("STRIPE_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    calls = []

    def create(**kwargs):
        calls.append(kwargs)
        return {"id": "cs_test_1", "url": "https://checkout.example/cs_test_1"}

    monkeypatch.setattr(stripe.checkout.Session, "create", create)
    return calls


# -- helpers ------------------------------------------------------------------


def order(organisation, credits=3, method="invoice", user="owner"):
    with api.env.adopt_user(username=user):
        return orders.place_order(organisation, credits, method, user)


def invoices_in(organisation):
    return [item for item in organisation.objectValues() if item.portal_type == "Invoice"]


def invoice_of(organisation, placed):
    (invoice,) = [item for item in invoices_in(organisation) if item.order_id == placed["id"]]
    return invoice


def balance(organisation):
    ledger = ledger_of(organisation, create=False)
    return ledger.balance if ledger is not None else 0


def entries(organisation):
    ledger = ledger_of(organisation, create=False)
    return ledger.entries() if ledger is not None else []


def mails(portal):
    return parsed(portal.MailHost.messages)


def transitions(obj, user):
    with api.env.adopt_user(username=user):
        workflow = api.portal.get_tool("portal_workflow")
        return {transition["id"] for transition in workflow.getTransitionsFor(obj)}


def refused(call, *args, status=400):
    with pytest.raises(orders.OrderError) as refusal:
        call(*args)
    assert refusal.value.status == status, refusal.value.message
    return refusal.value


def checkout_event(
    organisation,
    placed,
    event_id="evt_test_1",
    event_type="checkout.session.completed",
    amount_total=None,
    payment_status="paid",
    currency="eur",
    order_id=None,
):
    """A Stripe event as Stripe sends it, as bytes."""
    session = {
        "id": placed.get("stripe_session", "cs_test_1"),
        "object": "checkout.session",
        "client_reference_id": order_id or placed["id"],
        "metadata": {"order": order_id or placed["id"], "organisation": organisation.UID()},
        "amount_total": (
            int(Decimal(placed["total"]) * 100) if amount_total is None else amount_total
        ),
        "currency": currency,
        "payment_status": payment_status,
        "mode": "payment",
    }
    event = {
        "id": event_id,
        "object": "event",
        "api_version": "2024-06-20",
        "created": int(time.time()),
        "type": event_type,
        "data": {"object": session},
    }
    return json.dumps(event).encode("utf-8")


def sign(payload, secret=WEBHOOK_SECRET, timestamp=None):
    """The ``Stripe-Signature`` header: HMAC-SHA256 of ``<t>.<payload>``."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.{payload.decode('utf-8')}".encode()
    digest = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


# -- invoices -----------------------------------------------------------------


def test_invoice_order_creates_a_numbered_invoice(portal, organisation, invoicing):
    before = len(portal.MailHost.messages)
    placed = order(organisation)

    assert placed["method"] == "invoice"
    assert placed["credits"] == 3
    assert placed["unit_price"] == "20.00"
    assert placed["currency"] == "EUR"
    assert placed["status"] == "unpaid"
    assert placed["user"] == "owner"
    assert orders.orders_of(organisation)[placed["id"]] is placed

    invoice = invoice_of(organisation, placed)
    assert placed["invoice"] == invoice.UID()
    assert invoice.number == f"QGIS-CERT-{YEAR}-0001"
    assert invoice.Title() == invoice.number
    assert invoice.credits == 3
    assert invoice.unit_price == Decimal("20.00")
    assert invoice.tax_rate == Decimal("19")
    assert invoice.subtotal == Decimal("60.00")
    assert invoice.tax == Decimal("11.40")
    assert invoice.total == Decimal("71.40")
    assert placed["total"] == "71.40"
    assert invoice.iban == IBAN
    assert invoice.issue_date == date.today()
    assert (invoice.due_date - invoice.issue_date).days == 30
    assert api.content.get_state(invoice) == "unpaid"
    assert not invoice.credited
    # An order is no payment.
    assert balance(organisation) == 0

    # The owner receives the invoice as a PDF.
    messages = mails(portal)[before:]
    assert len(messages) == 1
    (message,) = messages
    assert message["To"] == "owner@example.org"
    assert invoice.number in message["Subject"]
    (attachment,) = pdf_attachments(message)
    assert attachment.get_filename() == f"{invoice.number}.pdf"
    assert attachment.get_payload(decode=True).startswith(b"%PDF")

    # The next invoice has the next number.
    second = invoice_of(organisation, order(organisation, credits=1))
    assert second.number == f"QGIS-CERT-{YEAR}-0002"
    assert second.total == Decimal("23.80")


def test_invoice_keeps_the_buyer_and_price_of_its_day(organisation, invoicing):
    placed = order(organisation)
    invoice = invoice_of(organisation, placed)
    assert invoice.buyer_name == "Geo Academy"
    assert invoice.buyer_vat_number == "RO12345678"
    assert invoice.buyer_email == "office@geo-academy.example"

    organisation.title = "Geo Academy Renamed"
    organisation.vat_number = "RO99999999"
    organisation.reindexObject()
    api.portal.set_registry_record("credit_price", Decimal("25.00"), interface=ICertificateSettings)

    assert invoice.buyer_name == "Geo Academy"
    assert invoice.buyer_vat_number == "RO12345678"
    assert invoice.unit_price == Decimal("20.00")
    assert invoice.total == Decimal("71.40")
    assert orders.orders_of(organisation)[placed["id"]]["unit_price"] == "20.00"
    assert orders.invoice_pdf(invoice).startswith(b"%PDF")

    # A new order takes the new price.
    later = order(organisation, credits=1)
    assert later["unit_price"] == "25.00"
    assert invoice_of(organisation, later).buyer_name == "Geo Academy Renamed"


def test_without_an_iban_no_invoice_is_made(portal, organisation):
    assert not api.portal.get_registry_record("iban", interface=IInvoiceSettings)
    before = len(portal.MailHost.messages)
    refusal = refused(order, organisation, status=503)
    assert "bank details" in str(refusal.message)
    assert invoices_in(organisation) == []
    assert len(orders.orders_of(organisation)) == 0
    assert len(portal.MailHost.messages) == before

    # An IBAN that fails its check is no IBAN.
    api.portal.set_registry_record("iban", "CH9300762011623852958", interface=IInvoiceSettings)
    refused(order, organisation, status=503)
    assert invoices_in(organisation) == []

    # No number was used.
    api.portal.set_registry_record("iban", IBAN, interface=IInvoiceSettings)
    placed = order(organisation)
    assert invoice_of(organisation, placed).number == f"QGIS-CERT-{YEAR}-0001"


@pytest.mark.parametrize("credits", [0, -1, "3", 1.5, 10_001, True, None])
def test_bad_credits_are_refused(organisation, invoicing, credits):
    refusal = refused(order, organisation, credits)
    assert refusal.details.get("field") == "credits"
    assert invoices_in(organisation) == []
    assert len(orders.orders_of(organisation)) == 0


@pytest.mark.parametrize("method", ["cash", "", None, "INVOICE"])
def test_bad_method_is_refused(organisation, invoicing, method):
    refusal = refused(order, organisation, 3, method)
    assert refusal.details.get("field") == "method"
    assert invoices_in(organisation) == []
    assert len(orders.orders_of(organisation)) == 0


def test_most_credits_at_once(organisation, invoicing):
    placed = order(organisation, credits=orders.MAX_CREDITS)
    assert invoice_of(organisation, placed).credits == 10_000


def test_only_certified_organisations_order(portal, organisation, invoicing):
    draft = create_application(portal, title="Draft Academy")
    refused(order, draft)
    assert invoices_in(draft) == []
    assert len(orders.orders_of(draft)) == 0


def test_mark_paid_adds_the_credits_once(organisation, invoicing):
    placed = order(organisation)
    invoice = invoice_of(organisation, placed)

    # The owner is not offered the transition.
    assert "mark_paid" not in transitions(invoice, "owner")
    assert "cancel" not in transitions(invoice, "owner")
    with pytest.raises(WorkflowException):
        do(invoice, "owner", "mark_paid")
    assert balance(organisation) == 0
    assert api.content.get_state(invoice) == "unpaid"

    assert {"mark_paid", "cancel"} <= transitions(invoice, "team")
    do(invoice, "team", "mark_paid")
    assert api.content.get_state(invoice) == "paid"
    assert invoice.credited
    assert balance(organisation) == 3
    assert [
        (e["amount"], e["reason"], e["reference"], e["user"]) for e in entries(organisation)
    ] == [(3, "top-up", invoice.number, "team")]
    assert orders.orders_of(organisation)[placed["id"]]["status"] == "paid"

    # Not twice.
    assert "mark_paid" not in transitions(invoice, "team")
    with pytest.raises(WorkflowException):
        do(invoice, "team", "mark_paid")
    with pytest.raises(WorkflowException):
        do(invoice, "team", "cancel")
    assert orders.credit_paid_invoice(invoice, "team") is None
    assert balance(organisation) == 3
    assert len(entries(organisation)) == 1


def test_cancelled_invoice_adds_nothing(organisation, invoicing):
    invoice = invoice_of(organisation, order(organisation))
    do(invoice, "team", "cancel")
    assert api.content.get_state(invoice) == "cancelled"
    assert balance(organisation) == 0
    assert entries(organisation) == []
    assert transitions(invoice, "team") == set()
    with pytest.raises(WorkflowException):
        do(invoice, "team", "mark_paid")
    assert balance(organisation) == 0


def test_invoices_are_never_deleted(organisation, invoicing):
    invoice = invoice_of(organisation, order(organisation))
    with api.env.adopt_roles(["Manager"]), pytest.raises(Unauthorized):
        api.content.delete(invoice)  # nobody holds the permission
    with pytest.raises(Forbidden):
        organisation._delObject(invoice.getId())  # and below permissions, the event refuses
    assert invoice.getId() in organisation.objectIds()
    do(invoice, "team", "mark_paid")
    with api.env.adopt_roles(["Manager"]), pytest.raises(Unauthorized):
        api.content.delete(invoice)
    with pytest.raises(Forbidden):
        organisation._delObject(invoice.getId())
    assert invoice.getId() in organisation.objectIds()


# -- card payments ------------------------------------------------------------


def test_card_without_stripe_keys_is_not_configured(organisation, monkeypatch):
    monkeypatch.delenv("STRIPE_SECRET_KEY", raising=False)
    monkeypatch.delenv("STRIPE_WEBHOOK_SECRET", raising=False)
    refusal = refused(order, organisation, 3, "card", status=503)
    assert "not configured" in str(refusal.message)
    assert len(orders.orders_of(organisation)) == 0

    # Both keys are needed.
    monkeypatch.setenv("STRIPE_SECRET_KEY", SECRET_KEY)
    refused(order, organisation, 3, "card", status=503)
    assert len(orders.orders_of(organisation)) == 0


def test_card_order_starts_a_checkout_session(organisation, stripe_calls):
    placed = order(organisation, credits=3, method="card")
    assert placed["method"] == "card"
    assert placed["stripe_session"] == "cs_test_1"
    assert placed["checkout_url"] == "https://checkout.example/cs_test_1"
    assert placed["total"] == "60.00"
    assert placed["status"] == "unpaid"
    assert orders.orders_of(organisation)[placed["id"]] is placed
    assert invoices_in(organisation) == []
    assert balance(organisation) == 0

    (call,) = stripe_calls
    assert call["api_key"] == SECRET_KEY
    assert call["mode"] == "payment"
    (line,) = call["line_items"]
    assert line["quantity"] == 3
    assert line["price_data"]["unit_amount"] == 2000
    assert line["price_data"]["currency"] == "eur"
    assert call["metadata"] == {"order": placed["id"], "organisation": organisation.UID()}
    assert call["client_reference_id"] == placed["id"]
    assert call["success_url"].startswith(organisation.absolute_url())
    assert call["cancel_url"].startswith(organisation.absolute_url())


def test_card_order_pays_the_tax_an_invoice_would(organisation, invoicing, stripe_calls):
    placed = order(organisation, credits=3, method="card")
    assert placed["tax"] == "11.40"
    assert placed["total"] == "71.40"
    (call,) = stripe_calls
    credits_line, tax_line = call["line_items"]
    assert credits_line["quantity"] * credits_line["price_data"]["unit_amount"] == 6000
    assert tax_line["quantity"] == 1
    assert tax_line["price_data"]["unit_amount"] == 1140
    assert "19" in tax_line["price_data"]["product_data"]["name"]
    invoiced = order(organisation, credits=3, method="invoice")
    assert invoiced["total"] == placed["total"]


# -- the webhook --------------------------------------------------------------


@pytest.fixture
def card_order(organisation, stripe_calls):
    return organisation, order(organisation, credits=3, method="card")


def test_webhook_credits_a_paid_order_once(card_order):
    organisation, placed = card_order
    payload = checkout_event(organisation, placed)
    assert orders.handle_stripe_event(payload, sign(payload)) == "credited"
    assert balance(organisation) == 3
    (entry,) = entries(organisation)
    assert (entry["amount"], entry["reason"]) == (3, "top-up")
    assert placed["id"] in entry["reference"]
    assert orders.orders_of(organisation)[placed["id"]]["status"] == "paid"

    # Stripe retries: the same event is applied once.
    assert orders.handle_stripe_event(payload, sign(payload)) == "duplicate"
    assert balance(organisation) == 3

    # Another event for the same order adds nothing either.
    other = checkout_event(organisation, placed, event_id="evt_test_2")
    assert orders.handle_stripe_event(other, sign(other)) == "duplicate"
    assert balance(organisation) == 3
    assert len(entries(organisation)) == 1


def test_webhook_with_a_bad_signature_credits_nothing(card_order):
    organisation, placed = card_order
    payload = checkout_event(organisation, placed)
    for signature in (
        sign(payload, secret="whsec_someone_else"),
        "",
        "t=123",
        "nonsense",
        sign(payload, timestamp=int(time.time()) - 3600),  # too old: replayed later
    ):
        refused(orders.handle_stripe_event, payload, signature)
    # Signed, then changed on the way.
    signature = sign(payload)
    tampered = payload.replace(b'"amount_total": 6000', b'"amount_total": 600000')
    assert tampered != payload
    refused(orders.handle_stripe_event, tampered, signature)
    assert balance(organisation) == 0
    assert orders.orders_of(organisation)[placed["id"]]["status"] == "unpaid"

    # The genuine event still counts afterwards.
    assert orders.handle_stripe_event(payload, signature) == "credited"
    assert balance(organisation) == 3


@pytest.mark.parametrize(
    "change",
    [
        {"amount_total": 100},
        {"amount_total": 7140},
        {"payment_status": "unpaid"},
        {"currency": "usd"},
        {"order_id": "20990101-deadbeef"},
    ],
)
def test_webhook_that_does_not_match_the_order_credits_nothing(card_order, change):
    organisation, placed = card_order
    payload = checkout_event(organisation, placed, **change)
    refused(orders.handle_stripe_event, payload, sign(payload))
    assert balance(organisation) == 0
    assert entries(organisation) == []
    assert orders.orders_of(organisation)[placed["id"]]["status"] == "unpaid"

    # A refused event does not stand in the way of the genuine one.
    genuine = checkout_event(organisation, placed, event_id="evt_test_genuine")
    assert orders.handle_stripe_event(genuine, sign(genuine)) == "credited"
    assert balance(organisation) == 3


def test_webhook_for_an_unknown_organisation_credits_nothing(card_order, portal):
    organisation, placed = card_order
    payload = checkout_event(organisation, placed).replace(organisation.UID().encode(), b"0" * 32)
    refused(orders.handle_stripe_event, payload, sign(payload))
    assert balance(organisation) == 0


def test_webhook_ignores_other_events(card_order):
    organisation, placed = card_order
    for index, event_type in enumerate(
        ("checkout.session.expired", "payment_intent.succeeded", "charge.refunded")
    ):
        payload = checkout_event(
            organisation, placed, event_id=f"evt_other_{index}", event_type=event_type
        )
        assert orders.handle_stripe_event(payload, sign(payload)) == "ignored"
    assert balance(organisation) == 0
    assert orders.orders_of(organisation)[placed["id"]]["status"] == "unpaid"


def test_webhook_without_a_secret_is_not_configured(card_order, monkeypatch):
    organisation, placed = card_order
    payload = checkout_event(organisation, placed)
    signature = sign(payload)
    monkeypatch.delenv("STRIPE_WEBHOOK_SECRET")
    refused(orders.handle_stripe_event, payload, signature, status=503)
    assert balance(organisation) == 0
