from Acquisition import aq_chain
from Acquisition import aq_inner
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.checkbox import CheckBoxFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.fields import PROMPTED
from qgis.certification.content.fields import CountryChoice
from qgis.certification.content.privacy import PRIVATE_DETAILS
from qgis.certification.content.programme import IProgrammeContent
from qgis.certification.content.urls import MAX_URL_LENGTH
from qgis.certification.content.urls import is_web_url
from qgis.certification.content.validation import EMAIL_LENGTH
from qgis.certification.content.validation import LINE_LENGTH
from qgis.certification.content.validation import PHONE_LENGTH
from qgis.certification.content.validation import TEXT_LENGTH
from qgis.certification.content.validation import is_email


class ICertifyingOrganisation(model.Schema):
    """An organisation that teaches QGIS and applies to certify its attendees."""

    directives.read_permission(
        email=PRIVATE_DETAILS, phone=PRIVATE_DETAILS, vat_number=PRIVATE_DETAILS
    )
    directives.widget("country", **PROMPTED)
    directives.widget(contribution_types=CheckBoxFieldWidget)

    email = schema.TextLine(
        title=_("E-mail"),
        description=_("Where the programme writes to the organisation."),
        required=True,
        max_length=EMAIL_LENGTH,
        constraint=is_email,
    )
    phone = schema.TextLine(title=_("Phone"), required=False, max_length=PHONE_LENGTH)
    website = schema.URI(
        title=_("Website"),
        description=_("A web address that starts with http:// or https://."),
        required=False,
        max_length=MAX_URL_LENGTH,
        constraint=is_web_url,
    )
    address = schema.Text(title=_("Address"), required=False, max_length=TEXT_LENGTH)
    country = CountryChoice(
        title=_("Country"),
        vocabulary="qgis.certification.Countries",
        required=True,
    )
    logo = NamedBlobImage(title=_("Logo"), required=False)
    vat_number = schema.TextLine(
        title=_("VAT number"),
        description=_("Printed on invoices; leave empty when the organisation has none."),
        required=False,
        max_length=LINE_LENGTH,
    )

    model.fieldset(
        "contributions",
        label=_("Contributions"),
        fields=["contribution_types", "contributions"],
    )
    contribution_types = schema.List(
        title=_("Kinds of contribution"),
        description=_("How the organisation contributes to the QGIS project."),
        value_type=schema.Choice(vocabulary="qgis.certification.ContributionTypes"),
        required=False,
        default=[],
        max_length=20,
    )
    contributions = RichText(
        title=_("Evidence of the contributions"),
        description=_(
            "Describe each contribution with links the reviewers can follow "
            "(commits, documentation pages, plugins, sponsorship...). "
            "It is published with the organisation once certified."
        ),
        required=False,
        max_length=50_000,
        # formatted text only: no choice of markup for applicants to puzzle over
        allowed_mime_types=("text/html",),
    )


@implementer(ICertifyingOrganisation, IProgrammeContent)
class CertifyingOrganisation(Container):
    pass


def organisation_of(context):
    """The certifying organisation ``context`` is in (or is), or None."""
    for item in aq_chain(aq_inner(context)):
        if ICertifyingOrganisation.providedBy(item):
            return item
    return None
