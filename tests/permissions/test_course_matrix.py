"""Who may do what on a course of a certified organisation, in each state."""

import pytest
from builders import add_course_parts
from builders import bring_to
from builders import course_data
from builders import create_application
from builders import do
from plone import api


USER_OF = {
    "authenticated": "stranger",
    "owner": "owner",
    "convener": "convener",
    "team": "team",
    "psc": "psc_member",
    "manager": "site_manager",
}
ROLES = ("anonymous", *USER_OF)
V, E, ADD, ATT = "view", "edit", "add attendee", "manage attendees"
PERMISSIONS = {
    V: "View",
    E: "Modify portal content",
    ADD: "qgis.certification: Add Attendee",
    ATT: "qgis.certification: Manage attendees",
}


def row(*rights, transitions=()):
    return set(rights), set(transitions)


MATRIX = {
    "draft": {
        "owner": row(V, E, ADD, ATT, transitions={"publish", "cancel"}),
        "convener": row(V, ADD, ATT),
        "team": row(V, E, ADD, ATT, transitions={"publish", "cancel"}),
        "psc": row(V),
        "manager": row(V, E, ADD, ATT, transitions={"publish", "cancel"}),
    },
    "published": {
        "anonymous": row(V),
        "authenticated": row(V),
        "owner": row(V, E, ADD, ATT, transitions={"retract", "cancel"}),
        "convener": row(V, ADD, ATT),
        "team": row(V, E, ADD, ATT, transitions={"retract", "cancel"}),
        "psc": row(V),
        "manager": row(V, E, ADD, ATT, transitions={"retract", "cancel"}),
    },
    "cancelled": {
        "owner": row(V),
        "convener": row(V),
        "team": row(V),
        "psc": row(V),
        "manager": row(V, E, ATT),
    },
}


def as_role(role):
    if role == "anonymous":
        return api.env.adopt_roles(["Anonymous"])
    return api.env.adopt_user(username=USER_OF[role])


@pytest.mark.parametrize("state", tuple(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_course_matrix_cell(programme, state, role):
    organisation = bring_to(create_application(programme), "published")
    parts = add_course_parts(organisation)
    with api.env.adopt_user(username="owner"):
        course = api.content.create(container=organisation, type="Course", **course_data(*parts))
    if state == "published":
        do(course, "owner", "publish")
    elif state == "cancelled":
        do(course, "owner", "cancel")
    workflow = api.portal.get_tool("portal_workflow")
    with as_role(role):
        rights = {
            name
            for name, permission in PERMISSIONS.items()
            if api.user.has_permission(permission, obj=course)
        }
        transitions = {t["id"] for t in workflow.getTransitionsFor(course)}
    assert (rights, transitions) == MATRIX[state].get(role, (set(), set()))
