"""A training centre or course type that courses use is not deleted from under them."""

import pytest
from builders import add_course_parts
from builders import bring_to
from builders import course_data
from builders import create_application
from plone import api
from zExceptions import Forbidden


@pytest.fixture
def parts(programme):
    organisation = bring_to(create_application(programme), "published")
    course_type, convener, centre = add_course_parts(organisation)
    return organisation, course_type, convener, centre


def add_course(organisation, course_type, convener, centre):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=organisation, type="Course", **course_data(course_type, convener, centre)
        )


@pytest.mark.parametrize(("part", "words"), [(3, "training centre"), (1, "course type")])
def test_a_used_part_is_not_deleted(parts, part, words):
    organisation, *course_parts = parts
    course = add_course(organisation, *course_parts)
    item = parts[part]
    with api.env.adopt_roles(["Manager"]), pytest.raises(Forbidden) as refusal:
        api.content.delete(item)
    assert words in str(refusal.value)
    assert course.Title() in str(refusal.value)
    assert item.getId() in organisation.objectIds()


def test_an_unused_centre_is_deleted(parts):
    organisation, _course_type, _convener, centre = parts
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(centre)
    assert centre.getId() not in organisation.objectIds()


def test_the_whole_organisation_goes_with_its_courses(parts):
    organisation, *course_parts = parts
    add_course(organisation, *course_parts)
    container = organisation.aq_parent
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(organisation)
    assert organisation.getId() not in container.objectIds()
