"""Attendees imported and certificates issued together are the same as items
added one by one through the normal path (events, workflow, catalog, roles):
only what must differ between two items differs; each is catalogued once; a
refusal in the middle leaves nothing."""

import pytest
import transaction
from Acquisition import aq_base
from builders import certified_course
from builders import create_programme
from builders import top_up
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.indexer.interfaces import IIndexableObject
from plone.indexer.wrapper import IndexableObjectWrapper
from Products.CMFCore.indexing import processQueue
from zope.component import queryMultiAdapter

from qgis.certification.certificates import adding_many
from qgis.certification.certificates import issuing
from qgis.certification.certificates.attendees import import_attendees
from qgis.certification.content.catalogued import CATALOGUED_NAMES
from qgis.certification.indexers.wrapper import SparingWrapper
from qgis.certification.payments.credits import ledger_of


# what differs between any two items: who they are, when they were made, where
PERSONAL = {
    "id",
    "getId",
    "UID",
    "path",
    "Title",
    "sortable_title",
    "SearchableText",
    "created",
    "modified",
    "effective",
    "Date",
    "CreationDate",
    "ModificationDate",
    "EffectiveDate",
    "getObjPositionInParent",
    "qgis_email_key",
    "qgis_holder_email",
    "qgis_certificate_code",
    "getURL",
    "getPath",
}


@pytest.fixture
def course(portal):
    create_programme(portal)
    with api.env.adopt_roles(["Manager"]):
        organisation, course, _ = certified_course(portal, attendees=())
    top_up(organisation, 20)
    return organisation, course


def csv_of(count, start=0):
    rows = [f"Person{n},Family{n},person{n}@example.org" for n in range(start, start + count)]
    return ("first_name,last_name,email\n" + "\n".join(rows)).encode()


def imported(course, count, start=0, user="owner"):
    with api.env.adopt_user(username=user):
        result, created, skipped = import_attendees(course, csv_of(count, start))
    assert result.ok, result.errors
    return created


def record(obj):
    """The catalog's indexes and metadata of ``obj``, without what is personal."""
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(obj.getPhysicalPath()))
    assert rid is not None, "not catalogued"
    data = dict(catalog.getIndexDataForRID(rid))
    data.update({f"metadata:{k}": v for k, v in catalog.getMetadataForRID(rid).items()})
    return {k: v for k, v in data.items() if k.split(":")[-1] not in PERSONAL}


def security(obj):
    return {
        "local_roles": dict(obj.get_local_roles()),
        "state": api.content.get_state(obj),
        "view": sorted(r["name"] for r in obj.rolesOfPermission("View") if r["selected"]),
        "modify": sorted(
            r["name"] for r in obj.rolesOfPermission("Modify portal content") if r["selected"]
        ),
        "creators": obj.creators,
    }


def history(obj):
    """The workflow history, without when."""
    return {
        workflow: [{k: v for k, v in status.items() if k != "time"} for status in statuses]
        for workflow, statuses in obj.workflow_history.items()
    }


def add_alone(course):
    """An attendee added alone, the way the import added each before."""
    return createContentInContainer(
        course, "Attendee", first_name="Solo", last_name="Person", email="solo@example.org"
    )


def test_an_imported_attendee_is_the_same_as_one_added_alone(course):
    organisation, course = course
    first, second = imported(course, 2)
    with api.env.adopt_user(username="owner"):
        alone = add_alone(course)
    for attendee in (first, second):
        assert record(attendee) == record(alone)
        assert security(attendee) == security(alone)
        assert set(attendee.__dict__) == set(alone.__dict__)
        assert history(attendee) == history(alone)


def test_an_imported_attendee_by_the_convener_is_owned_as_one_added_alone(course):
    organisation, course = course
    (first,) = imported(course, 1, user="convener")
    with api.env.adopt_user(username="convener"):
        alone = add_alone(course)
    assert "convener" not in dict(first.get_local_roles())
    assert record(first) == record(alone)
    assert security(first) == security(alone)


def test_a_certificate_issued_with_others_is_the_same_as_one_added_alone(course):
    organisation, course = course
    attendees = imported(course, 3)
    with api.env.adopt_user(username="owner"):
        (issued, other), _ = issuing.issue_certificates(
            course, [a.UID() for a in attendees[:2]], "completion", "owner"
        )
        fields = {name: getattr(issued, name) for name in ("wording", "issue_date")}
        fields.update(issuing.snapshot(course))
        alone = createContentInContainer(
            course,
            "Certificate",
            checkConstraints=False,
            id="qgis-0000-0000-0",
            code="QGIS-0000-0000-0",
            attendee=attendees[2].UID(),
            first_name=attendees[2].first_name,
            last_name=attendees[2].last_name,
            certificate_type="completion",
            issued_by="owner",
            **fields,
        )
    for certificate in (issued, other):
        assert record(certificate) == record(alone)
        assert security(certificate) == security(alone)
        assert set(certificate.__dict__) == set(alone.__dict__)
        assert history(certificate) == history(alone)


def test_each_item_is_catalogued_once_and_the_course_at_most_once(course, monkeypatch):
    organisation, course = course
    catalog = api.portal.get_tool("portal_catalog")
    processQueue()
    catalogued = []
    tool = type(aq_base(catalog))
    original = tool.catalog_object

    def counting(self, obj, *args, **kwargs):
        catalogued.append("/".join(obj.getPhysicalPath()))
        return original(self, obj, *args, **kwargs)

    monkeypatch.setattr(tool, "catalog_object", counting)
    attendees = imported(course, 5)
    with api.env.adopt_user(username="owner"):
        certificates, _ = issuing.issue_certificates(course, "all", "completion", "owner")
    processQueue()
    course_path = "/".join(course.getPhysicalPath())
    items = [a.getPhysicalPath() for a in attendees + certificates]
    for path in items:
        assert catalogued.count("/".join(path)) == 1
    # once after the import, once after the issuing; never once per item
    assert catalogued.count(course_path) <= 2
    assert len(catalogued) <= len(items) + 2


def test_ids_are_chosen_as_plone_chooses_them_without_limit(course):
    organisation, course = course
    first = imported(course, 120)
    again = imported(course, 3, start=120)
    ids = [a.getId() for a in first + again]
    assert ids[:3] == ["attendee", "attendee-1", "attendee-2"]
    assert ids[-1] == "attendee-122"
    assert len(set(ids)) == 123


def test_a_refusal_in_the_middle_of_issuing_leaves_nothing(course, monkeypatch):
    organisation, course = course
    attendees = imported(course, 4)
    processQueue()
    saved = transaction.savepoint()
    balance = ledger_of(organisation).balance
    added = []
    original_add = adding_many.AddingMany.add

    def failing_add(self, *args, **kwargs):
        if len(added) == 2:
            raise RuntimeError("the disk is full")
        added.append(original_add(self, *args, **kwargs))
        return added[-1]

    monkeypatch.setattr(adding_many.AddingMany, "add", failing_add)
    with api.env.adopt_user(username="owner"), pytest.raises(RuntimeError):
        issuing.issue_certificates(course, [a.UID() for a in attendees], "completion", "owner")
    # nothing was debited before every certificate existed
    assert ledger_of(organisation).balance == balance
    saved.rollback()  # what the publisher's abort does to the whole request
    assert not api.content.find(context=course, portal_type="Certificate", unrestricted=True)
    assert "qgis-" not in " ".join(course.objectIds())
    assert ledger_of(organisation).balance == balance
    assert dict(issuing._issued(course)) == {}


def test_a_refusal_in_the_middle_of_an_import_leaves_nothing(course, monkeypatch):
    organisation, course = course
    processQueue()
    saved = transaction.savepoint()
    original_add = adding_many.AddingMany.add
    calls = []

    def failing_add(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("the disk is full")
        return original_add(self, *args, **kwargs)

    monkeypatch.setattr(adding_many.AddingMany, "add", failing_add)
    with pytest.raises(RuntimeError):
        imported(course, 5)
    saved.rollback()
    assert course.objectIds() == []
    assert not api.content.find(context=course, portal_type="Attendee", unrestricted=True)


def catalog_values(wrapper, catalog):
    names = set(catalog._catalog.schema)
    for index in catalog._catalog.indexes.values():
        names.update(index.getIndexSourceNames())
    values = {}
    for name in sorted(names):
        try:
            value = getattr(wrapper, name)
            values[name] = repr(value() if callable(value) else value)
        except AttributeError:
            values[name] = "<missing>"
    return values


def test_the_catalog_reads_what_it_keeps_of_attendees_and_certificates_as_plone_would(course):
    organisation, course = course
    attendees = imported(course, 2)
    with api.env.adopt_user(username="owner"):
        certificates, _ = issuing.issue_certificates(course, "all", "completion", "owner")
    # an acquired Python script of a name the catalog does not keep stays out
    organisation.manage_addProduct["PythonScripts"].manage_addPythonScript("in_reply_to")
    organisation.in_reply_to.ZPythonScript_edit("", "return 'from a script'")
    catalog = api.portal.get_tool("portal_catalog")
    for item in attendees + certificates:
        wrapper = queryMultiAdapter((item, catalog), IIndexableObject)
        assert isinstance(wrapper, SparingWrapper)
        ours = catalog_values(wrapper, catalog)
        plones = catalog_values(IndexableObjectWrapper(item, catalog), catalog)
        kept = CATALOGUED_NAMES[item.portal_type]
        assert {k: v for k, v in ours.items() if k in kept} == {
            k: v for k, v in plones.items() if k in kept
        }
        assert {v for k, v in ours.items() if k not in kept} == {"<missing>"}
        assert plones["in_reply_to"] == "'from a script'"
        assert ours["in_reply_to"] == "<missing>"


def test_only_a_first_item_in_its_initial_state_is_copied(course):
    organisation, course = course
    (attendee,) = imported(course, 1)
    tool = api.portal.get_tool("portal_workflow")
    ((workflow, status),) = adding_many._initial_statuses(tool, attendee)
    assert status["action"] is None
    assert status["review_state"] == api.content.get_state(attendee)
    # something moved it on while it was added: the others go through the workflow
    moved_on = dict(status, action="moved-on")
    tool.setStatusOf(workflow.getId(), attendee, moved_on)
    assert adding_many._initial_statuses(tool, attendee) is None
