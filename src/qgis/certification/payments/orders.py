"""Buying credits: orders, invoices (paid by SEPA transfer) and card payments.

Credits are added in exactly two ways: the certification team marks an
invoice paid (``mark_paid``), or Stripe's signed webhook reports a completed
card payment whose amount matches the order. Both add them once.
"""

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import ROUND_HALF_UP
from decimal import Decimal

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.dexterity.utils import createContentInContainer
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.annotations import stored
from qgis.certification.application import review
from qgis.certification.interfaces import ICertificateSettings
from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.mail import messages
from qgis.certification.payments.credits import ledger_of
from qgis.certification.pdf.epc import iban_is_valid
from qgis.certification.pdf.invoice import BankAccount
from qgis.certification.pdf.invoice import InvoiceData
from qgis.certification.pdf.invoice import InvoiceLine
from qgis.certification.pdf.invoice import Party
from qgis.certification.pdf.invoice import invoice_totals
from qgis.certification.pdf.invoice import render_invoice
from qgis.certification.refusals import Refusal
from qgis.certification.vocabularies.countries import country_name


#: The languages invoices are written in (the site's).
INVOICE_LANGUAGES = ("en", "ro", "sv")
ORDERS_KEY = "qgis.certification.orders"
COUNTER_KEY = "qgis.certification.invoice-numbers"
EVENTS_KEY = "qgis.certification.stripe-events"
MAX_CREDITS = 10_000


class OrderError(Refusal):
    """An order refused."""


class InvoiceNumbers(Persistent):
    """The last invoice number of each year. One object for the whole site:
    two invoices made at once conflict and one is retried, so numbers are
    unique and gapless (a number is used only if its transaction commits)."""

    def __init__(self):
        self.last = {}

    def next(self, year):
        number = self.last.get(year, 0) + 1
        self.last = {**self.last, year: number}
        return f"QGIS-CERT-{year}-{number:04d}"


def invoice_numbers():
    return stored(api.portal.get(), COUNTER_KEY, InvoiceNumbers, create=True)


def certificate_setting(name):
    return api.portal.get_registry_record(name=name, interface=ICertificateSettings)


def invoice_setting(name):
    return api.portal.get_registry_record(name=name, interface=IInvoiceSettings)


def orders_of(organisation, create=False):
    return stored(organisation, ORDERS_KEY, OOBTree, create)


def order_summary(order, invoice=None):
    """An order as JSON, with its invoice (number, total, state, PDF) when it has one.

    Pass the ``invoice`` when it was made in this transaction: looking it up by
    UID goes through the catalog, whose indexing queue is not always flushed
    for a new object (Products.CMFCore's ``processQueue`` skips the flush while
    another thread is flushing its own queue), so under load a just-created
    invoice is not found there.
    """
    result = {key: value for key, value in order.items() if key != "invoice"}
    if invoice is None and order.get("invoice"):
        invoice = uuidToObject(order["invoice"], unrestricted=True)
    if invoice is not None:
        result["invoice"] = {
            "@id": invoice.absolute_url(),
            "number": invoice.number,
            "total": str(invoice.total),
            "currency": invoice.currency,
            "due_date": invoice.due_date.isoformat(),
            "state": api.content.get_state(invoice),
            "pdf": f"{invoice.absolute_url()}/@@invoice.pdf",
        }
    return result


def order_summaries(organisation):
    """The organisation's orders, newest first."""
    ordered = sorted(orders_of(organisation).values(), key=lambda o: o["created"], reverse=True)
    return [order_summary(order) for order in ordered]


def _cents(amount):
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def place_order(organisation, credits, method, user_id):
    """Record an order and make its invoice or start its card payment."""
    return _place(organisation, credits, method, user_id)[0]


def place_order_summary(organisation, credits, method, user_id):
    """Place an order and answer it as JSON, naming the invoice it made."""
    order, invoice = _place(organisation, credits, method, user_id)
    return order_summary(order, invoice)


def _place(organisation, credits, method, user_id):
    """The new order and its invoice (``None`` for a card payment)."""
    if api.content.get_state(organisation) != "published":
        raise OrderError(400, _("Only certified organisations buy credits."))
    if not isinstance(credits, int) or isinstance(credits, bool) or not 0 < credits <= MAX_CREDITS:
        raise OrderError(
            400,
            _(
                "'credits' must be a whole number from 1 to ${max}.",
                mapping={"max": MAX_CREDITS},
            ),
            field="credits",
        )
    if method not in ("invoice", "card"):
        raise OrderError(400, _("'method' must be 'invoice' or 'card'."), field="method")
    unit_price = certificate_setting("credit_price")
    currency = certificate_setting("currency")
    order_id = f"{datetime.now(UTC):%Y%m%d}-{secrets.token_hex(4)}"
    order = PersistentMapping(
        id=order_id,
        credits=credits,
        method=method,
        unit_price=str(unit_price),
        currency=currency,
        created=datetime.now(UTC).isoformat(),
        user=user_id,
        status="unpaid",
    )
    invoice = None
    if method == "invoice":
        invoice = create_invoice(organisation, order)
        order["invoice"] = invoice.UID()
        order["total"] = str(invoice.total)
    else:
        # a card buyer pays what an invoice would ask: the same tax on the same subtotal
        quote = price_quote(credits)
        order["tax_rate"] = str(quote.tax_rate)
        order["tax"] = str(quote.tax)
        order["total"] = str(quote.total)
        order["checkout_url"] = start_card_payment(organisation, order)
    orders_of(organisation, create=True)[order_id] = order
    return order, invoice


@dataclass(frozen=True)
class Quote:
    """What ``credits`` credits cost, tax included, as an invoice or a card payment asks."""

    credits: int
    unit_price: Decimal
    currency: str
    tax_rate: Decimal
    subtotal: Decimal
    tax: Decimal
    total: Decimal


def price_quote(credits):
    unit_price = certificate_setting("credit_price")
    tax_rate = invoice_setting("tax_rate") or Decimal("0")
    totals = invoice_totals([InvoiceLine("", credits, unit_price)], tax_rate)
    return Quote(
        credits,
        Decimal(str(unit_price)),
        certificate_setting("currency"),
        Decimal(str(tax_rate)),
        totals.subtotal,
        totals.tax,
        totals.total,
    )


def payment_methods():
    """The ways to pay this site offers: by invoice once the programme's bank
    details are set, by card once its payment keys are."""
    offered = (("invoice", invoice_payment_configured()), ("card", card_payment_configured()))
    return tuple(method for method, configured in offered if configured)


def invoice_payment_configured():
    """Invoices ask for a transfer to the programme's account: its IBAN must be set."""
    return iban_is_valid(invoice_setting("iban") or "")


def buyer_language(organisation, user_id=None):
    """The language of the buyer's invoice: the preferred language of who ordered,
    else of the organisation's first owner who chose one, else the site's (English
    when the site's is not one invoices are written in)."""
    language = messages.preferred_language(
        [user_id, *review.owners(organisation)], INVOICE_LANGUAGES
    )
    return language if language in INVOICE_LANGUAGES else "en"


def tax_note_for(language, tax_rate):
    """The settings' tax note for an invoice in ``language``, printed only when no
    tax is charged (a reverse-charge or exemption mention)."""
    if Decimal(str(tax_rate)) != 0:
        return ""
    own = invoice_setting(f"tax_note_{language}") if language != "en" else ""
    return own or invoice_setting("tax_note") or ""


NO_BANK_DETAILS = _(
    "Invoices are not available yet: the programme's bank details are "
    "not set. Please contact the certification team."
)
NO_CARD_PAYMENT = _(
    "Card payment is not configured on this site: order by invoice, or ask the certification team."
)


def refuse_unless(configured, message):
    """A payment method that is not set up answers 503 with ``message``."""
    if not configured:
        raise OrderError(503, message)


def create_invoice(organisation, order):
    iban = invoice_setting("iban") or ""
    refuse_unless(invoice_payment_configured(), NO_BANK_DETAILS)
    today = date.today()
    language = buyer_language(organisation, order.get("user"))
    unit_price = Decimal(order["unit_price"])
    tax_rate = invoice_setting("tax_rate") or Decimal("0")
    totals = invoice_totals([InvoiceLine("", order["credits"], unit_price)], tax_rate)
    address = "\n".join(
        part for part in (organisation.address or "", country_name(organisation.country)) if part
    )
    invoice = createContentInContainer(
        organisation,
        "Invoice",
        checkConstraints=False,
        number=invoice_numbers().next(today.year),
        order_id=order["id"],
        credits=order["credits"],
        unit_price=unit_price,
        currency=order["currency"],
        tax_rate=tax_rate,
        subtotal=totals.subtotal,
        tax=totals.tax,
        total=totals.total,
        issue_date=today,
        due_date=today + timedelta(days=invoice_setting("payment_days")),
        seller_name=invoice_setting("seller_name"),
        seller_address=invoice_setting("seller_address") or "",
        seller_vat_id=invoice_setting("seller_vat_id") or "",
        seller_email=invoice_setting("seller_email") or "",
        buyer_name=organisation.Title(),
        buyer_address=address,
        buyer_vat_number=organisation.vat_number or "",
        buyer_email=organisation.email,
        bank_account_holder=invoice_setting("bank_account_holder"),
        iban=iban,
        bic=invoice_setting("bic") or "",
        tax_note=tax_note_for(language, tax_rate),
        invoice_language=language,
    )
    mail_invoice(organisation, invoice)
    return invoice


def invoice_language(invoice):
    return getattr(invoice, "invoice_language", None) or buyer_language(invoice.__parent__)


def invoice_data(invoice):
    language = invoice_language(invoice)
    terms = _(
        "Payable within ${days} days by SEPA transfer, quoting the invoice number ${number}.",
        mapping={"days": (invoice.due_date - invoice.issue_date).days, "number": invoice.number},
    )
    return InvoiceData(
        number=invoice.number,
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
        seller=Party(
            name=invoice.seller_name,
            address_lines=(invoice.seller_address or "").splitlines(),
            vat_id=invoice.seller_vat_id or "",
            email=invoice.seller_email or "",
        ),
        buyer=Party(
            name=invoice.buyer_name,
            address_lines=(invoice.buyer_address or "").splitlines(),
            vat_id=invoice.buyer_vat_number or "",
            email=invoice.buyer_email or "",
        ),
        lines=[
            InvoiceLine(
                translate(_("QGIS certificate credits"), target_language=language),
                invoice.credits,
                invoice.unit_price,
            )
        ],
        bank=BankAccount(
            account_holder=invoice.bank_account_holder, iban=invoice.iban, bic=invoice.bic or ""
        ),
        currency=invoice.currency,
        tax_rate=invoice.tax_rate,
        tax_note=invoice.tax_note or "",
        payment_terms=translate(terms, target_language=language),
        paid=api.content.get_state(invoice) == "paid",
        language=language,
    )


def invoice_pdf(invoice):
    return render_invoice(invoice_data(invoice))


def mail_invoice(organisation, invoice):
    """Send the invoice PDF to every owner, in the owner's language (after
    the transaction commits)."""
    attachment = messages.Attachment(f"{invoice.number}.pdf", invoice_pdf(invoice))
    subject = _(
        "Invoice ${number} for QGIS certificate credits", mapping={"number": invoice.number}
    )
    body = _(
        "Hello,\n\nplease find attached invoice ${number} for ${credits} credits, "
        "${total} ${currency}, due on ${due}. The credits are added to ${organisation}'s "
        "balance as soon as the payment is received.\n\n-- \nQGIS Certification Programme\n",
        mapping={
            "number": invoice.number,
            "credits": invoice.credits,
            "total": invoice.total,
            "currency": invoice.currency,
            "due": invoice.due_date.isoformat(),
            "organisation": organisation.Title(),
        },
    )
    for recipient in messages.user_recipients(review.owners(organisation)):
        messages.send_mail(recipient, subject, body, attachments=[attachment])


def credit_paid_invoice(invoice, user_id):
    """After ``mark_paid``: the invoice's credits, added once."""
    if invoice.credited:
        return None
    organisation = invoice.__parent__
    entry = ledger_of(organisation).append(invoice.credits, "top-up", invoice.number, user_id)
    invoice.credited = True
    order = orders_of(organisation).get(invoice.order_id)
    if order is not None:
        order["status"] = "paid"
    return entry


# -- card payments (Stripe Checkout) ------------------------------------------


def stripe_keys():
    return os.environ.get("STRIPE_SECRET_KEY", ""), os.environ.get("STRIPE_WEBHOOK_SECRET", "")


def card_payment_configured():
    return all(stripe_keys())


def start_card_payment(organisation, order):
    secret_key, _webhook_secret = stripe_keys()
    refuse_unless(card_payment_configured(), NO_CARD_PAYMENT)
    import stripe

    currency = order["currency"].lower()
    line_items = [
        {
            "quantity": order["credits"],
            "price_data": {
                "currency": currency,
                "unit_amount": _cents(Decimal(order["unit_price"])),
                "product_data": {"name": "QGIS certificate credit"},
            },
        }
    ]
    tax = Decimal(order.get("tax") or "0")
    if tax:
        line_items.append(
            {
                "quantity": 1,
                "price_data": {
                    "currency": currency,
                    "unit_amount": _cents(tax),
                    "product_data": {"name": f"Tax {order['tax_rate']}%"},
                },
            }
        )
    session = stripe.checkout.Session.create(
        api_key=secret_key,
        mode="payment",
        client_reference_id=order["id"],
        metadata={"order": order["id"], "organisation": organisation.UID()},
        line_items=line_items,
        success_url=f"{organisation.absolute_url()}?payment=done",
        cancel_url=f"{organisation.absolute_url()}?payment=cancelled",
    )
    order["stripe_session"] = session["id"]
    return session["url"]


def _processed_events():
    annotations = IAnnotations(api.portal.get())
    if EVENTS_KEY not in annotations:
        annotations[EVENTS_KEY] = OOTreeSet()
    return annotations[EVENTS_KEY]


def handle_stripe_event(payload: bytes, signature: str):
    """Verify and apply one webhook call; returns a short status for the answer."""
    import stripe

    _secret_key, webhook_secret = stripe_keys()
    if not webhook_secret:
        raise OrderError(503, _("Card payment is not configured on this site."))
    try:
        event = stripe.Webhook.construct_event(payload, signature or "", webhook_secret)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise OrderError(400, _("The webhook signature does not verify.")) from error
    # Read the verified payload as plain JSON (Stripe objects are not dicts).
    event = json.loads(payload)
    processed = _processed_events()
    if event["id"] in processed:
        return "duplicate"
    if event["type"] != "checkout.session.completed":
        processed.add(event["id"])
        return "ignored"
    session = event["data"]["object"]
    metadata = session.get("metadata") or {}
    uid = metadata.get("organisation")
    organisation = uuidToObject(uid, unrestricted=True) if uid else None
    order = orders_of(organisation).get(metadata.get("order")) if organisation else None
    if order is None:
        raise OrderError(400, _("The payment does not match any order."))
    expected = _cents(Decimal(order["total"]))
    paid = session.get("amount_total")
    currency = (session.get("currency") or "").upper()
    if session.get("payment_status") != "paid" or paid != expected or currency != order["currency"]:
        raise OrderError(
            400,
            _("The payment does not match the order: nothing was credited."),
            expected=expected,
            paid=paid,
        )
    processed.add(event["id"])
    if order["status"] == "paid":
        return "duplicate"
    ledger_of(organisation).append(order["credits"], "top-up", f"card {order['id']}", order["user"])
    order["status"] = "paid"
    order["stripe_event"] = event["id"]
    return "credited"
