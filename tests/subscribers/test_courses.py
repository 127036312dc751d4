"""Courses: parts from the same organisation, the publish guard, the convener's
role, and who sees courses and attendees."""

from datetime import date

import pytest
from builders import add_course_parts
from builders import bring_to
from builders import course_data
from builders import create_application
from builders import do
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.interface import Invalid

from qgis.certification.content.course import ICourse
from qgis.certification.content.fields import NotInOrganisation


@pytest.fixture
def certified(programme):
    organisation = bring_to(create_application(programme), "published")
    parts = add_course_parts(organisation)
    return organisation, parts


def add_course(organisation, parts, **extra):
    with api.env.adopt_user(username="owner"):
        return api.content.create(
            container=organisation, type="Course", **course_data(*parts, **extra)
        )


def test_course_parts_must_belong_to_the_organisation(programme, certified):
    organisation, parts = certified
    other = bring_to(create_application(programme, title="Other Academy"), "published")
    _type, foreign_convener, _centre = add_course_parts(other)
    field = ICourse["convener"].bind(organisation)
    field.validate(parts[1].UID())
    with pytest.raises(NotInOrganisation):
        field.validate(foreign_convener.UID())


def test_end_date_not_before_start():
    class Data:
        start_date = date(2027, 3, 3)
        end_date = date(2027, 3, 1)

    with pytest.raises(Invalid):
        ICourse.validateInvariants(Data())


def test_convener_gets_a_local_role_that_follows_the_field(programme, certified):
    organisation, parts = certified
    course = add_course(organisation, parts)
    assert "CourseConvener" in course.get_local_roles_for_userid("convener")
    with api.env.adopt_user(username="convener"):
        assert api.user.has_permission("qgis.certification: Add Attendee", obj=course)
        assert not api.user.has_permission("Modify portal content", obj=course)
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(
            container=organisation, type="CourseConvener", title="Bo", user_id="stranger"
        )
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    # an edit by someone who may edit (an edit also saves a version of the course)
    with api.env.adopt_roles(["Manager"]):
        course.convener = other.UID()
        notify(ObjectModifiedEvent(course))
    assert "CourseConvener" not in course.get_local_roles_for_userid("convener")
    assert "CourseConvener" in course.get_local_roles_for_userid("stranger")


def test_courses_only_in_certified_organisations(programme):
    organisation = create_application(programme)
    with api.env.adopt_user(username="owner"):
        assert not api.user.has_permission("qgis.certification: Add Course", obj=organisation)


def test_publish_needs_a_certified_organisation(programme, certified):
    organisation, parts = certified
    course = add_course(organisation, parts)
    do(organisation, "team", "archive")
    with pytest.raises(WorkflowException, match="once its organisation is certified"):
        do(course, "owner", "publish")
    assert api.content.get_state(course) == "draft"


def test_anonymous_sees_published_courses_never_attendees(programme, certified):
    organisation, parts = certified
    course = add_course(organisation, parts)
    with api.env.adopt_user(username="convener"):
        attendee = api.content.create(
            container=course,
            type="Attendee",
            id="ion-popescu",
            first_name="Ion",
            last_name="Popescu",
            email="ion@example.org",
        )
    assert attendee.Title() == "Ion Popescu"
    with api.env.adopt_roles(["Anonymous"]):
        assert not api.user.has_permission("View", obj=course)
    do(course, "owner", "publish")
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission("View", obj=course)
        assert not api.user.has_permission("View", obj=attendee)
    # an archived organisation hides its published courses too
    do(organisation, "team", "archive")
    with api.env.adopt_roles(["Anonymous"]):
        assert not api.user.has_permission("View", obj=course)
    with api.env.adopt_user(username="convener"):
        assert api.user.has_permission("View", obj=attendee)
