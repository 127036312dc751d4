"""``@@buy-credits``: the organisation page's order form, by invoice or by
card. The rules of an order are in ``payments.orders``."""

from plone import api
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.interface import Interface
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.browser.form_base import EmbeddedForm
from qgis.certification.browser.form_base import with_valid_data
from qgis.certification.payments import orders


PAYMENT_METHODS = SimpleVocabulary(
    [
        SimpleTerm("invoice", "invoice", _("Invoice, paid by SEPA transfer")),
        SimpleTerm("card", "card", _("Card")),
    ]
)


class IBuyCredits(Interface):
    credits = schema.Int(title=_("Credits to buy"), default=10, required=True)
    method = schema.Choice(title=_("Payment"), vocabulary=PAYMENT_METHODS, required=True)


class BuyCreditsForm(EmbeddedForm):
    view_name = "buy-credits"
    label = _("Credits")
    fields = field.Fields(IBuyCredits)
    primary_buttons = ("order",)

    def back(self):
        self.redirect(self.context.absolute_url() + "#credits")

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
