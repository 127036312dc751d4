"""What "my work" reads from the catalog follows the changes it derives from:
a draft's missing parts follow its course types and material, the owners
follow the local roles."""

from builders import create_application
from plone import api
from plone.app.workflow.events import LocalrolesModifiedEvent
from Products.CMFCore.indexing import processQueue
from zope.event import notify

from qgis.certification.builders import training
from qgis.certification.work import keys


def missing(organisation):
    processQueue()
    [brain] = api.content.find(UID=organisation.UID(), unrestricted=True)
    return [data["msgid"] for data in brain.qgis_work["missing"]]


def test_a_drafts_missing_parts_follow_its_course_types_and_material(programme):
    organisation = create_application(programme, title="Late Academy", complete=False)
    assert "at least one course type" in missing(organisation)

    with api.env.adopt_roles(["Manager"]):
        course_type = training.add_course_type(organisation, "QGIS basics", 8)
    assert "at least one course type" not in missing(organisation)
    assert "training material for the course type '${title}'" in missing(organisation)

    with api.env.adopt_roles(["Manager"]):
        training.add_material(course_type, "Slides", "https://example.org/slides")
    assert "training material for the course type '${title}'" not in missing(organisation)

    with api.env.adopt_roles(["Manager"]):
        api.content.delete(course_type)
    assert "at least one course type" in missing(organisation)


def test_the_owners_follow_the_local_roles(programme):
    organisation = create_application(programme, title="Shared Academy", complete=False)
    key = keys.person("Owner", "stranger")
    assert not api.content.find(qgis_people=key, unrestricted=True)

    # as the Sharing tab does it
    with api.env.adopt_roles(["Manager"]):
        organisation.manage_addLocalRoles("stranger", ["Owner"])
        notify(LocalrolesModifiedEvent(organisation, api.env.getRequest()))
    processQueue()

    assert [brain.UID for brain in api.content.find(qgis_people=key, unrestricted=True)] == [
        organisation.UID()
    ]
