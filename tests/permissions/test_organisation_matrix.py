"""Who may do what on a certifying organisation, in each state of its workflow.

The table is the policy: one row per (state, role). Changing the policy is one
edit here, and every cell is asserted.
"""

import pytest
from builders import STATES
from builders import bring_to
from builders import create_application
from plone import api


ROLES = (
    "anonymous",
    "authenticated",
    "owner",
    "reviewer_right",  # reviewer of a user group covering the organisation's country
    "reviewer_other",  # reviewer of a user group of another country
    "team",  # CertificationManager
    "psc",  # PSCMember
    "manager",
)
USER_OF = {
    "authenticated": "stranger",
    "owner": "owner",
    "reviewer_right": "reviewer_ro",
    "reviewer_other": "reviewer_se",
    "team": "team",
    "psc": "psc_member",
    "manager": "site_manager",
}

# Columns: view, edit, transitions offered, may give an opinion, may read review data
V, E, OP, R = "view", "edit", "opinion", "review data"
NOTHING = (set(), set())


def row(*rights, transitions=()):
    return set(rights), set(transitions)


MATRIX = {
    "draft": {
        "owner": row(V, E, transitions={"submit"}),
        "team": row(V, R),
        "psc": row(R),
        "manager": row(V, E, R, transitions={"submit"}),
    },
    "submitted": {
        "owner": row(V),
        "team": row(V, R, transitions={"request_changes", "send_to_user_groups", "send_to_psc"}),
        "psc": row(V, R),
        "manager": row(
            V,
            E,
            R,
            transitions={"request_changes", "send_to_user_groups", "send_to_psc"},
        ),
    },
    "user_group_review": {
        "owner": row(V),
        "reviewer_right": row(V, OP, R),
        "team": row(V, R, transitions={"request_changes", "send_to_psc"}),
        "psc": row(V, R),
        "manager": row(V, E, R, transitions={"request_changes", "send_to_psc"}),
    },
    "psc_decision": {
        "owner": row(V),
        "reviewer_right": row(V, R),
        "team": row(V, R, transitions={"request_changes"}),
        "psc": row(V, R, transitions={"approve", "reject"}),
        "manager": row(V, E, R, transitions={"request_changes", "approve", "reject"}),
    },
    "published": {
        "anonymous": row(V),
        "authenticated": row(V),
        "owner": row(V, E),
        "reviewer_right": row(V),
        "reviewer_other": row(V),
        "team": row(V, E, R, transitions={"archive"}),
        "psc": row(V, R),
        "manager": row(V, E, R, transitions={"archive"}),
    },
    "rejected": {
        "owner": row(V),
        "team": row(V, R),
        "psc": row(V, R),
        "manager": row(V, E, R),
    },
    "archived": {
        "owner": row(V),
        "team": row(V, R, transitions={"reinstate"}),
        "psc": row(V, R),
        "manager": row(V, E, R, transitions={"reinstate"}),
    },
}

PERMISSIONS = {
    V: "View",
    E: "Modify portal content",
    OP: "qgis.certification: Give user group opinion",
    R: "qgis.certification: View review data",
}


def as_role(role):
    if role == "anonymous":
        return api.env.adopt_roles(["Anonymous"])
    return api.env.adopt_user(username=USER_OF[role])


def observed(organisation, role):
    workflow = api.portal.get_tool("portal_workflow")
    with as_role(role):
        rights = {
            name
            for name, permission in PERMISSIONS.items()
            if api.user.has_permission(permission, obj=organisation)
        }
        transitions = {t["id"] for t in workflow.getTransitionsFor(organisation)}
    return rights, transitions


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_matrix_cell(programme, state, role):
    organisation = bring_to(create_application(programme), state)
    expected = MATRIX[state].get(role, NOTHING)
    assert observed(organisation, role) == expected


def test_every_state_has_a_row():
    assert set(MATRIX) == set(STATES)
    assert all(set(rows) <= set(ROLES) for rows in MATRIX.values())
