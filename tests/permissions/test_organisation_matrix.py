"""Who may do what on a certifying organisation, in each state of its workflow.

The table is the policy: one row per (state, role). Changing the policy is one
edit here, and every cell is asserted: what a role is not given, it is refused.
"""

import pytest
from builders import STATES
from builders import bring_to
from builders import create_application
from matrix import assert_allowed_exactly
from matrix import checks_on
from matrix import row

from qgis.certification.permissions import GIVE_USER_GROUP_OPINION
from qgis.certification.permissions import MODIFY_PORTAL_CONTENT
from qgis.certification.permissions import VIEW
from qgis.certification.permissions import VIEW_REVIEW_DATA


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

# Columns: view, edit, may give an opinion, may read review data, and the
# workflow's transitions offered
V, E, OP, R = "view", "edit", "opinion", "review data"
PERMISSIONS = {
    V: VIEW,
    E: MODIFY_PORTAL_CONTENT,
    OP: GIVE_USER_GROUP_OPINION,
    R: VIEW_REVIEW_DATA,
}

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


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_matrix_cell(programme, state, role):
    organisation = bring_to(create_application(programme), state)
    expected = MATRIX[state].get(role, frozenset())
    assert_allowed_exactly(role, checks_on(organisation, PERMISSIONS), expected)


def test_every_state_has_a_row():
    assert set(MATRIX) == set(STATES)
    assert all(set(rows) <= set(ROLES) for rows in MATRIX.values())
