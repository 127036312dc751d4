"""Events of courses: the publish guard, the convener's local role, and
attendees that nobody but the organisation owns."""

from plone import api
from plone.app.uuid.utils import uuidToObject
from Products.CMFCore.WorkflowCore import WorkflowException

from qgis.certification import _
from qgis.certification.content.organisation import organisation_of
from qgis.certification.localroles import set_role_holders
from qgis.certification.subscribers.messages import in_request_language


CONVENER_ROLE = "CourseConvener"
OWNER_ROLE = "Owner"


def check_transition(course, event):
    if event.transition is None or event.transition.id != "publish":
        return
    organisation = organisation_of(course)
    if organisation is None or api.content.get_state(organisation) != "published":
        raise WorkflowException(
            in_request_language(
                _("A course can be published only once its organisation is certified.")
            )
        )


def convener_user_id(course):
    convener = uuidToObject(course.convener, unrestricted=True) if course.convener else None
    return getattr(convener, "user_id", None)


def sync_convener_role(course, event=None):
    """The course's convener, and nobody else, holds the convener role on it."""
    convener = convener_user_id(course)
    set_role_holders(course, CONVENER_ROLE, {convener} if convener else set())


def courses_of_convener(convener):
    """The courses of the convener's organisation that name this convener."""
    organisation = organisation_of(convener)
    if organisation is None:
        return []
    brains = api.content.find(context=organisation, portal_type="Course", unrestricted=True)
    courses = (brain._unrestrictedGetObject() for brain in brains)
    return [course for course in courses if course.convener == convener.UID()]


def convener_changed(convener, event=None):
    """A convener's account changed: the courses they convene follow it."""
    for course in courses_of_convener(convener):
        sync_convener_role(course)


def release_ownership(attendee, event=None):
    """Whoever adds an attendee does not own it: the organisation's owners hold
    their role from the organisation, and a convener's rights come only from the
    course's convener role, so that they end when the course changes hands."""
    organisation = organisation_of(attendee)
    keep = set(organisation.users_with_local_role(OWNER_ROLE)) if organisation else set()
    owners = set(attendee.users_with_local_role(OWNER_ROLE))
    set_role_holders(attendee, OWNER_ROLE, owners & keep)
