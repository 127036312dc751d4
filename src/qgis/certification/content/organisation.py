from Acquisition import aq_chain
from Acquisition import aq_inner
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.fields import CountryChoice
from qgis.certification.content.validation import is_email


class ICertifyingOrganisation(model.Schema):
    """An organisation that teaches QGIS and applies to certify its attendees."""

    email = schema.TextLine(
        title=_("E-mail"),
        description=_("Where the programme writes to the organisation."),
        required=True,
        constraint=is_email,
    )
    phone = schema.TextLine(title=_("Phone"), required=False)
    website = schema.URI(title=_("Website"), required=False)
    address = schema.Text(title=_("Address"), required=False)
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
    )
    contributions = RichText(
        title=_("Evidence of the contributions"),
        description=_(
            "Describe each contribution with links the reviewers can follow "
            "(commits, documentation pages, plugins, sponsorship...). "
            "It is published with the organisation once certified."
        ),
        required=False,
    )


@implementer(ICertifyingOrganisation)
class CertifyingOrganisation(Container):
    pass


def organisation_of(context):
    """The certifying organisation ``context`` is in (or is), or None."""
    for item in aq_chain(aq_inner(context)):
        if ICertifyingOrganisation.providedBy(item):
            return item
    return None
