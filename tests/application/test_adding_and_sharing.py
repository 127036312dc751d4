"""Where each type may be added, and by whom; co-owners through sharing."""

import pytest
from builders import bring_to
from builders import create_application
from plone import api
from plone.dexterity.utils import createContentInContainer


def may_add(user, container, portal_type):
    context = (
        api.env.adopt_roles(["Anonymous"]) if user is None else api.env.adopt_user(username=user)
    )
    with context:
        allowed = [fti.getId() for fti in container.allowedContentTypes()]
        return portal_type in allowed


@pytest.mark.parametrize(
    ("user", "expected"),
    [(None, False), ("stranger", True), ("owner", True), ("team", True)],
)
def test_any_logged_in_user_may_apply(programme, user, expected):
    assert may_add(user, programme["organisations"], "CertifyingOrganisation") is expected


def test_organisations_only_in_the_organisations_folder(programme):
    with api.env.adopt_user(username="site_manager"):
        folder = api.content.create(container=programme, type="Folder", title="Other")
    assert not may_add("site_manager", folder, "CertifyingOrganisation")
    assert not may_add("site_manager", programme, "CertifyingOrganisation")


@pytest.mark.parametrize(
    ("user", "expected"),
    [(None, False), ("stranger", False), ("owner", False), ("psc_member", False), ("team", True)],
)
def test_user_groups_are_kept_by_the_team(programme, user, expected):
    assert may_add(user, programme["user-groups"], "UserGroup") is expected


@pytest.mark.parametrize(
    ("state", "user", "expected"),
    [
        ("draft", "owner", True),
        ("draft", "stranger", False),
        ("submitted", "owner", False),
        ("published", "owner", True),
        ("published", "team", True),
        ("published", "stranger", False),
    ],
)
def test_application_parts_follow_the_state(programme, state, user, expected):
    organisation = bring_to(create_application(programme), state)
    assert may_add(user, organisation, "CourseType") is expected
    assert may_add(user, organisation, "TrainingCenter") is expected


def test_owner_adds_a_co_owner_through_sharing(programme):
    organisation = create_application(programme)
    with api.env.adopt_user(username="owner"):
        sharing = organisation.restrictedTraverse("@@sharing")
        assert "Owner" in [role["id"] for role in sharing.roles()]
        sharing.update_role_settings(
            [{"id": "stranger", "type": "user", "roles": ["Owner"]}], reindex=True
        )
    assert "Owner" in organisation.get_local_roles_for_userid("stranger")
    with api.env.adopt_user(username="stranger"):
        assert api.user.has_permission("Modify portal content", obj=organisation)


def test_owner_cannot_grant_reviewer_roles(programme):
    organisation = create_application(programme)
    with api.env.adopt_user(username="owner"):
        roles = [role["id"] for role in organisation.restrictedTraverse("@@sharing").roles()]
    assert "UserGroupReviewer" not in roles
    assert "CertificationManager" not in roles


def test_profile_folders_cannot_be_added_through_the_web(programme):
    assert not may_add("site_manager", programme, "OrganisationFolder")
    created = createContentInContainer(
        programme, "OrganisationFolder", checkConstraints=False, id="spare"
    )
    assert api.content.get_state(created) == "open"
