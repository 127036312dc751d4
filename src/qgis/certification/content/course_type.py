from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _


class ICourseType(model.Schema):
    """A course the organisation teaches; holds its training material."""

    instruction_hours = schema.Int(
        title=_("Instruction hours"),
        description=_("Hours of teaching in the whole course."),
        required=True,
        min=1,
    )
    url = schema.URI(
        title=_("Course page"),
        description=_("Where the course is described on the organisation's site."),
        required=False,
    )


@implementer(ICourseType)
class CourseType(Container):
    pass
