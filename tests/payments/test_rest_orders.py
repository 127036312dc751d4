"""Buying credits, the organisation's own certificate and mailing certificates,
over HTTP through plone.restapi on the server layer.

Set-up data is made in test code and committed so that the server thread sees
it; what the server changes is read back after ``transaction.begin()``. The
server runs in this process: the Stripe keys set with ``monkeypatch`` and the
patched ``stripe.checkout.Session.create`` are what it uses.
"""

import hashlib
import hmac
import json
import time
from datetime import date
from decimal import Decimal

import pytest
import requests
import stripe
import transaction
from builders import certified_course
from builders import top_up
from mail_helpers import parsed
from mail_helpers import pdf_attachments
from plone import api
from rest_helpers import error_message

from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments import orders
from qgis.certification.payments.credits import ledger_of


pytestmark = pytest.mark.server

DENIED = (401, 403)
IBAN = "CH9300762011623852957"
WEBHOOK_SECRET = "whsec_test_secret"
YEAR = date.today().year


# -- set-up -------------------------------------------------------------------


@pytest.fixture
def site(server_site):
    """The programme's site with bank details and a tax rate, committed."""
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("iban", IBAN, interface=IInvoiceSettings)
        api.portal.set_registry_record("tax_rate", Decimal("19"), interface=IInvoiceSettings)
    transaction.commit()
    return server_site


@pytest.fixture
def actors(site, sessions_for):
    return sessions_for("owner", "stranger", "team", "convener", "psc_member")


class Academy:
    """A certified organisation with one published course of three attendees."""

    def __init__(self, portal, credits=0):
        with api.env.adopt_roles(["Manager"]):
            organisation, course, people = certified_course(portal)
            if credits:
                top_up(organisation, credits)
        self.title = organisation.Title()
        self.org = organisation.absolute_url()
        self.course = course.absolute_url()
        self.uids = [person.UID() for person in people]
        self.attendee_urls = [person.absolute_url() for person in people]
        transaction.commit()


@pytest.fixture
def academy(site):
    return Academy(site)


@pytest.fixture
def stripe_configured(monkeypatch):
    """Stripe keys set; creating a Checkout session answers without the network."""
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_secret")
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    calls = []

    def create(**kwargs):
        calls.append(kwargs)
        return {"id": "cs_test_1", "url": "https://checkout.example/cs_test_1"}

    monkeypatch.setattr(stripe.checkout.Session, "create", create)
    return calls


# -- helpers ------------------------------------------------------------------


def obj_at(url):
    transaction.begin()
    portal = api.portal.get()
    path = url[len(portal.absolute_url()) :].lstrip("/")
    return portal.unrestrictedTraverse(path)


def balance(org_url):
    ledger = ledger_of(obj_at(org_url), create=False)
    return ledger.balance if ledger is not None else 0


def entries(org_url):
    ledger = ledger_of(obj_at(org_url), create=False)
    return ledger.entries() if ledger is not None else []


def invoices_in(org_url):
    organisation = obj_at(org_url)
    return [item for item in organisation.objectValues() if item.portal_type == "Invoice"]


def credits_of(session, org_url):
    response = session.get(f"{org_url}/@credits")
    assert response.status_code == 200, response.text
    return response.json()["balance"]


def sent_mails():
    """Every message the MockMailHost holds, parsed."""
    transaction.begin()
    return parsed(api.portal.get().MailHost.messages)


def order(session, org_url, credits=3, method="invoice"):
    return session.post(f"{org_url}/@credit-orders", json={"credits": credits, "method": method})


def placed(response):
    assert response.status_code == 201, (response.status_code, response.text)
    return response.json()


def checkout_event(org_uid, order_id, total_cents, event_id="evt_rest_1"):
    event = {
        "id": event_id,
        "object": "event",
        "type": "checkout.session.completed",
        "created": int(time.time()),
        "data": {
            "object": {
                "id": "cs_test_1",
                "object": "checkout.session",
                "client_reference_id": order_id,
                "metadata": {"order": order_id, "organisation": org_uid},
                "amount_total": total_cents,
                "currency": "eur",
                "payment_status": "paid",
                "mode": "payment",
            }
        },
    }
    return json.dumps(event).encode("utf-8")


def sign(payload, secret=WEBHOOK_SECRET):
    """The ``Stripe-Signature`` header as Stripe computes it."""
    timestamp = int(time.time())
    signed = f"{timestamp}.{payload.decode('utf-8')}".encode()
    digest = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def webhook(session, payload, signature):
    return session.post(
        "/@stripe-webhook",
        data=payload,
        headers={"Content-Type": "application/json", "Stripe-Signature": signature},
    )


# -- ordering by invoice ------------------------------------------------------


def test_owner_orders_credits_by_invoice(actors, academy):
    mails_before = len(sent_mails())
    body = placed(order(actors["owner"], academy.org))
    assert body["credits"] == 3
    assert body["method"] == "invoice"
    assert body["unit_price"] == "20.00"
    assert body["status"] == "unpaid"
    invoice = body["invoice"]
    assert invoice["number"] == f"QGIS-CERT-{YEAR}-0001"
    assert invoice["total"] == "71.40"
    assert invoice["currency"] == "EUR"
    assert invoice["state"] == "unpaid"
    assert invoice["@id"].startswith(academy.org + "/")
    assert invoice["pdf"] == f"{invoice['@id']}/@@invoice.pdf"
    assert balance(academy.org) == 0

    # The owner downloads the PDF; outsiders do not.
    response = actors["owner"].get(invoice["pdf"], headers={"Accept": "*/*"})
    assert response.status_code == 200, response.text[:300]
    assert response.headers["Content-Type"].startswith("application/pdf")
    assert response.content.startswith(b"%PDF")
    for outsider in ("stranger", "anonymous"):
        # Plone sends a signed-in user without the permission to "insufficient privileges".
        response = actors[outsider].get(
            invoice["pdf"], headers={"Accept": "*/*"}, allow_redirects=False
        )
        assert response.status_code in (302, *DENIED), (outsider, response.status_code)
        assert not response.content.startswith(b"%PDF")
        if response.status_code == 302:
            assert "invoice.pdf" not in response.headers["Location"].split("?")[0]

    # ... and receives it by e-mail.
    new = sent_mails()[mails_before:]
    assert [message["To"] for message in new] == ["owner@example.org"]
    (attachment,) = pdf_attachments(new[0])
    assert attachment.get_payload(decode=True).startswith(b"%PDF")

    # The next invoice has the next number.
    body = placed(order(actors["owner"], academy.org, credits=1))
    assert body["invoice"]["number"] == f"QGIS-CERT-{YEAR}-0002"

    # The owner lists the orders, newest first; outsiders do not.
    response = actors["owner"].get(f"{academy.org}/@invoices")
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [item["invoice"]["number"] for item in items] == [
        f"QGIS-CERT-{YEAR}-0002",
        f"QGIS-CERT-{YEAR}-0001",
    ]
    assert actors["team"].get(f"{academy.org}/@invoices").status_code == 200
    for outsider in ("stranger", "convener", "anonymous"):
        response = actors[outsider].get(f"{academy.org}/@invoices")
        assert response.status_code in DENIED, (outsider, response.status_code, response.text)
        assert "QGIS-CERT" not in response.text


def test_outsiders_do_not_order(actors, academy):
    for outsider in ("stranger", "convener", "psc_member", "anonymous"):
        response = order(actors[outsider], academy.org)
        assert response.status_code in DENIED, (outsider, response.status_code, response.text)
    assert invoices_in(academy.org) == []
    assert len(orders.orders_of(obj_at(academy.org))) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"credits": 0, "method": "invoice"},
        {"credits": "3", "method": "invoice"},
        {"credits": 1.5, "method": "invoice"},
        {"credits": 10_001, "method": "invoice"},
        {"method": "invoice"},
        {"credits": 3, "method": "cash"},
        {"credits": 3},
        ["credits", 3],
    ],
)
def test_bad_orders_change_nothing(actors, academy, body):
    response = actors["owner"].post(f"{academy.org}/@credit-orders", json=body)
    assert response.status_code == 400, response.text
    error_message(response)
    assert invoices_in(academy.org) == []
    assert len(orders.orders_of(obj_at(academy.org))) == 0


def test_team_marks_an_invoice_paid(actors, academy):
    body = placed(order(actors["owner"], academy.org))
    invoice_url = body["invoice"]["@id"]

    response = actors["owner"].post(f"{invoice_url}/@workflow/mark_paid", json={})
    assert response.status_code in (400, *DENIED), (response.status_code, response.text)
    assert api.content.get_state(obj_at(invoice_url)) == "unpaid"
    assert credits_of(actors["owner"], academy.org) == 0

    response = actors["team"].post(f"{invoice_url}/@workflow/mark_paid", json={})
    assert response.status_code == 200, response.text
    assert api.content.get_state(obj_at(invoice_url)) == "paid"
    assert credits_of(actors["owner"], academy.org) == 3
    (entry,) = entries(academy.org)
    assert (entry["amount"], entry["reason"], entry["reference"], entry["user"]) == (
        3,
        "top-up",
        body["invoice"]["number"],
        "team",
    )
    listed = actors["owner"].get(f"{academy.org}/@invoices").json()["items"]
    assert [(item["status"], item["invoice"]["state"]) for item in listed] == [("paid", "paid")]

    # Not twice. (plone.restapi answers 200 without a transition when the
    # invoice is already in the target state: what counts is that nothing changes.)
    response = actors["team"].post(f"{invoice_url}/@workflow/mark_paid", json={})
    assert response.status_code in (200, 400, *DENIED), (response.status_code, response.text)
    if response.status_code == 200:
        assert response.json()["review_state"] == "paid"
    history = obj_at(invoice_url).workflow_history["qgis_invoice_workflow"]
    assert [item["action"] for item in history].count("mark_paid") == 1
    assert credits_of(actors["team"], academy.org) == 3
    assert len(entries(academy.org)) == 1


def test_cancelled_invoice_adds_nothing(actors, academy):
    invoice_url = placed(order(actors["owner"], academy.org))["invoice"]["@id"]
    response = actors["owner"].post(f"{invoice_url}/@workflow/cancel", json={})
    assert response.status_code in (400, *DENIED), (response.status_code, response.text)
    response = actors["team"].post(f"{invoice_url}/@workflow/cancel", json={})
    assert response.status_code == 200, response.text
    response = actors["team"].post(f"{invoice_url}/@workflow/mark_paid", json={})
    assert response.status_code in (400, *DENIED), (response.status_code, response.text)
    assert api.content.get_state(obj_at(invoice_url)) == "cancelled"
    assert balance(academy.org) == 0


def test_invoices_are_not_deleted_over_rest(actors, academy):
    invoice_url = placed(order(actors["owner"], academy.org))["invoice"]["@id"]
    for user in ("owner", "team"):
        response = actors[user].delete(invoice_url)
        assert response.status_code in (400, *DENIED), (user, response.status_code)
    assert len(invoices_in(academy.org)) == 1


# -- card payments --------------------------------------------------------------


def test_card_order_without_stripe_is_not_configured(actors, academy, monkeypatch):
    monkeypatch.delenv("STRIPE_SECRET_KEY", raising=False)
    monkeypatch.delenv("STRIPE_WEBHOOK_SECRET", raising=False)
    response = order(actors["owner"], academy.org, method="card")
    assert response.status_code == 503, response.text
    assert "not configured" in error_message(response)
    assert len(orders.orders_of(obj_at(academy.org))) == 0


def test_stripe_webhook_credits_a_card_order_once(actors, academy, stripe_configured):
    body = placed(order(actors["owner"], academy.org, credits=3, method="card"))
    assert body["checkout_url"] == "https://checkout.example/cs_test_1"
    assert body["stripe_session"] == "cs_test_1"
    assert "invoice" not in body
    (call,) = stripe_configured
    assert call["line_items"][0]["quantity"] == 3
    assert call["line_items"][0]["price_data"]["unit_amount"] == 2000
    org_uid = obj_at(academy.org).UID()
    assert call["metadata"] == {"order": body["id"], "organisation": org_uid}
    assert credits_of(actors["owner"], academy.org) == 0

    assert body["total"] == "71.40"  # 3 credits of 20.00 and the 19 % tax
    payload = checkout_event(org_uid, body["id"], 7140)
    anonymous = actors["anonymous"]

    # A forged call: refused, as JSON, and nothing credited.
    response = webhook(anonymous, payload, sign(payload, secret="whsec_forger"))
    assert response.status_code == 400, response.text
    assert "signature" in error_message(response)
    response = webhook(anonymous, payload, "")
    assert response.status_code == 400, response.text
    error_message(response)
    assert balance(academy.org) == 0

    response = webhook(anonymous, payload, sign(payload))
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "credited"}
    assert credits_of(actors["owner"], academy.org) == 3

    # Stripe delivers again: nothing more.
    response = webhook(anonymous, payload, sign(payload))
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "duplicate"}
    other = checkout_event(org_uid, body["id"], 7140, event_id="evt_rest_2")
    response = webhook(anonymous, other, sign(other))
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "duplicate"}
    assert credits_of(actors["owner"], academy.org) == 3
    assert len(entries(academy.org)) == 1


def test_stripe_webhook_refuses_a_wrong_amount(actors, academy, stripe_configured):
    body = placed(order(actors["owner"], academy.org, credits=3, method="card"))
    payload = checkout_event(obj_at(academy.org).UID(), body["id"], 100)
    response = webhook(actors["anonymous"], payload, sign(payload))
    assert response.status_code == 400, response.text
    error_message(response)
    assert balance(academy.org) == 0


# -- the organisation's certificate --------------------------------------------------


def test_team_issues_the_organisation_certificate(actors, academy):
    url = f"{academy.org}/@organisation-certificate"
    for outsider in ("owner", "stranger", "convener"):
        response = actors[outsider].post(url, json={})
        assert response.status_code in DENIED, (outsider, response.status_code, response.text)
    assert actors["anonymous"].post(url, json={}).status_code == 401

    response = actors["team"].post(url, json={})
    assert response.status_code == 201, response.text
    record = response.json()
    code = record["code"]
    assert code
    assert record["issue_date"] == date.today().isoformat()
    assert record["pdf"] == f"{academy.org}/@@organisation-certificate.pdf"

    response = actors["anonymous"].get(f"/@verify/{code}")
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["valid"] is True
    assert result["code"] == code
    assert result["name"] == academy.title
    assert result["certificate_type_title"] == "Authorised QGIS training provider"
    page = requests.get(f"{actors['anonymous'].base_url}/verify/{code}", timeout=60)
    assert page.status_code == 200
    assert "Authorised QGIS training provider" in page.text

    # Once only.
    response = actors["team"].post(url, json={})
    assert response.status_code == 409, response.text
    error_message(response)


# -- mailing certificates -----------------------------------------------------------


def test_owner_mails_the_certificates(actors, site):
    academy = Academy(site, credits=3)
    with api.env.adopt_roles(["Manager"]):
        obj_at(academy.attendee_urls[1]).email = "not an address"
    transaction.commit()
    response = actors["owner"].post(
        f"{academy.course}/@issue-certificates",
        json={"attendees": "all", "certificate_type": "completion"},
    )
    assert response.status_code == 201, response.text
    codes = {item["name"]: item["code"] for item in response.json()["issued"]}

    for outsider in ("stranger", "anonymous"):
        response = actors[outsider].post(f"{academy.course}/@mail-certificates", json={})
        assert response.status_code in DENIED, (outsider, response.status_code)

    mails_before = len(sent_mails())
    response = actors["owner"].post(f"{academy.course}/@mail-certificates", json={})
    assert response.status_code == 200, response.text
    body = response.json()
    assert sorted((item["name"], item["email"]) for item in body["sent"]) == [
        ("Ioana Ștefănescu", "ioana@example.org"),
        ("John Smith", "john@example.org"),
    ]
    assert [(item["name"], item["code"]) for item in body["failed"]] == [
        ("Åsa Öberg", codes["Åsa Öberg"])
    ]
    assert body["failed"][0]["reason"]

    new = sent_mails()[mails_before:]
    assert sorted(message["To"] for message in new) == ["ioana@example.org", "john@example.org"]
    for message in new:
        (attachment,) = pdf_attachments(message)
        assert attachment.get_payload(decode=True).startswith(b"%PDF")
        sent = next(item for item in body["sent"] if item["email"] == message["To"])
        assert attachment.get_filename() == f"{sent['code']}.pdf"
        assert sent["code"] in message.get_body(("plain",)).get_content()
