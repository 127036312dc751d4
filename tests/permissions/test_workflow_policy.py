"""The whole permission policy of the product's workflows and of its site-wide
defaults, as one table each, compared exactly with an installed site.

The workflows under ``profiles/default/workflows/`` grant permissions per state;
``profiles/default/rolemap.xml`` sets the site-wide defaults that apply where no
workflow manages a permission. Changing either means changing the table here:
every (workflow, state, managed permission) and every product permission at the
site root is one test, so a drift names the exact cell.

A cell is the set of roles granted. ``Acquired(...)`` marks a grant that also
takes the roles granted above (``acquired="True"`` / ``acquire="True"`` in the
XML); a plain set grants those roles only.
"""

import pytest
from plone import api

from qgis.certification import permissions
from qgis.certification.permissions import ACCESS_CONTENTS_INFORMATION
from qgis.certification.permissions import ACCESS_PREVIOUS_VERSIONS
from qgis.certification.permissions import ADD_ATTENDEE
from qgis.certification.permissions import ADD_CERTIFICATE
from qgis.certification.permissions import ADD_CERTIFICATE_TYPE
from qgis.certification.permissions import ADD_CERTIFYING_ORGANISATION
from qgis.certification.permissions import ADD_COURSE
from qgis.certification.permissions import ADD_COURSE_CONVENER
from qgis.certification.permissions import ADD_COURSE_TYPE
from qgis.certification.permissions import ADD_PORTAL_CONTENT
from qgis.certification.permissions import ADD_TRAINER_NOMINATION
from qgis.certification.permissions import ADD_TRAINING_CENTER
from qgis.certification.permissions import ADD_USER_GROUP
from qgis.certification.permissions import BUY_CREDITS
from qgis.certification.permissions import CHANGE_LOCAL_ROLES
from qgis.certification.permissions import CORRECT_CERTIFICATE
from qgis.certification.permissions import DECIDE_APPLICATION
from qgis.certification.permissions import DELEGATE_OWNER_ROLE
from qgis.certification.permissions import DELEGATE_ROLES
from qgis.certification.permissions import DELETE_OBJECTS
from qgis.certification.permissions import GIVE_USER_GROUP_OPINION
from qgis.certification.permissions import ISSUE_CERTIFICATES
from qgis.certification.permissions import MANAGE_ATTENDEES
from qgis.certification.permissions import MANAGE_CERTIFICATES
from qgis.certification.permissions import MANAGE_COURSE
from qgis.certification.permissions import MANAGE_CREDITS
from qgis.certification.permissions import MANAGE_PRIVACY_REQUESTS
from qgis.certification.permissions import MANAGE_SETTINGS
from qgis.certification.permissions import MODIFY_PORTAL_CONTENT
from qgis.certification.permissions import NOMINATE_TRAINER
from qgis.certification.permissions import REQUEST_REVIEW
from qgis.certification.permissions import REVERT_TO_PREVIOUS_VERSIONS
from qgis.certification.permissions import REVIEW_APPLICATION
from qgis.certification.permissions import REVIEW_PORTAL_CONTENT
from qgis.certification.permissions import REVIEW_TRAINER
from qgis.certification.permissions import REVOKE_CERTIFICATE
from qgis.certification.permissions import SUBMIT_APPLICATION
from qgis.certification.permissions import VIEW
from qgis.certification.permissions import VIEW_ALL_APPLICATIONS
from qgis.certification.permissions import VIEW_CREDITS
from qgis.certification.permissions import VIEW_PRIVATE_DETAILS
from qgis.certification.permissions import VIEW_QUESTIONNAIRE_ANSWERS
from qgis.certification.permissions import VIEW_REVIEW_DATA


class Acquired(frozenset):
    """These roles, plus whatever the parent grants."""


NOBODY = frozenset()

# Plone's roles
ANONYMOUS = "Anonymous"
AUTHENTICATED = "Authenticated"
OWNER = "Owner"
MANAGER = "Manager"
SITE_ADMIN = "Site Administrator"
# The product's roles (rolemap.xml)
TEAM = "CertificationManager"  # global: group certification-managers
PSC = "PSCMember"  # global: group psc
REVIEWER = "UserGroupReviewer"  # local: on an organisation, for its country's user groups
CONVENER = "CourseConvener"  # local: on a course, for its convener

# workflow -> state -> managed permission -> roles
WORKFLOWS = {
    "qgis_attendee_workflow": {
        "registered": {
            VIEW: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
        },
    },
    "qgis_certificate_workflow": {
        "issued": {
            VIEW: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {TEAM, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: NOBODY,
            REVOKE_CERTIFICATE: {OWNER, TEAM, MANAGER},
            CORRECT_CERTIFICATE: {OWNER, TEAM, MANAGER},
        },
        "revoked": {
            VIEW: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: NOBODY,
            DELETE_OBJECTS: NOBODY,
            REVOKE_CERTIFICATE: NOBODY,
            CORRECT_CERTIFICATE: NOBODY,
        },
    },
    "qgis_container_workflow": {
        "open": {
            VIEW: {ANONYMOUS},
            ACCESS_CONTENTS_INFORMATION: {ANONYMOUS},
            ADD_PORTAL_CONTENT: {AUTHENTICATED, TEAM, MANAGER, SITE_ADMIN},
        },
    },
    "qgis_course_workflow": {
        "draft": {
            VIEW: {OWNER, CONVENER, TEAM, PSC, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, CONVENER, TEAM, PSC, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            ADD_ATTENDEE: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            MANAGE_COURSE: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MANAGE_ATTENDEES: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            ISSUE_CERTIFICATES: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {OWNER, TEAM, MANAGER, SITE_ADMIN},
        },
        "published": {
            VIEW: Acquired({OWNER, CONVENER, TEAM, PSC, MANAGER, SITE_ADMIN}),
            ACCESS_CONTENTS_INFORMATION: Acquired(
                {OWNER, CONVENER, TEAM, PSC, MANAGER, SITE_ADMIN}
            ),
            MODIFY_PORTAL_CONTENT: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            ADD_ATTENDEE: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            MANAGE_COURSE: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MANAGE_ATTENDEES: {OWNER, CONVENER, TEAM, MANAGER, SITE_ADMIN},
            ISSUE_CERTIFICATES: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {OWNER, TEAM, MANAGER, SITE_ADMIN},
        },
        "cancelled": {
            VIEW: {OWNER, CONVENER, TEAM, PSC, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, CONVENER, TEAM, PSC, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            ADD_ATTENDEE: NOBODY,
            MANAGE_COURSE: {MANAGER, SITE_ADMIN},
            MANAGE_ATTENDEES: {MANAGER, SITE_ADMIN},
            ISSUE_CERTIFICATES: NOBODY,
            REVERT_TO_PREVIOUS_VERSIONS: {MANAGER, SITE_ADMIN},
        },
    },
    "qgis_invoice_workflow": {
        "unpaid": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: NOBODY,
            DELETE_OBJECTS: NOBODY,
            MANAGE_CREDITS: {TEAM, MANAGER, SITE_ADMIN},
        },
        "paid": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: NOBODY,
            DELETE_OBJECTS: NOBODY,
            MANAGE_CREDITS: NOBODY,
        },
        "cancelled": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: NOBODY,
            DELETE_OBJECTS: NOBODY,
            MANAGE_CREDITS: NOBODY,
        },
    },
    "qgis_organisation_workflow": {
        "draft": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {OWNER, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {OWNER, MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {OWNER, MANAGER, SITE_ADMIN},
            ADD_COURSE_TYPE: {OWNER, MANAGER, SITE_ADMIN},
            ADD_TRAINING_CENTER: {OWNER, MANAGER, SITE_ADMIN},
            ADD_COURSE_CONVENER: {OWNER, MANAGER, SITE_ADMIN},
            ADD_COURSE: NOBODY,
            ADD_TRAINER_NOMINATION: NOBODY,
            SUBMIT_APPLICATION: {OWNER, MANAGER},
            REVIEW_APPLICATION: NOBODY,
            DECIDE_APPLICATION: NOBODY,
            GIVE_USER_GROUP_OPINION: NOBODY,
            VIEW_REVIEW_DATA: {TEAM, PSC, MANAGER, SITE_ADMIN},
            DELEGATE_OWNER_ROLE: {OWNER, MANAGER, SITE_ADMIN},
            DELEGATE_ROLES: {OWNER, MANAGER, SITE_ADMIN},
            CHANGE_LOCAL_ROLES: {OWNER, MANAGER, SITE_ADMIN},
            REVIEW_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            ACCESS_PREVIOUS_VERSIONS: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {OWNER, MANAGER, SITE_ADMIN},
            REQUEST_REVIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
        },
        "submitted": {
            VIEW: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            ADD_COURSE_TYPE: {MANAGER, SITE_ADMIN},
            ADD_TRAINING_CENTER: {MANAGER, SITE_ADMIN},
            ADD_COURSE_CONVENER: {MANAGER, SITE_ADMIN},
            ADD_COURSE: NOBODY,
            ADD_TRAINER_NOMINATION: NOBODY,
            SUBMIT_APPLICATION: NOBODY,
            REVIEW_APPLICATION: {TEAM, MANAGER},
            DECIDE_APPLICATION: NOBODY,
            GIVE_USER_GROUP_OPINION: NOBODY,
            VIEW_REVIEW_DATA: {TEAM, PSC, MANAGER, SITE_ADMIN},
            DELEGATE_OWNER_ROLE: {MANAGER, SITE_ADMIN},
            DELEGATE_ROLES: {MANAGER, SITE_ADMIN},
            CHANGE_LOCAL_ROLES: {MANAGER, SITE_ADMIN},
            REVIEW_PORTAL_CONTENT: {TEAM, MANAGER, SITE_ADMIN},
            ACCESS_PREVIOUS_VERSIONS: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {MANAGER, SITE_ADMIN},
            REQUEST_REVIEW: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
        },
        "user_group_review": {
            VIEW: {OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            ADD_COURSE_TYPE: {MANAGER, SITE_ADMIN},
            ADD_TRAINING_CENTER: {MANAGER, SITE_ADMIN},
            ADD_COURSE_CONVENER: {MANAGER, SITE_ADMIN},
            ADD_COURSE: NOBODY,
            ADD_TRAINER_NOMINATION: NOBODY,
            SUBMIT_APPLICATION: NOBODY,
            REVIEW_APPLICATION: {TEAM, MANAGER},
            DECIDE_APPLICATION: NOBODY,
            GIVE_USER_GROUP_OPINION: {REVIEWER},
            VIEW_REVIEW_DATA: {REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
            DELEGATE_OWNER_ROLE: {MANAGER, SITE_ADMIN},
            DELEGATE_ROLES: {MANAGER, SITE_ADMIN},
            CHANGE_LOCAL_ROLES: {MANAGER, SITE_ADMIN},
            REVIEW_PORTAL_CONTENT: {TEAM, MANAGER, SITE_ADMIN},
            ACCESS_PREVIOUS_VERSIONS: {OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {MANAGER, SITE_ADMIN},
            REQUEST_REVIEW: {OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
        },
        "psc_decision": {
            VIEW: {OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            ADD_COURSE_TYPE: {MANAGER, SITE_ADMIN},
            ADD_TRAINING_CENTER: {MANAGER, SITE_ADMIN},
            ADD_COURSE_CONVENER: {MANAGER, SITE_ADMIN},
            ADD_COURSE: NOBODY,
            ADD_TRAINER_NOMINATION: NOBODY,
            SUBMIT_APPLICATION: NOBODY,
            REVIEW_APPLICATION: {TEAM, MANAGER},
            DECIDE_APPLICATION: {PSC, MANAGER},
            GIVE_USER_GROUP_OPINION: NOBODY,
            VIEW_REVIEW_DATA: {REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
            DELEGATE_OWNER_ROLE: {MANAGER, SITE_ADMIN},
            DELEGATE_ROLES: {MANAGER, SITE_ADMIN},
            CHANGE_LOCAL_ROLES: {MANAGER, SITE_ADMIN},
            REVIEW_PORTAL_CONTENT: {TEAM, PSC, MANAGER, SITE_ADMIN},
            ACCESS_PREVIOUS_VERSIONS: {OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {MANAGER, SITE_ADMIN},
            REQUEST_REVIEW: {OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN},
        },
        "published": {
            VIEW: {ANONYMOUS},
            ACCESS_CONTENTS_INFORMATION: {ANONYMOUS},
            MODIFY_PORTAL_CONTENT: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ADD_COURSE_TYPE: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ADD_TRAINING_CENTER: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ADD_COURSE_CONVENER: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ADD_COURSE: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ADD_TRAINER_NOMINATION: {OWNER, MANAGER, SITE_ADMIN},
            SUBMIT_APPLICATION: NOBODY,
            REVIEW_APPLICATION: {TEAM, MANAGER},
            DECIDE_APPLICATION: NOBODY,
            GIVE_USER_GROUP_OPINION: NOBODY,
            VIEW_REVIEW_DATA: {TEAM, PSC, MANAGER, SITE_ADMIN},
            DELEGATE_OWNER_ROLE: {OWNER, MANAGER, SITE_ADMIN},
            DELEGATE_ROLES: {OWNER, MANAGER, SITE_ADMIN},
            CHANGE_LOCAL_ROLES: {OWNER, MANAGER, SITE_ADMIN},
            REVIEW_PORTAL_CONTENT: {TEAM, MANAGER, SITE_ADMIN},
            ACCESS_PREVIOUS_VERSIONS: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            REQUEST_REVIEW: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
        },
        "rejected": {
            VIEW: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            ADD_COURSE_TYPE: {MANAGER, SITE_ADMIN},
            ADD_TRAINING_CENTER: {MANAGER, SITE_ADMIN},
            ADD_COURSE_CONVENER: {MANAGER, SITE_ADMIN},
            ADD_COURSE: NOBODY,
            ADD_TRAINER_NOMINATION: NOBODY,
            SUBMIT_APPLICATION: NOBODY,
            REVIEW_APPLICATION: NOBODY,
            DECIDE_APPLICATION: NOBODY,
            GIVE_USER_GROUP_OPINION: NOBODY,
            VIEW_REVIEW_DATA: {TEAM, PSC, MANAGER, SITE_ADMIN},
            DELEGATE_OWNER_ROLE: {MANAGER, SITE_ADMIN},
            DELEGATE_ROLES: {MANAGER, SITE_ADMIN},
            CHANGE_LOCAL_ROLES: {MANAGER, SITE_ADMIN},
            REVIEW_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            ACCESS_PREVIOUS_VERSIONS: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {MANAGER, SITE_ADMIN},
            REQUEST_REVIEW: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
        },
        "archived": {
            VIEW: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            ADD_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            ADD_COURSE_TYPE: {MANAGER, SITE_ADMIN},
            ADD_TRAINING_CENTER: {MANAGER, SITE_ADMIN},
            ADD_COURSE_CONVENER: {MANAGER, SITE_ADMIN},
            ADD_COURSE: NOBODY,
            ADD_TRAINER_NOMINATION: NOBODY,
            SUBMIT_APPLICATION: NOBODY,
            REVIEW_APPLICATION: {TEAM, MANAGER},
            DECIDE_APPLICATION: NOBODY,
            GIVE_USER_GROUP_OPINION: NOBODY,
            VIEW_REVIEW_DATA: {TEAM, PSC, MANAGER, SITE_ADMIN},
            DELEGATE_OWNER_ROLE: {MANAGER, SITE_ADMIN},
            DELEGATE_ROLES: {MANAGER, SITE_ADMIN},
            CHANGE_LOCAL_ROLES: {MANAGER, SITE_ADMIN},
            REVIEW_PORTAL_CONTENT: {TEAM, MANAGER, SITE_ADMIN},
            ACCESS_PREVIOUS_VERSIONS: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
            REVERT_TO_PREVIOUS_VERSIONS: {MANAGER, SITE_ADMIN},
            REQUEST_REVIEW: {OWNER, TEAM, PSC, MANAGER, SITE_ADMIN},
        },
    },
    "qgis_trainer_workflow": {
        "draft": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {OWNER, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {OWNER, MANAGER, SITE_ADMIN},
            NOMINATE_TRAINER: {OWNER, MANAGER},
            REVIEW_TRAINER: NOBODY,
        },
        "submitted": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            NOMINATE_TRAINER: NOBODY,
            REVIEW_TRAINER: {TEAM, MANAGER},
        },
        "changes_requested": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {OWNER, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {OWNER, MANAGER, SITE_ADMIN},
            NOMINATE_TRAINER: {OWNER, MANAGER},
            REVIEW_TRAINER: NOBODY,
        },
        "approved": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: NOBODY,
            NOMINATE_TRAINER: {OWNER, MANAGER},
            REVIEW_TRAINER: {TEAM, MANAGER},
        },
        "rejected": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: NOBODY,
            DELETE_OBJECTS: {MANAGER, SITE_ADMIN},
            NOMINATE_TRAINER: NOBODY,
            REVIEW_TRAINER: NOBODY,
        },
        "lapsed": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {OWNER, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: NOBODY,
            NOMINATE_TRAINER: {OWNER, MANAGER},
            REVIEW_TRAINER: NOBODY,
        },
        "revoked": {
            VIEW: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {OWNER, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: NOBODY,
            DELETE_OBJECTS: NOBODY,
            NOMINATE_TRAINER: NOBODY,
            REVIEW_TRAINER: NOBODY,
        },
    },
    "qgis_user_group_workflow": {
        "active": {
            VIEW: {AUTHENTICATED, TEAM, MANAGER, SITE_ADMIN},
            ACCESS_CONTENTS_INFORMATION: {AUTHENTICATED, TEAM, MANAGER, SITE_ADMIN},
            MODIFY_PORTAL_CONTENT: {TEAM, MANAGER, SITE_ADMIN},
            DELETE_OBJECTS: {TEAM, MANAGER, SITE_ADMIN},
        },
    },
}

# product permission -> roles granted at the site root (rolemap.xml)
SITE_GRANTS = {
    ADD_CERTIFYING_ORGANISATION: Acquired({AUTHENTICATED, MANAGER, SITE_ADMIN}),
    ADD_USER_GROUP: Acquired({TEAM, MANAGER, SITE_ADMIN}),
    ADD_COURSE_TYPE: Acquired({MANAGER, SITE_ADMIN}),
    ADD_TRAINING_CENTER: Acquired({MANAGER, SITE_ADMIN}),
    ADD_COURSE_CONVENER: Acquired({MANAGER, SITE_ADMIN}),
    ADD_COURSE: Acquired({MANAGER, SITE_ADMIN}),
    ADD_ATTENDEE: Acquired({MANAGER, SITE_ADMIN}),
    SUBMIT_APPLICATION: Acquired({MANAGER}),
    REVIEW_APPLICATION: Acquired({MANAGER}),
    DECIDE_APPLICATION: Acquired({MANAGER}),
    # rolemap.xml lists no role for it; an empty acquiring grant leaves Zope's
    # default for a ZCML permission, Manager (the workflow grants the reviewers)
    GIVE_USER_GROUP_OPINION: Acquired({MANAGER}),
    VIEW_REVIEW_DATA: Acquired({MANAGER, SITE_ADMIN}),
    VIEW_QUESTIONNAIRE_ANSWERS: Acquired({OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN}),
    VIEW_PRIVATE_DETAILS: Acquired({OWNER, REVIEWER, TEAM, PSC, MANAGER, SITE_ADMIN}),
    DELEGATE_OWNER_ROLE: Acquired({MANAGER, SITE_ADMIN}),
    MANAGE_COURSE: Acquired({MANAGER, SITE_ADMIN}),
    MANAGE_ATTENDEES: Acquired({MANAGER, SITE_ADMIN}),
    MANAGE_SETTINGS: Acquired({TEAM, MANAGER, SITE_ADMIN}),
    MANAGE_PRIVACY_REQUESTS: Acquired({TEAM, MANAGER, SITE_ADMIN}),
    ADD_CERTIFICATE: NOBODY,
    ISSUE_CERTIFICATES: Acquired({MANAGER, SITE_ADMIN}),
    REVOKE_CERTIFICATE: Acquired({MANAGER}),
    CORRECT_CERTIFICATE: Acquired({MANAGER}),
    MANAGE_CERTIFICATES: Acquired({TEAM, MANAGER, SITE_ADMIN}),
    VIEW_CREDITS: Acquired({OWNER, TEAM, MANAGER, SITE_ADMIN}),
    MANAGE_CREDITS: Acquired({TEAM, MANAGER, SITE_ADMIN}),
    ADD_CERTIFICATE_TYPE: Acquired({TEAM, MANAGER, SITE_ADMIN}),
    BUY_CREDITS: Acquired({OWNER, TEAM, MANAGER}),
    ADD_TRAINER_NOMINATION: Acquired({MANAGER, SITE_ADMIN}),
    NOMINATE_TRAINER: Acquired({MANAGER}),
    VIEW_ALL_APPLICATIONS: Acquired({TEAM, MANAGER, SITE_ADMIN}),
    REVIEW_TRAINER: Acquired({MANAGER}),
}


def workflow_cells():
    for workflow_id, states in WORKFLOWS.items():
        for state_id, grants in states.items():
            for permission in grants:
                yield pytest.param(
                    workflow_id, state_id, permission, id=f"{workflow_id}:{state_id}:{permission}"
                )


def as_cell(roles, acquired):
    return frozenset(roles), bool(acquired)


def expected_cell(grant):
    return as_cell(grant, isinstance(grant, Acquired))


@pytest.mark.parametrize(("workflow_id", "state_id", "permission"), workflow_cells())
def test_workflow_grant(portal, workflow_id, state_id, permission):
    state = api.portal.get_tool("portal_workflow")[workflow_id].states[state_id]
    # DCWorkflow stores a grant that acquires as a list, one that does not as a tuple
    roles = state.permission_roles[permission]
    installed = as_cell(roles, isinstance(roles, list))
    assert installed == expected_cell(WORKFLOWS[workflow_id][state_id][permission])


def test_the_table_has_every_product_workflow(portal):
    installed = {
        workflow_id
        for workflow_id in api.portal.get_tool("portal_workflow").objectIds()
        if workflow_id.startswith("qgis_")
    }
    assert installed == set(WORKFLOWS)


@pytest.mark.parametrize("workflow_id", tuple(WORKFLOWS))
def test_the_table_has_every_state_and_managed_permission(portal, workflow_id):
    workflow = api.portal.get_tool("portal_workflow")[workflow_id]
    assert set(workflow.states.objectIds()) == set(WORKFLOWS[workflow_id])
    for state_id, grants in WORKFLOWS[workflow_id].items():
        assert set(grants) == set(workflow.permissions), state_id
        assert set(workflow.states[state_id].permission_roles) == set(grants), state_id


@pytest.mark.parametrize("permission", tuple(SITE_GRANTS))
def test_site_grant(portal, permission):
    roles = [role["name"] for role in portal.rolesOfPermission(permission) if role["selected"]]
    acquired = portal.acquiredRolesAreUsedBy(permission) == "CHECKED"
    assert as_cell(roles, acquired) == expected_cell(SITE_GRANTS[permission])


def test_the_site_table_has_every_product_permission():
    assert set(SITE_GRANTS) == set(permissions.DECLARED)
