from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant

from qgis.certification import _
from qgis.certification.content.fields import PROMPTED
from qgis.certification.content.fields import OrganisationItemChoice
from qgis.certification.content.programme import IProgrammeContent
from qgis.certification.content.validation import TEXT_LENGTH
from qgis.certification.content.validation import dates_in_order
from qgis.certification.content.validation import is_course_date


class ICourse(model.Schema):
    """One run of a course type, by a convener, at a training centre."""

    directives.widget("course_type", **PROMPTED)
    directives.widget("convener", **PROMPTED)
    directives.widget("training_center", **PROMPTED)
    # no language until one is chosen; a course made without one (REST, scripts)
    # is taught in English
    directives.widget("course_language", showDefault=False, **PROMPTED)

    course_type = OrganisationItemChoice(
        title=_("Course type"),
        vocabulary="qgis.certification.OrganisationCourseTypes",
        required=True,
    )
    convener = OrganisationItemChoice(
        title=_("Convener"),
        vocabulary="qgis.certification.OrganisationConveners",
        required=True,
    )
    training_center = OrganisationItemChoice(
        title=_("Training centre"),
        vocabulary="qgis.certification.OrganisationTrainingCenters",
        required=True,
    )
    start_date = schema.Date(title=_("Start date"), required=True, constraint=is_course_date)
    end_date = schema.Date(title=_("End date"), required=True, constraint=is_course_date)
    # not ``language``: that is the item's Dublin Core language, which
    # Plone uses to choose the language of the page around it
    course_language = schema.Choice(
        title=_("Language"),
        description=_("The language the course is taught in."),
        vocabulary="qgis.certification.CourseLanguages",
        required=True,
        default="en",
    )
    trained_competence = schema.Text(
        title=_("Trained competence"),
        description=_("What attendees are able to do after the course."),
        required=False,
        max_length=TEXT_LENGTH,
    )

    @invariant
    def end_not_before_start(data):
        dates_in_order(data)


@implementer(ICourse, IProgrammeContent)
class Course(Container):
    pass
