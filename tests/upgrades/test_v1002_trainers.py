"""Step 1001 -> 1002, certified trainers: organisations get the permission to
nominate in their state, and stored courses and certificates are indexed for
the trainers' evidence."""

from builders import certified_course
from builders import top_up
from plone import api

from qgis.certification.certificates import issuing
from qgis.certification.permissions import ADD_TRAINER_NOMINATION
from qgis.certification.upgrades import v1002


def test_certified_organisations_may_nominate_after_the_step(site):
    organisation, _course, _attendees = certified_course(site)
    # as a 1001 site has it: the workflow did not manage the permission yet
    organisation.manage_permission(ADD_TRAINER_NOMINATION, [], acquire=True)
    with api.env.adopt_user(username="owner"):
        assert not api.user.has_permission(ADD_TRAINER_NOMINATION, obj=organisation)

    v1002.map_organisation_permissions(api.portal.get_tool("portal_setup"))

    with api.env.adopt_user(username="owner"):
        assert api.user.has_permission(ADD_TRAINER_NOMINATION, obj=organisation)


def test_courses_and_certificates_are_indexed_for_the_evidence(site):
    organisation, course, _attendees = certified_course(site)
    top_up(organisation, 1)
    with api.env.adopt_user(username="owner"):
        issuing.issue_certificates(course, [course["attendee-0"].UID()], "completion", "owner")
    catalog = api.portal.get_tool("portal_catalog")
    for index in v1002.trainers.INDEXES.values():
        catalog._catalog.getIndex(index[0]).clear()
    assert not api.content.find(qgis_convener=course.convener)

    v1002.index_trainer_data(api.portal.get_tool("portal_setup"))

    assert [brain.UID for brain in api.content.find(qgis_convener=course.convener)] == [
        course.UID()
    ]
    holders = api.content.find(qgis_holder_email="ioana@example.org", unrestricted=True)
    assert [brain.portal_type for brain in holders] == ["Certificate"]


def test_the_settings_are_registered_and_nominations_purged(site):
    from plone.app.caching.interfaces import IPloneCacheSettings
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    registry = getUtility(IRegistry)
    # as a 1001 site has it
    for name in [key for key in registry.records if "ITrainerSettings" in key]:
        del registry.records[name]
    caching = registry.forInterface(IPloneCacheSettings)
    caching.purgedContentTypes = ("Course",)

    v1002.register_trainer_settings(api.portal.get_tool("portal_setup"))
    v1002.register_trainer_settings(api.portal.get_tool("portal_setup"))

    prefix = "qgis.certification.interfaces.ITrainerSettings."
    assert registry[prefix + "validity_months"] == 24
    assert registry[prefix + "reminder_days_before"] == 60
    assert registry[prefix + "costs_credits"] is False
    assert caching.purgedContentTypes == ("Course", "TrainerNomination")
