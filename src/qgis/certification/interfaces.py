from decimal import Decimal

from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer

from qgis.certification import _
from qgis.certification.content.urls import MAX_URL_LENGTH
from qgis.certification.content.urls import is_web_url
from qgis.certification.content.validation import LINE_LENGTH
from qgis.certification.content.validation import TEXT_LENGTH
from qgis.certification.content.validation import is_finite


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
        max=365,
    )
    reminder_days_before = schema.Int(
        title=_("Reminder (days before the end)"),
        description=_("When user groups that have not answered are reminded."),
        default=7,
        min=0,
        max=365,
    )


class ICertificateSettings(Interface):
    """Settings of certificates and credits (registry, control panel)."""

    credit_price = schema.Decimal(
        title=_("Price of one credit"),
        description=_("One credit pays for one certificate."),
        default=Decimal("20.00"),
        min=Decimal("0.00"),
        max=Decimal("100000.00"),
        constraint=is_finite,
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
        max_length=LINE_LENGTH,
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
        max=365,
    )


def optional_line(title, description):
    return schema.TextLine(
        title=title, description=description, max_length=LINE_LENGTH, required=False
    )


class IInvoiceSettings(Interface):
    """The programme's invoicing details (registry, control panel)."""

    seller_name = schema.TextLine(title=_("Seller"), max_length=LINE_LENGTH, default="QGIS.ORG")
    seller_address = schema.Text(
        title=_("Seller's address"),
        max_length=TEXT_LENGTH,
        description=_("One line per address line."),
        required=False,
    )
    seller_vat_id = schema.TextLine(
        title=_("Seller's VAT number"), max_length=LINE_LENGTH, required=False
    )
    seller_email = schema.TextLine(
        title=_("Seller's e-mail"), max_length=LINE_LENGTH, default="certification@qgis.org"
    )
    bank_account_holder = schema.TextLine(
        title=_("Account holder"), max_length=LINE_LENGTH, default="QGIS.ORG"
    )
    iban = schema.TextLine(
        title=_("IBAN"),
        max_length=LINE_LENGTH,
        description=_("Invoices cannot be created until the programme's IBAN is set."),
        required=False,
    )
    bic = schema.TextLine(title=_("BIC"), max_length=LINE_LENGTH, required=False)
    tax_rate = schema.Decimal(
        title=_("Tax rate (%)"),
        default=Decimal("0"),
        min=Decimal("0"),
        max=Decimal("100"),
        constraint=is_finite,
    )
    tax_note = schema.TextLine(
        title=_("Tax note"),
        max_length=LINE_LENGTH,
        description=_(
            "Printed under the tax line of invoices in English when the tax rate is 0, for "
            "example a reverse-charge or exemption mention; also on invoices in a language "
            "whose own note is empty."
        ),
        required=False,
    )
    tax_note_ro = optional_line(
        _("Tax note (Romanian)"), _("Printed on invoices in Romanian when the tax rate is 0.")
    )
    tax_note_sv = optional_line(
        _("Tax note (Swedish)"), _("Printed on invoices in Swedish when the tax rate is 0.")
    )
    payment_days = schema.Int(title=_("Payment term (days)"), default=30, min=0, max=365)


class IMapSettings(Interface):
    """The public map (registry, control panel)."""

    tile_url = schema.TextLine(
        title=_("Map tiles URL"),
        max_length=MAX_URL_LENGTH,
        description=_("A Leaflet tile URL template, with {z}, {x} and {y}."),
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        constraint=is_web_url,
    )
    attribution = schema.TextLine(
        title=_("Map attribution"),
        max_length=TEXT_LENGTH,
        description=_("Shown on the map, as the tile provider requires (HTML allowed)."),
        default=(
            '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
            "contributors"
        ),
    )


class ITrainerSettings(Interface):
    """Settings of the certified trainers (registry, control panel)."""

    validity_months = schema.Int(
        title=_("Trainer certificate validity (months)"),
        description=_("How long a trainer certificate is valid after its approval."),
        default=24,
        min=1,
        max=120,
    )
    reminder_days_before = schema.Int(
        title=_("Renewal reminder (days before the end)"),
        description=_("When the organisation is reminded to renew a trainer certificate."),
        default=60,
        min=0,
        max=365,
    )
    costs_credits = schema.Bool(
        title=_("Trainer certificates cost credits"),
        description=_("When on, approving a nomination takes credits from the organisation."),
        default=False,
        required=False,
    )
    credits = schema.Int(
        title=_("Credits per trainer certificate"),
        description=_("Taken from the organisation when trainer certificates cost credits."),
        default=1,
        min=1,
        max=1000,
    )


class IPrivacySettings(Interface):
    """How long personal data is kept, and the attendees' links (registry, control panel)."""

    attendee_retention_months = schema.Int(
        title=_("Keep attendees without a certificate (months)"),
        description=_(
            "Attendee records that never received a certificate are removed this many months "
            "after their course ended, by the daily maintenance run."
        ),
        default=24,
        min=1,
        max=240,
    )
    link_validity_hours = schema.Int(
        title=_("Validity of the attendees' data links (hours)"),
        description=_("How long the link mailed to an attendee who asks for their data works."),
        default=48,
        min=1,
        max=720,
    )


class ISignUpSettings(Interface):
    """How many accounts one network address may create (registry)."""

    signups_per_address = schema.Int(
        title=_("Accounts per network address"),
        description=_("How many accounts may be created from one network address in the period."),
        default=5,
        min=1,
        max=1000,
    )
    signup_period_hours = schema.Int(
        title=_("Period of the sign-up limit (hours)"),
        description=_("The period over which the accounts created from one address are counted."),
        default=1,
        min=1,
        max=168,
    )


# Certificate wording: the texts of the certificates, per language -----------


class MissingPlaceholder(schema.ValidationError):
    __doc__ = _("Keep the placeholders of this text.")

    def doc(self):
        return _(
            "Keep the placeholders ${placeholders} in this text: the certificate fills them in.",
            mapping={"placeholders": " ".join(self.args[0])},
        )


def placeholders(*names):
    """A constraint: the text keeps each ``${name}`` the renderer fills in."""

    def check(value):
        missing = [f"${{{name}}}" for name in names if f"${{{name}}}" not in (value or "")]
        if missing:
            raise MissingPlaceholder(missing)
        return True

    return check


def _line(title, description=None, needs=(), field=schema.TextLine, max_length=LINE_LENGTH):
    """A required text of the wording that keeps the placeholders ``needs``."""
    return field(
        title=title,
        description=description,
        max_length=max_length,
        required=True,
        constraint=placeholders(*needs),
    )


def _sentence(title, description=None, needs=()):
    return _line(title, description, needs, field=schema.Text, max_length=TEXT_LENGTH)


class ICertificateWording(Interface):
    """Everything a certificate prints in one language (registry, one set of
    records per language; the certification team edits them in Site Setup).

    ``${...}`` placeholders are filled in by the certificate."""

    title = _line(_("Title of an attendee's certificate"))
    certifies = _line(_("Line above the holder's name"))
    completion = _sentence(
        _("Sentence of a completion certificate"), _("Printed under the name, above the course.")
    )
    attendance = _sentence(
        _("Sentence of an attendance certificate"), _("Printed under the name, above the course.")
    )
    single_day = _line(_("Date of a one-day course"), needs=("date",))
    period = _line(_("Dates of a course"), needs=("start", "end"))
    hours = _line(_("Instruction hours"), needs=("hours",))
    competence = _line(_("Trained competence"), needs=("competence",))
    convened = _line(_("Convener and training centre"), needs=("convener", "centre"))
    convener = _line(_("Role under the convener's signature"))
    representative = _line(_("Role under the programme's signature"))
    programme = _line(
        _("Programme name"), _("Printed under the QGIS wordmark, e.g. Certification Programme.")
    )
    issued_on = _line(_("Issue date"), needs=("date",))
    code = _line(_("Label of the verification code"))
    verify_at = _line(_("Label of the verification address"))
    revoked = _line(_("Stamp of a revoked certificate"))
    provider_title = _line(_("Title of an organisation's certificate"))
    membership = _sentence(_("Sentence of an organisation's certificate"))
    trainer_title = _line(_("Title of a trainer certificate"))
    trainer_of = _sentence(_("Sentence of a trainer certificate"), needs=("organisation",))
    valid_period = _line(_("Validity of a trainer certificate"), needs=("start", "end"))
    lapsed = _line(_("Stamp of a lapsed trainer certificate"))
