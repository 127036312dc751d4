from decimal import Decimal

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.content.programme import IProgrammeContent
from qgis.certification.content.validation import LINE_LENGTH
from qgis.certification.content.validation import TEXT_LENGTH
from qgis.certification.content.validation import is_finite


ZERO = Decimal("0")
MAX_AMOUNT = Decimal("100000000")
MAX_INVOICE_CREDITS = 10_000  # as many as one order buys (payments.orders.MAX_CREDITS)
FIELDS = (
    "number", "order_id", "credits", "unit_price", "currency", "tax_rate", "subtotal", "tax",
    "total", "issue_date", "due_date", "seller_name", "seller_address", "seller_vat_id",
    "seller_email", "buyer_name", "buyer_address", "buyer_vat_number", "buyer_email",
    "bank_account_holder", "iban", "bic", "tax_note", "credited", "invoice_language",
)  # fmt: skip


class IInvoice(model.Schema):
    """An invoice for credits: seller, buyer and prices frozen when it is made."""

    number = schema.TextLine(title=_("Number"), max_length=LINE_LENGTH)
    order_id = schema.TextLine(title=_("Order"), max_length=LINE_LENGTH)
    credits = schema.Int(title=_("Credits"), min=1, max=MAX_INVOICE_CREDITS)
    unit_price = schema.Decimal(
        title=_("Price of one credit"), min=ZERO, max=MAX_AMOUNT, constraint=is_finite
    )
    currency = schema.TextLine(title=_("Currency"), max_length=LINE_LENGTH)
    tax_rate = schema.Decimal(
        title=_("Tax rate (%)"), min=ZERO, max=Decimal("100"), constraint=is_finite
    )
    subtotal = schema.Decimal(title=_("Subtotal"), min=ZERO, max=MAX_AMOUNT, constraint=is_finite)
    tax = schema.Decimal(title=_("Tax"), min=ZERO, max=MAX_AMOUNT, constraint=is_finite)
    total = schema.Decimal(title=_("Total"), min=ZERO, max=MAX_AMOUNT, constraint=is_finite)
    issue_date = schema.Date(title=_("Issue date"))
    due_date = schema.Date(title=_("Due date"))
    seller_name = schema.TextLine(title=_("Seller"), max_length=LINE_LENGTH)
    seller_address = schema.Text(
        title=_("Seller's address"), max_length=TEXT_LENGTH, required=False
    )
    seller_vat_id = schema.TextLine(
        title=_("Seller's VAT number"), max_length=LINE_LENGTH, required=False
    )
    seller_email = schema.TextLine(
        title=_("Seller's e-mail"), max_length=LINE_LENGTH, required=False
    )
    buyer_name = schema.TextLine(title=_("Buyer"), max_length=LINE_LENGTH)
    buyer_address = schema.Text(title=_("Buyer's address"), max_length=TEXT_LENGTH, required=False)
    buyer_vat_number = schema.TextLine(
        title=_("Buyer's VAT number"), max_length=LINE_LENGTH, required=False
    )
    buyer_email = schema.TextLine(title=_("Buyer's e-mail"), max_length=LINE_LENGTH, required=False)
    bank_account_holder = schema.TextLine(title=_("Account holder"), max_length=LINE_LENGTH)
    iban = schema.TextLine(title=_("IBAN"), max_length=LINE_LENGTH)
    bic = schema.TextLine(title=_("BIC"), max_length=LINE_LENGTH, required=False)
    tax_note = schema.TextLine(title=_("Tax note"), max_length=LINE_LENGTH, required=False)
    credited = schema.Bool(title=_("Credits added"), default=False)
    # the buyer's preferred language when it was made (not ``language``: that is
    # the item's Dublin Core language); invoices from before 1003 have none
    invoice_language = schema.TextLine(
        title=_("Language"), max_length=LINE_LENGTH, required=False, default=None
    )

    directives.write_permission(
        **dict.fromkeys(FIELDS, permissions.permission_id(permissions.MANAGE_CREDITS))
    )


@implementer(IInvoice, IProgrammeContent)
class Invoice(Item):
    def Title(self):
        return self.number or ""
