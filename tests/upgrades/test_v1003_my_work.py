"""Step 1002 -> 1003, "my work": a site of 1002 (no qgis_people,
qgis_opinions, qgis_since, qgis_deadline indexes, no qgis_work column, no
"View all applications" for the team, no "My work" in the personal menu) gets
them, and its stored organisations, courses and invoices are found afterwards."""

from builders import bring_to
from builders import certified_course
from builders import create_application
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue

from qgis.certification.permissions import VIEW_ALL_APPLICATIONS
from qgis.certification.upgrades import v1003
from qgis.certification.work import keys


INDEXES = ("qgis_people", "qgis_opinions", "qgis_since", "qgis_deadline")


def as_in_1002(portal):
    catalog = api.portal.get_tool("portal_catalog")
    for name in INDEXES:
        catalog.delIndex(name)
    catalog.delColumn("qgis_work")
    portal.manage_permission(VIEW_ALL_APPLICATIONS, ["Manager"], acquire=True)
    api.portal.get_tool("portal_actions").user.manage_delObjects(["my-work"])


def test_the_step_adds_the_indexes_and_indexes_what_is_stored(site):
    organisation, course, _attendees = certified_course(site)
    reviewed = bring_to(create_application(site, title="Reviewed Academy"), "user_group_review")
    processQueue()
    as_in_1002(site)
    with api.env.adopt_user(username="team"):
        assert not api.user.has_permission(VIEW_ALL_APPLICATIONS, obj=site)

    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        "profile-qgis.certification:default", "catalog", run_dependencies=False
    )
    setup.runImportStepFromProfile(
        "profile-qgis.certification:default", "rolemap", run_dependencies=False
    )
    setup.runImportStepFromProfile(
        "profile-qgis.certification:default", "actions", run_dependencies=False
    )
    v1003.index_my_work(setup)

    owned = api.content.find(
        portal_type="CertifyingOrganisation",
        qgis_people=keys.person("Owner", "owner"),
        unrestricted=True,
    )
    assert {brain.UID for brain in owned} == {organisation.UID(), reviewed.UID()}
    convened = api.content.find(
        qgis_people=keys.person("CourseConvener", "convener"), unrestricted=True
    )
    assert [brain.UID for brain in convened] == [course.UID()]
    [brain] = api.content.find(
        qgis_deadline={"query": DateTime() + 1, "range": "min"}, unrestricted=True
    )
    assert reviewed.UID() == brain.UID
    assert brain.qgis_work["deadline"] is not None
    with api.env.adopt_user(username="team"):
        assert api.user.has_permission(VIEW_ALL_APPLICATIONS, obj=site)
    assert "my-work" in api.portal.get_tool("portal_actions").user.objectIds()
