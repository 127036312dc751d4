"""Step 1001 -> 1002 (history): a site from before keeps versions of the parts of
an application from then on, and the people who review an application
already under review read them."""

from builders import bring_to
from builders import create_application
from plone import api
from upgrade_helpers import PROFILE_ID
from upgrade_helpers import profile_version
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from qgis.certification import permissions
from qgis.certification.application import history


VERSIONED = ("CertifyingOrganisation", "CourseType", "TrainingCenter", "Course")


def as_before_1002(organisation):
    """Take away what 1002 adds: the behavior, the repository's and the
    differences tool's settings, the grants on an existing organisation."""
    types = api.portal.get_tool("portal_types")
    repository = api.portal.get_tool("portal_repository")
    for portal_type in VERSIONED:
        fti = types[portal_type]
        fti.behaviors = tuple(b for b in fti.behaviors if b != "plone.versioning")
        repository.removePolicyFromContentType(portal_type, "at_edit_autoversion")
    repository.setVersionableContentTypes(
        [t for t in repository.getVersionableContentTypes() if t not in VERSIONED]
    )
    diff_tool = api.portal.get_tool("portal_diff")
    diff_tool.setDiffForPortalType("CertifyingOrganisation", {})
    organisation.manage_permission(permissions.ACCESS_PREVIOUS_VERSIONS, ("Owner",), acquire=0)


def upgrade_from_1001():
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE_ID, "1001")
    setup_tool.upgradeProfile(PROFILE_ID)
    # every later step runs too, up to the profile's version
    assert setup_tool.getLastVersionForProfile(PROFILE_ID) == (str(profile_version()),)


def test_the_step_makes_the_parts_of_an_application_versionable(site):
    organisation = bring_to(create_application(site), "user_group_review")
    as_before_1002(organisation)
    with api.env.adopt_user(username="reviewer_ro"):
        assert not api.user.has_permission(permissions.ACCESS_PREVIOUS_VERSIONS, obj=organisation)

    upgrade_from_1001()

    types = api.portal.get_tool("portal_types")
    repository = api.portal.get_tool("portal_repository")
    for portal_type in VERSIONED:
        assert "plone.versioning" in types[portal_type].behaviors
        assert portal_type in repository.getVersionableContentTypes()
        assert "at_edit_autoversion" in repository.getPolicyMap()[portal_type]
    assert api.portal.get_tool("portal_diff").getDiffForPortalType("CertifyingOrganisation")
    with api.env.adopt_user(username="reviewer_ro"):
        assert api.user.has_permission(permissions.ACCESS_PREVIOUS_VERSIONS, obj=organisation)
    # edits save versions again
    with api.env.adopt_roles(["Manager"]):
        before = len(history.version_ids(organisation))
        notify(ObjectModifiedEvent(organisation))
        assert len(history.version_ids(organisation)) == before + 1
