from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.fields import CountryChoice
from qgis.certification.content.privacy import PRIVATE_DETAILS
from qgis.certification.content.programme import IProgrammeContent
from qgis.certification.content.urls import MAX_URL_LENGTH
from qgis.certification.content.urls import is_web_url
from qgis.certification.content.validation import EMAIL_LENGTH
from qgis.certification.content.validation import LINE_LENGTH
from qgis.certification.content.validation import MAX_LIST_LENGTH
from qgis.certification.content.validation import are_site_users
from qgis.certification.content.validation import is_email


class IUserGroup(model.Schema):
    """A local QGIS user group: it reviews the applications of its countries."""

    directives.read_permission(members=PRIVATE_DETAILS)

    countries = schema.List(
        title=_("Countries"),
        description=_("The countries whose applications the group reviews."),
        value_type=CountryChoice(vocabulary="qgis.certification.Countries"),
        required=True,
        min_length=1,
        max_length=MAX_LIST_LENGTH,
    )
    members = schema.List(
        title=_("Reviewers"),
        description=_("User names of the members who review applications, one per line."),
        value_type=schema.TextLine(max_length=LINE_LENGTH),
        max_length=MAX_LIST_LENGTH,
        required=False,
        default=[],
        constraint=are_site_users,
    )
    email = schema.TextLine(
        title=_("E-mail"), required=False, max_length=EMAIL_LENGTH, constraint=is_email
    )
    website = schema.URI(
        title=_("Website"),
        description=_("A web address that starts with http:// or https://."),
        required=False,
        max_length=MAX_URL_LENGTH,
        constraint=is_web_url,
    )


@implementer(IUserGroup, IProgrammeContent)
class UserGroup(Item):
    pass
