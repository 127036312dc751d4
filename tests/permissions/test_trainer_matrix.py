"""Who may do what with a trainer nomination, in each state: every role,
every action; the actions a role is not given, it is refused."""

import pytest
from builders import certified_course
from builders import nominate_trainer
from matrix import assert_allowed_exactly
from matrix import checks_on
from plone import api

from qgis.certification.permissions import ADD_TRAINER_NOMINATION
from qgis.certification.permissions import DELETE_OBJECTS
from qgis.certification.permissions import MODIFY_PORTAL_CONTENT
from qgis.certification.permissions import VIEW


ROLES = ("anonymous", "authenticated", "owner", "convener", "team", "psc", "manager")
SEEN = {"owner", "team", "manager"}

# state -> action -> roles allowed (every transition of the workflow is an action)
MATRIX = {
    "draft": {
        "view": SEEN,
        "edit": {"owner", "manager"},
        "delete": {"owner", "manager"},
        "submit": {"owner", "manager"},
    },
    "submitted": {
        "view": SEEN,
        "edit": {"manager"},
        "delete": {"manager"},
        "request_changes": {"team", "manager"},
        "approve": {"team", "manager"},
        "reject": {"team", "manager"},
    },
    "changes_requested": {
        "view": SEEN,
        "edit": {"owner", "manager"},
        "delete": {"owner", "manager"},
        "submit": {"owner", "manager"},
    },
    "approved": {
        "view": SEEN,
        "edit": {"owner", "team", "manager"},
        "renew": {"owner", "manager"},
        "lapse": {"team", "manager"},
        "revoke": {"team", "manager"},
    },
    "rejected": {"view": SEEN, "delete": {"manager"}},
    "lapsed": {"view": SEEN, "edit": {"owner", "manager"}, "renew": {"owner", "manager"}},
    "revoked": {"view": SEEN},
}
PERMISSIONS = {"view": VIEW, "edit": MODIFY_PORTAL_CONTENT, "delete": DELETE_OBJECTS}


@pytest.fixture
def organisation(programme):
    organisation, _course, _attendees = certified_course(programme)
    return organisation


@pytest.mark.parametrize("state", tuple(MATRIX))
def test_nomination_matrix_row(organisation, state):
    """Every role in one state (one nomination built per state: building is the slow part)."""
    nomination = nominate_trainer(organisation, state)
    checks = checks_on(nomination, PERMISSIONS)
    for role in ROLES:
        expected = {action for action, roles in MATRIX[state].items() if role in roles}
        assert_allowed_exactly(role, checks, expected)


@pytest.mark.parametrize(
    ("organisation_state", "allowed"),
    [("published", {"owner", "manager"}), ("draft", set())],
)
def test_only_owners_of_certified_organisations_nominate(programme, organisation_state, allowed):
    from builders import bring_to
    from builders import create_application

    organisation = bring_to(create_application(programme, "Other"), organisation_state)
    checks = {"nominate": (organisation, ADD_TRAINER_NOMINATION)}
    for role in ROLES:
        expected = {"nominate"} if role in allowed else set()
        assert_allowed_exactly(role, checks, expected)


def test_every_state_and_transition_has_its_row(organisation):
    nomination = nominate_trainer(organisation)
    workflow = api.portal.get_tool("portal_workflow").getWorkflowsFor(nomination)[0]
    assert set(MATRIX) == set(workflow.states.objectIds())
    offered = {action for actions in MATRIX.values() for action in actions}
    assert set(workflow.transitions.objectIds()) <= offered
