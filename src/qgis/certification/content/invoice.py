from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.interfaces import IProgrammeContent


FIELDS = (
    "number", "order_id", "credits", "unit_price", "currency", "tax_rate", "subtotal", "tax",
    "total", "issue_date", "due_date", "seller_name", "seller_address", "seller_vat_id",
    "seller_email", "buyer_name", "buyer_address", "buyer_vat_number", "buyer_email",
    "bank_account_holder", "iban", "bic", "tax_note", "credited",
)  # fmt: skip


class IInvoice(model.Schema):
    """An invoice for credits: seller, buyer and prices frozen when it is made."""

    number = schema.TextLine(title=_("Number"))
    order_id = schema.TextLine(title=_("Order"))
    credits = schema.Int(title=_("Credits"), min=1)
    unit_price = schema.Decimal(title=_("Price of one credit"))
    currency = schema.TextLine(title=_("Currency"))
    tax_rate = schema.Decimal(title=_("Tax rate (%)"))
    subtotal = schema.Decimal(title=_("Subtotal"))
    tax = schema.Decimal(title=_("Tax"))
    total = schema.Decimal(title=_("Total"))
    issue_date = schema.Date(title=_("Issue date"))
    due_date = schema.Date(title=_("Due date"))
    seller_name = schema.TextLine(title=_("Seller"))
    seller_address = schema.Text(title=_("Seller's address"), required=False)
    seller_vat_id = schema.TextLine(title=_("Seller's VAT number"), required=False)
    seller_email = schema.TextLine(title=_("Seller's e-mail"), required=False)
    buyer_name = schema.TextLine(title=_("Buyer"))
    buyer_address = schema.Text(title=_("Buyer's address"), required=False)
    buyer_vat_number = schema.TextLine(title=_("Buyer's VAT number"), required=False)
    buyer_email = schema.TextLine(title=_("Buyer's e-mail"), required=False)
    bank_account_holder = schema.TextLine(title=_("Account holder"))
    iban = schema.TextLine(title=_("IBAN"))
    bic = schema.TextLine(title=_("BIC"), required=False)
    tax_note = schema.TextLine(title=_("Tax note"), required=False)
    credited = schema.Bool(title=_("Credits added"), default=False)

    directives.write_permission(
        **dict.fromkeys(FIELDS, permissions.permission_id(permissions.MANAGE_CREDITS))
    )


@implementer(IInvoice, IProgrammeContent)
class Invoice(Item):
    def Title(self):
        return self.number or ""
