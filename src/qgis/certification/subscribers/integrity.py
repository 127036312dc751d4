"""A course keeps its training centre and course type: neither is deleted
while a course refers to it (its page, feeds and certificates read them)."""

from plone import api
from zExceptions import Forbidden
from zope.i18nmessageid import Message

from qgis.certification import _
from qgis.certification.subscribers.messages import in_request_language


CENTRE_IN_USE = _(
    "This training centre is where ${count} course(s) take place (${courses}): "
    "move them to another centre before deleting it."
)
COURSE_TYPE_IN_USE = _(
    "${count} course(s) are of this course type (${courses}): "
    "change their course type before deleting it."
)


def _courses_referring(uid, index):
    return api.content.find(portal_type="Course", unrestricted=True, **{index: uid})


def _refuse_if_used(item, event, index, message):
    # deleting the whole organisation (or site) takes its courses along
    if event.object is not item:
        return
    uid = api.content.get_uuid(obj=item)
    courses = _courses_referring(uid, index) if uid else []
    if courses:
        titles = ", ".join(brain.Title for brain in courses[:5])
        raise Forbidden(
            in_request_language(
                Message(message, mapping={"count": len(courses), "courses": titles})
            )
        )


def training_center_removal(centre, event):
    _refuse_if_used(
        centre,
        event,
        "qgis_training_center",
        CENTRE_IN_USE,
    )


def course_type_removal(course_type, event):
    _refuse_if_used(
        course_type,
        event,
        "qgis_course_type",
        COURSE_TYPE_IN_USE,
    )
