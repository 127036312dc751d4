"""Step 1000 -> 1001 takes away the local roles that 1.0.0 left behind."""

from builders import bring_to
from builders import certified_course
from builders import create_application
from plone import api

from qgis.certification.upgrades import v1001


def test_the_step_recomputes_reviewers_conveners_and_attendees(site):
    with api.env.adopt_roles(["Manager"]):
        application = create_application(site, "Pending School", country="RO")
        bring_to(application, "submitted")
        organisation, course, attendees = certified_course(site)
    # what 1.0.0 could leave: a reviewer of a past round, an attendee owned by its adder
    application.manage_setLocalRoles("reviewer_se", ["UserGroupReviewer"])
    attendee = attendees[0]
    attendee.manage_setLocalRoles("convener", ["Owner"])
    course.manage_setLocalRoles("former-convener", ["CourseConvener"])

    v1001.recompute_local_roles(api.portal.get_tool("portal_setup"))

    assert "UserGroupReviewer" not in application.get_local_roles_for_userid("reviewer_se")
    assert "Owner" not in attendee.get_local_roles_for_userid("convener")
    assert course.get_local_roles_for_userid("former-convener") == ()


def test_the_step_empties_unsafe_addresses(site):
    with api.env.adopt_roles(["Manager"]):
        organisation, _course, _attendees = certified_course(site)
    organisation.website = "javascript:alert(1)"
    organisation.reindexObject()

    v1001.blank_unsafe_addresses(api.portal.get_tool("portal_setup"))

    assert organisation.website is None
    brain = api.content.find(UID=organisation.UID())[0]
    assert "javascript" not in str(brain.qgis_website)
