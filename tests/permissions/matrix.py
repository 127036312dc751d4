"""Checking a behavioural permission matrix: what one user may do, and may not.

A matrix file states, per role (and per state where it matters), the actions a
user in that role may take; every other action of its table must be refused.
An action is checked on an object either as a permission or, written
``transition(id)``, as a workflow transition the user is offered there.
"""

from plone import api


# role in the matrices -> the user of tests/builders.py who plays it
USER_OF = {
    "authenticated": "stranger",
    "owner": "owner",
    "reviewer_right": "reviewer_ro",  # reviewer of a user group covering the country
    "reviewer_other": "reviewer_se",  # reviewer of a user group of another country
    "convener": "convener",
    "team": "team",  # CertificationManager
    "psc": "psc_member",  # PSCMember
    "manager": "site_manager",
}
TRANSITION = "transition:"


def transition(transition_id):
    return TRANSITION + transition_id


def row(*actions, transitions=()):
    """The actions allowed in one cell of a matrix, its transitions included."""
    return frozenset(actions) | frozenset(transitions)


def acting_as(role):
    if role == "anonymous":
        return api.env.adopt_roles(["Anonymous"])
    return api.env.adopt_user(username=USER_OF[role])


def allowed(context, check):
    """Whether the current user holds the permission, or is offered the
    transition, ``check`` on ``context``."""
    if check.startswith(TRANSITION):
        offered = api.portal.get_tool("portal_workflow").getTransitionsFor(context)
        return check.removeprefix(TRANSITION) in {t["id"] for t in offered}
    return bool(api.user.has_permission(check, obj=context))


def may(role, context, check):
    with acting_as(role):
        return allowed(context, check)


def workflow_transitions(context):
    """action -> check for every transition of ``context``'s workflow, each
    action named as its transition."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    return {
        transition_id: (context, transition(transition_id))
        for workflow in workflow_tool.getWorkflowsFor(context)
        for transition_id in workflow.transitions.objectIds()
    }


def checks_on(context, permissions):
    """The permissions (action -> permission) and every workflow transition
    on ``context``, as checks for ``assert_allowed_exactly``."""
    checks = {action: (context, permission) for action, permission in permissions.items()}
    transitions = workflow_transitions(context)
    assert not set(checks) & set(transitions), "an action is named as a transition"
    return checks | transitions


def assert_allowed_exactly(role, checks, expected):
    """``role`` may take exactly the ``expected`` actions among ``checks``
    (action -> (object, permission or transition)) and is refused the others."""
    observed = {action for action, (context, check) in checks.items() if may(role, context, check)}
    # matrix.py is not a test module: pytest does not explain its asserts
    wrong = f"wrongly allowed {sorted(observed - expected)}, refused {sorted(expected - observed)}"
    assert observed == expected, f"{role}: {wrong}"
