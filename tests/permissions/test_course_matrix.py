"""Who may do what on a course of a certified organisation, in each state.

One row per (state, role): the rights and transitions a role is not given, it
is refused.
"""

import pytest
from builders import add_course_parts
from builders import bring_to
from builders import course_data
from builders import create_application
from builders import do
from matrix import assert_allowed_exactly
from matrix import checks_on
from matrix import row
from plone import api

from qgis.certification.permissions import ADD_ATTENDEE
from qgis.certification.permissions import MANAGE_ATTENDEES
from qgis.certification.permissions import MODIFY_PORTAL_CONTENT
from qgis.certification.permissions import VIEW


ROLES = ("anonymous", "authenticated", "owner", "convener", "team", "psc", "manager")
V, E, ADD, ATT = "view", "edit", "add attendee", "manage attendees"
PERMISSIONS = {
    V: VIEW,
    E: MODIFY_PORTAL_CONTENT,
    ADD: ADD_ATTENDEE,
    ATT: MANAGE_ATTENDEES,
}

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


def course_in(programme, state):
    organisation = bring_to(create_application(programme), "published")
    parts = add_course_parts(organisation)
    with api.env.adopt_user(username="owner"):
        course = api.content.create(container=organisation, type="Course", **course_data(*parts))
    if state == "published":
        do(course, "owner", "publish")
    elif state == "cancelled":
        do(course, "owner", "cancel")
    return course


@pytest.mark.parametrize("state", tuple(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_course_matrix_cell(programme, state, role):
    course = course_in(programme, state)
    expected = MATRIX[state].get(role, frozenset())
    assert_allowed_exactly(role, checks_on(course, PERMISSIONS), expected)
