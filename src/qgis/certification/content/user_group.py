from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.fields import CountryChoice
from qgis.certification.content.validation import are_site_users
from qgis.certification.content.validation import is_email


class IUserGroup(model.Schema):
    """A local QGIS user group: it reviews the applications of its countries."""

    countries = schema.List(
        title=_("Countries"),
        description=_("The countries whose applications the group reviews."),
        value_type=CountryChoice(vocabulary="qgis.certification.Countries"),
        required=True,
        min_length=1,
    )
    members = schema.List(
        title=_("Reviewers"),
        description=_("User names of the members who review applications, one per line."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        constraint=are_site_users,
    )
    email = schema.TextLine(title=_("E-mail"), required=False, constraint=is_email)
    website = schema.URI(title=_("Website"), required=False)


@implementer(IUserGroup)
class UserGroup(Item):
    pass
