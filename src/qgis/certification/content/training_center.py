from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.fields import CountryChoice
from qgis.certification.content.validation import is_email


class ITrainingCenter(model.Schema):
    """A place where the organisation runs courses."""

    address = schema.Text(title=_("Address"), required=False)
    email = schema.TextLine(title=_("E-mail"), required=False, constraint=is_email)
    phone = schema.TextLine(title=_("Phone"), required=False)
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
    )
    longitude = schema.Float(
        title=_("Longitude"),
        description=_("In decimal degrees, between -180 and 180."),
        required=False,
        min=-180.0,
        max=180.0,
    )


@implementer(ITrainingCenter)
class TrainingCenter(Item):
    pass
