from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.fields import PROMPTED
from qgis.certification.content.fields import CountryChoice
from qgis.certification.content.privacy import PRIVATE_DETAILS
from qgis.certification.content.validation import EMAIL_LENGTH
from qgis.certification.content.validation import PHONE_LENGTH
from qgis.certification.content.validation import TEXT_LENGTH
from qgis.certification.content.validation import is_email
from qgis.certification.content.validation import is_finite


class ITrainingCenter(model.Schema):
    """A place where the organisation runs courses."""

    directives.read_permission(email=PRIVATE_DETAILS, phone=PRIVATE_DETAILS)
    directives.widget("country", **PROMPTED)

    address = schema.Text(title=_("Address"), required=False, max_length=TEXT_LENGTH)
    email = schema.TextLine(
        title=_("E-mail"), required=False, max_length=EMAIL_LENGTH, constraint=is_email
    )
    phone = schema.TextLine(title=_("Phone"), required=False, max_length=PHONE_LENGTH)
    country = CountryChoice(
        title=_("Country"),
        vocabulary="qgis.certification.Countries",
        required=True,
    )
    latitude = schema.Float(
        title=_("Latitude"),
        description=_("In decimal degrees, between -90 and 90."),
        required=False,
        min=-90.0,
        max=90.0,
        constraint=is_finite,
    )
    longitude = schema.Float(
        title=_("Longitude"),
        description=_("In decimal degrees, between -180 and 180."),
        required=False,
        min=-180.0,
        max=180.0,
        constraint=is_finite,
    )


@implementer(ITrainingCenter)
class TrainingCenter(Item):
    pass
