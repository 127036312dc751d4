"""Courses and their attendees."""

from qgis.certification.builders.adding import add
from qgis.certification.subscribers.course import CONVENER_ROLE
from qgis.certification.subscribers.course import convener_user_id


def course_parts(course_type, convener, centre):
    """The fields of a course that name its course type, convener and centre."""
    return {
        "course_type": course_type.UID(),
        "convener": convener.UID(),
        "training_center": centre.UID(),
    }


def add_course(organisation, title, object_id=None, bulk=None, **fields):
    """A draft course (publish it with ``adding.act``); ``fields`` include its
    ``course_parts``."""
    course = add(organisation, "Course", object_id, bulk, title=title, **fields)
    if bulk is not None:
        # what the added event's subscriber does: the convener's local role
        user_id = convener_user_id(course)
        if user_id:
            course.manage_addLocalRoles(user_id, [CONVENER_ROLE])
    return course


def add_attendee(course, first_name, last_name, email, object_id=None, bulk=None):
    return add(
        course,
        "Attendee",
        object_id,
        bulk,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
