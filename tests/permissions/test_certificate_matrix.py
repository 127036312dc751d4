"""Who may do what with credits, certificates and invoices: one table, every cell."""

import pytest
from builders import certified_course
from builders import create_programme
from builders import top_up
from plone import api
from plone.app.uuid.utils import uuidToObject

from qgis.certification.certificates import issuing
from qgis.certification.payments import orders


USER_OF = {
    "authenticated": "stranger",
    "owner": "owner",
    "convener": "convener",
    "team": "team",
    "psc": "psc_member",
    "manager": "site_manager",
}
ROLES = ("anonymous", *USER_OF)

# action -> (what it is checked on, permission or transition)
ACTIONS = {
    "view credits": ("organisation", "qgis.certification: View credits"),
    "adjust credits": ("organisation", "qgis.certification: Manage credits"),
    "buy credits": ("organisation", "qgis.certification: Buy credits"),
    "issue": ("course", "qgis.certification: Issue certificates"),
    "view certificate": ("certificate", "View"),
    "correct": ("certificate", "qgis.certification: Correct certificate"),
    "revoke": ("certificate", "transition:revoke"),
    "edit certificate": ("certificate", "Modify portal content"),
    "delete certificate": ("certificate", "Delete objects"),
    "view invoice": ("invoice", "View"),
    "mark paid": ("invoice", "transition:mark_paid"),
    "organisation certificate": ("organisation", "qgis.certification: Manage certificates"),
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


def allowed(obj, check):
    if check.startswith("transition:"):
        workflow = api.portal.get_tool("portal_workflow")
        return check.split(":", 1)[1] in {t["id"] for t in workflow.getTransitionsFor(obj)}
    return bool(api.user.has_permission(check, obj=obj))


@pytest.mark.parametrize("role", ROLES)
def test_certificate_matrix_row(things, role):
    context = (
        api.env.adopt_roles(["Anonymous"])
        if role == "anonymous"
        else api.env.adopt_user(username=USER_OF[role])
    )
    with context:
        observed = {
            action for action, (target, check) in ACTIONS.items() if allowed(things[target], check)
        }
    expected = {action for action, roles in ALLOWED.items() if role in roles}
    assert observed == expected
