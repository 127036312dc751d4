from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.urls import MAX_URL_LENGTH
from qgis.certification.content.urls import is_web_url


class ICourseType(model.Schema):
    """A course the organisation teaches; holds its training material."""

    instruction_hours = schema.Int(
        title=_("Instruction hours"),
        description=_("Hours of teaching in the whole course."),
        required=True,
        min=1,
        max=1000,
    )
    url = schema.URI(
        title=_("Course page"),
        description=_(
            "Where the course is described on the organisation's site "
            "(a web address that starts with http:// or https://)."
        ),
        required=False,
        max_length=MAX_URL_LENGTH,
        constraint=is_web_url,
    )


@implementer(ICourseType)
class CourseType(Container):
    pass
