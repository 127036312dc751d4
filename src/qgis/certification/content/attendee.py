from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.catalogued import CataloguedSparingly
from qgis.certification.content.names import TitleFromNames
from qgis.certification.content.programme import IProgrammeContent
from qgis.certification.content.validation import EMAIL_LENGTH
from qgis.certification.content.validation import LINE_LENGTH
from qgis.certification.content.validation import is_email


class IAttendee(model.Schema):
    """A person attending a course. Never shown to the public."""

    first_name = schema.TextLine(title=_("First name"), required=True, max_length=LINE_LENGTH)
    last_name = schema.TextLine(title=_("Last name"), required=True, max_length=LINE_LENGTH)
    email = schema.TextLine(
        title=_("E-mail"), required=True, max_length=EMAIL_LENGTH, constraint=is_email
    )


@implementer(IAttendee, IProgrammeContent)
class Attendee(CataloguedSparingly, TitleFromNames, Item):
    """The title is the attendee's name: it is derived, never stored apart."""

    # set when the person's details were erased at their request
    erased_on = None
