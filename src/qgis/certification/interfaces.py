from decimal import Decimal

from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer

from qgis.certification import _


class IQgisCertificationLayer(IDefaultBrowserLayer):
    """Browser layer: views and resources of the product apply only where it is
    installed."""


class IReviewSettings(Interface):
    """Settings of the application review (registry, control panel)."""

    user_group_review_days = schema.Int(
        title=_("User group review period (days)"),
        description=_("How long the local user groups have to give their opinion."),
        default=30,
        min=1,
    )
    reminder_days_before = schema.Int(
        title=_("Reminder (days before the end)"),
        description=_("When user groups that have not answered are reminded."),
        default=7,
        min=0,
    )


class ICertificateSettings(Interface):
    """Settings of certificates and credits (registry, control panel)."""

    credit_price = schema.Decimal(
        title=_("Price of one credit"),
        description=_("One credit pays for one certificate."),
        default=Decimal("20.00"),
        min=Decimal("0.00"),
    )
    currency = schema.TextLine(
        title=_("Currency"),
        description=_("ISO 4217 code, for example EUR."),
        default="EUR",
        min_length=3,
        max_length=3,
    )
    representative_name = schema.TextLine(
        title=_("Programme representative"),
        description=_("The name printed under the programme's signature on every certificate."),
        default="QGIS Certification Programme",
        required=False,
    )
    correction_days = schema.Int(
        title=_("Correction and revocation window (days)"),
        description=_(
            "How long after issue an organisation may correct or revoke a certificate itself."
        ),
        default=7,
        min=0,
    )


class IInvoiceSettings(Interface):
    """The programme's invoicing details (registry, control panel)."""

    seller_name = schema.TextLine(title=_("Seller"), default="QGIS.ORG")
    seller_address = schema.Text(
        title=_("Seller's address"), description=_("One line per address line."), required=False
    )
    seller_vat_id = schema.TextLine(title=_("Seller's VAT number"), required=False)
    seller_email = schema.TextLine(title=_("Seller's e-mail"), default="certification@qgis.org")
    bank_account_holder = schema.TextLine(title=_("Account holder"), default="QGIS.ORG")
    iban = schema.TextLine(
        title=_("IBAN"),
        description=_("Invoices cannot be created until the programme's IBAN is set."),
        required=False,
    )
    bic = schema.TextLine(title=_("BIC"), required=False)
    tax_rate = schema.Decimal(
        title=_("Tax rate (%)"), default=Decimal("0"), min=Decimal("0"), max=Decimal("100")
    )
    tax_note = schema.TextLine(
        title=_("Tax note"),
        description=_("Printed under the tax line, for example a reverse-charge mention."),
        required=False,
    )
    payment_days = schema.Int(title=_("Payment term (days)"), default=30, min=0)


class IMapSettings(Interface):
    """The public map (registry, control panel)."""

    tile_url = schema.TextLine(
        title=_("Map tiles URL"),
        description=_("A Leaflet tile URL template, with {z}, {x} and {y}."),
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    )
    attribution = schema.TextLine(
        title=_("Map attribution"),
        description=_("Shown on the map, as the tile provider requires (HTML allowed)."),
        default=(
            '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
            "contributors"
        ),
    )


class IProgrammeContent(Interface):
    """Marker of the programme's content that has a workflow: its review
    history's comments are review data (see services/workflow.py)."""
