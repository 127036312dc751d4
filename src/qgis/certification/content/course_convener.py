from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.privacy import PRIVATE_DETAILS
from qgis.certification.content.validation import LINE_LENGTH
from qgis.certification.content.validation import is_site_user


class ICourseConvener(model.Schema):
    """A trainer who convenes the organisation's courses (title: the name as printed)."""

    directives.read_permission(user_id=PRIVATE_DETAILS, signature=PRIVATE_DETAILS)

    user_id = schema.TextLine(
        title=_("User name"),
        description=_("The convener's account on this site: it lets them manage attendees."),
        required=True,
        max_length=LINE_LENGTH,
        constraint=is_site_user,
    )
    degree = schema.TextLine(
        title=_("Title or degree"),
        description=_("Printed before or after the name, for example 'Dr.' or 'MSc'."),
        required=False,
        max_length=LINE_LENGTH,
    )
    signature = NamedBlobImage(
        title=_("Signature"),
        description=_("A scan of the signature, printed on certificates."),
        required=False,
    )


@implementer(ICourseConvener)
class CourseConvener(Item):
    pass
