"""Who reviews an application, computed from the current truth.

The reviewers of an organisation are the members of the user groups that
cover its country now, and only while its workflow state gives their role
something to do. ``reviewers`` is the one place this is decided: the local
role ``UserGroupReviewer`` is re-synced from it whenever one of its inputs
changes (the organisation's country or state, a user group's countries or
members, a user group added or removed), and the opinion form and service ask
it which groups a user speaks for.
"""

from plone import api

from qgis.certification.application import review
from qgis.certification.localroles import set_role_holders


REVIEWER_ROLE = "UserGroupReviewer"
ORGANISATION_TYPE = "CertifyingOrganisation"


def _workflow_state(organisation):
    """The organisation's workflow and its current state definition."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflows = workflow_tool.getWorkflowsFor(organisation)
    if not workflows:
        return None
    workflow = workflows[0]
    state_id = workflow_tool.getInfoFor(organisation, "review_state", None)
    return workflow.states.get(state_id) if state_id else None


def state_grants_review(organisation):
    """Whether the organisation's workflow state grants the reviewers' role
    any permission: outside such states nobody is a reviewer of it."""
    state = _workflow_state(organisation)
    if state is None:
        return False
    return any(REVIEWER_ROLE in roles for roles in (state.permission_roles or {}).values())


def review_states():
    """The states of the organisation workflow that grant the reviewers' role."""
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById("qgis_organisation_workflow")
    return sorted(
        state.getId()
        for state in workflow.states.objectValues()
        if any(REVIEWER_ROLE in roles for roles in (state.permission_roles or {}).values())
    )


def reviewers(organisation):
    """``{user_id: [user groups]}``: who reviews the organisation now, and
    for which of the user groups covering its country."""
    if not state_grants_review(organisation):
        return {}
    found = {}
    for group in review.user_groups_of(organisation):
        for user_id in group.members or ():
            found.setdefault(user_id, []).append(group)
    return found


def reviewer_groups(organisation, user_id):
    """The covering user groups ``user_id`` reviews the organisation for now."""
    return reviewers(organisation).get(user_id, [])


def sync_reviewer_roles(organisation):
    """Give the reviewers' role to the current reviewers, and take it from
    everybody else. Returns whether anything changed."""
    return set_role_holders(organisation, REVIEWER_ROLE, reviewers(organisation))


def organisations_to_resync():
    """The organisations whose reviewers may change with the user groups:
    those whose state grants review, the only ones that can hold the role."""
    brains = api.content.find(
        portal_type=ORGANISATION_TYPE, review_state=review_states(), unrestricted=True
    )
    return [brain._unrestrictedGetObject() for brain in brains]


def resync_organisations():
    """Re-sync the reviewers' role of the organisations under review; returns
    those that changed."""
    return [
        organisation
        for organisation in organisations_to_resync()
        if sync_reviewer_roles(organisation)
    ]
