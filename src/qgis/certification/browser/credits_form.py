"""``@@buy-credits``: the organisation page's order form, by invoice (offered
only when the programme's bank details are set) or by card (only when the site
takes cards). It states the price and the tax,
and "Show the total" gives the total before anything is ordered. The rules of an order are in
``payments.orders``."""

from plone import api
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.browser.form_base import EmbeddedForm
from qgis.certification.browser.form_base import with_valid_data
from qgis.certification.payments import orders
from qgis.certification.pdf.invoice import format_amount


METHOD_TITLES = {
    "invoice": _("Invoice, paid by SEPA transfer"),
    "card": _("Card"),
}
DEFAULT_CREDITS = 10


def amount(value):
    return format_amount(value, api.portal.get_current_language()[:2])


@provider(IContextSourceBinder)
def payment_methods(context):
    return SimpleVocabulary(
        [SimpleTerm(method, method, METHOD_TITLES[method]) for method in orders.payment_methods()]
    )


def first_payment_method():
    """The form starts on the first way to pay the site offers (an invoice when it can)."""
    return next(iter(orders.payment_methods()), None)


class IBuyCredits(Interface):
    credits = schema.Int(title=_("Credits to buy"), default=DEFAULT_CREDITS, required=True)
    method = schema.Choice(
        title=_("Payment"),
        source=payment_methods,
        defaultFactory=first_payment_method,
        required=True,
    )


class BuyCreditsForm(EmbeddedForm):
    view_name = "buy-credits"
    label = _("Credits")
    fields = field.Fields(IBuyCredits)
    primary_buttons = ("order",)

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        quote = orders.price_quote(1)
        self.widgets["credits"].description = _(
            "One credit per certificate, at ${price} ${currency} plus ${rate} % tax.",
            mapping={
                "price": amount(quote.unit_price),
                "currency": quote.currency,
                "rate": format(quote.tax_rate.normalize(), "f"),
            },
        )

    def back(self):
        self.redirect(self.context.absolute_url() + "#credits")

    @button.buttonAndHandler(_("Show the total"), name="quote")
    @with_valid_data
    def handle_quote(self, action, data):
        quote = orders.price_quote(data["credits"])
        self.status = _(
            "${credits} credits: ${subtotal} ${currency} plus ${tax} ${currency} tax, "
            "${total} ${currency} in all. Nothing is ordered until you choose Order.",
            mapping={
                "credits": quote.credits,
                "subtotal": amount(quote.subtotal),
                "tax": amount(quote.tax),
                "total": amount(quote.total),
                "currency": quote.currency,
            },
        )

    @button.buttonAndHandler(_("Order"), name="order")
    @with_valid_data
    def handle_order(self, action, data):
        with self.refusals_shown():
            order = orders.place_order(
                self.context, data["credits"], data["method"], api.user.get_current().getId()
            )
        if order.get("checkout_url"):
            self.redirect(order["checkout_url"])
            return
        api.portal.show_message(
            _("Your invoice was created and mailed to you; the credits follow your transfer."),
            self.request,
        )
        self.back()
