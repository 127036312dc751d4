"""Who may do what with credits, certificates and invoices: one table, every cell.

One row per role: the actions a role is not given, it is refused.
"""

import pytest
from builders import certified_course
from builders import create_programme
from builders import top_up
from matrix import assert_allowed_exactly
from matrix import transition
from plone import api
from plone.app.uuid.utils import uuidToObject

from qgis.certification.certificates import issuing
from qgis.certification.payments import orders
from qgis.certification.permissions import BUY_CREDITS
from qgis.certification.permissions import CORRECT_CERTIFICATE
from qgis.certification.permissions import DELETE_OBJECTS
from qgis.certification.permissions import ISSUE_CERTIFICATES
from qgis.certification.permissions import MANAGE_CERTIFICATES
from qgis.certification.permissions import MANAGE_CREDITS
from qgis.certification.permissions import MODIFY_PORTAL_CONTENT
from qgis.certification.permissions import VIEW
from qgis.certification.permissions import VIEW_CREDITS


ROLES = ("anonymous", "authenticated", "owner", "convener", "team", "psc", "manager")

# action -> (what it is checked on, permission or transition)
ACTIONS = {
    "view credits": ("organisation", VIEW_CREDITS),
    "adjust credits": ("organisation", MANAGE_CREDITS),
    "buy credits": ("organisation", BUY_CREDITS),
    "issue": ("course", ISSUE_CERTIFICATES),
    "view certificate": ("certificate", VIEW),
    "correct": ("certificate", CORRECT_CERTIFICATE),
    "revoke": ("certificate", transition("revoke")),
    "edit certificate": ("certificate", MODIFY_PORTAL_CONTENT),
    "delete certificate": ("certificate", DELETE_OBJECTS),
    "view invoice": ("invoice", VIEW),
    "mark paid": ("invoice", transition("mark_paid")),
    "organisation certificate": ("organisation", MANAGE_CERTIFICATES),
}

ALLOWED = {
    "view credits": {"owner", "team", "manager"},
    "adjust credits": {"team", "manager"},
    "buy credits": {"owner", "team", "manager"},
    "issue": {"owner", "team", "manager"},
    "view certificate": {"owner", "convener", "team", "manager"},
    "correct": {"owner", "team", "manager"},
    "revoke": {"owner", "team", "manager"},
    "edit certificate": {"team", "manager"},
    "delete certificate": set(),
    "view invoice": {"owner", "team", "manager"},
    "mark paid": {"team", "manager"},
    "organisation certificate": {"team", "manager"},
}


@pytest.fixture
def things(portal):
    create_programme(portal)
    organisation, course, people = certified_course(portal)
    top_up(organisation, 3)
    api.portal.set_registry_record(
        "qgis.certification.interfaces.IInvoiceSettings.iban", "CH9300762011623852957"
    )
    with api.env.adopt_user(username="owner"):
        (certificate, *_), _balance = issuing.issue_certificates(
            course, "all", "completion", "owner"
        )
        order = orders.place_order(organisation, 2, "invoice", "owner")
    invoice = uuidToObject(order["invoice"], unrestricted=True)
    return {
        "organisation": organisation,
        "course": course,
        "certificate": certificate,
        "invoice": invoice,
    }


@pytest.mark.parametrize("role", ROLES)
def test_certificate_matrix_row(things, role):
    checks = {action: (things[target], check) for action, (target, check) in ACTIONS.items()}
    expected = {action for action, roles in ALLOWED.items() if role in roles}
    assert_allowed_exactly(role, checks, expected)


def test_every_action_has_a_row():
    assert set(ALLOWED) == set(ACTIONS)
    assert all(roles <= set(ROLES) for roles in ALLOWED.values())
