"""A version is read, and reverted to, with the working copy's local roles:
the reviewers of covering user groups hold their role on a version saved
before the review, and a revert never brings back an old sharing."""

from builders import bring_to
from builders import create_application
from plone import api

from qgis.certification.application import version_roles


def local_roles(content):
    return dict(content.__ac_local_roles__ or {})


def test_a_version_has_todays_local_roles(programme):
    organisation = create_application(programme)
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_roles(["Manager"]):
        repository.save(organisation, comment="before the review")
    bring_to(organisation, "user_group_review")
    assert "UserGroupReviewer" in local_roles(organisation).get("reviewer_ro", [])
    with api.env.adopt_roles(["Manager"]):
        version = repository.retrieve(organisation, 0).object
        assert local_roles(version) == local_roles(organisation)
        organisation.manage_setLocalRoles("stranger", ["Editor"])
        repository.save(organisation, comment="shared")
        organisation.manage_delLocalRoles(["stranger"])
        repository.revert(organisation, 1)
    assert "stranger" not in local_roles(organisation)
    assert "UserGroupReviewer" in local_roles(organisation).get("reviewer_ro", [])


def test_without_the_modifier_a_version_keeps_its_old_local_roles(programme):
    """What the modifier is for: the test fails if CMFEditions starts doing it itself."""
    version_roles.remove_modifier()
    organisation = create_application(programme)
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_roles(["Manager"]):
        repository.save(organisation, comment="before the review")
    bring_to(organisation, "user_group_review")
    with api.env.adopt_roles(["Manager"]):
        version = repository.retrieve(organisation, 0).object
    assert "reviewer_ro" not in local_roles(version)
