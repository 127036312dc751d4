"""Events of courses: the publish guard and the convener's local role."""

from plone import api
from plone.app.uuid.utils import uuidToObject
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.content.organisation import organisation_of


CONVENER_ROLE = "CourseConvener"


def check_transition(course, event):
    if event.transition is None or event.transition.id != "publish":
        return
    organisation = organisation_of(course)
    if organisation is None or api.content.get_state(organisation) != "published":
        raise WorkflowException(
            translate(
                _("A course can be published only once its organisation is certified."),
                context=api.env.getRequest(),
            )
        )


def convener_user_id(course):
    convener = uuidToObject(course.convener, unrestricted=True) if course.convener else None
    return getattr(convener, "user_id", None)


def sync_convener_role(course, event=None):
    """The course's convener, and nobody else, holds the convener role on it."""
    wanted = convener_user_id(course)
    changed = False
    for user_id, roles in course.get_local_roles():
        if CONVENER_ROLE in roles and user_id != wanted:
            remaining = [role for role in roles if role != CONVENER_ROLE]
            if remaining:
                course.manage_setLocalRoles(user_id, remaining)
            else:
                course.manage_delLocalRoles([user_id])
            changed = True
    if wanted and CONVENER_ROLE not in course.get_local_roles_for_userid(wanted):
        course.manage_addLocalRoles(wanted, [CONVENER_ROLE])
        changed = True
    if changed:
        course.reindexObjectSecurity()
