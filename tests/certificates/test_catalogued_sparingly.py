"""The catalog keeps of attendees and certificates only what the product asks
of them, however they are (re)catalogued; they have no intid, and adding,
editing and deleting them works as before."""

import pytest
from builders import certified_course
from builders import create_programme
from builders import top_up
from catalog_helpers import catalog_entry
from plone import api
from Products.CMFCore.indexing import processQueue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

from qgis.certification.certificates import issuing
from qgis.certification.certificates.attendees import import_attendees
from qgis.certification.content.catalogued import INDEXES
from qgis.certification.content.catalogued import METADATA


# what every attendee and certificate is found by
FOUND_BY = {
    "UID",
    "path",
    "portal_type",
    "review_state",
    "allowedRolesAndUsers",
    "effectiveRange",
    "sortable_title",
    "created",
    "qgis_email_key",
}
CSV = b"first_name,last_name,email\nIoana,Pop,ioana@example.org\nSven,Berg,sven@example.org\n"


@pytest.fixture
def items(portal):
    create_programme(portal)
    with api.env.adopt_roles(["Manager"]):
        organisation, course, _ = certified_course(portal, attendees=())
    top_up(organisation, 10)
    with api.env.adopt_user(username="owner"):
        result, attendees, _ = import_attendees(course, CSV)
        assert result.ok
        certificates, _ = issuing.issue_certificates(
            course, [attendees[0].UID()], "completion", "owner"
        )
    processQueue()
    return course, attendees, certificates


def assert_kept(obj):
    indexes, columns = catalog_entry(obj)
    assert FOUND_BY <= indexes <= set(INDEXES[obj.portal_type])
    assert {"Title", "getId", "review_state", "UID", "portal_type"} <= columns
    assert columns <= set(METADATA) | set(INDEXES[obj.portal_type])


def test_attendees_and_certificates_are_only_in_the_indexes_asked_of_them(items):
    course, attendees, certificates = items
    for obj in attendees + certificates:
        assert_kept(obj)
    indexes, _ = catalog_entry(certificates[0])
    assert {"qgis_certificate_code", "qgis_month", "qgis_course_type"} <= indexes


def test_the_product_still_finds_them(items):
    course, attendees, certificates = items
    assert [b.UID for b in issuing.attendees_of(course)] == [a.UID() for a in attendees]
    code = certificates[0].code
    assert issuing.find_certificate(code).UID() == certificates[0].UID()
    found = api.content.find(
        context=course, portal_type="Certificate", review_state="issued", unrestricted=True
    )
    assert [b.Title for b in found] == ["Ioana Pop"]


def test_the_site_search_does_not_find_attendees_by_their_names(items):
    """Attendees are personal data: they are not in the full-text index."""
    found = api.content.find(SearchableText="Ioana", unrestricted=True)
    assert not [b for b in found if b.portal_type in INDEXES]


def test_an_edit_reindexes_only_what_is_kept_and_dates_the_change(items):
    course, attendees, certificates = items
    attendee = attendees[1]
    before = attendee.modified()
    attendee.first_name = "Svenne"
    modified(attendee)
    attendee.reindexObject()
    assert_kept(attendee)
    assert attendee.modified() >= before
    (brain,) = api.content.find(UID=attendee.UID(), unrestricted=True)
    assert brain.Title == "Svenne Berg"


def test_rebuilding_the_whole_catalog_leaves_them_out_of_the_text_and_interface_indexes(items):
    """Every index, as a rebuild asks: those named like a kept column (the
    title, the dates) take the item, the rest do not."""
    course, attendees, certificates = items
    catalog = api.portal.get_tool("portal_catalog")
    for obj in attendees + certificates:
        catalog.catalog_object(obj)
        indexes, _ = catalog_entry(obj)
        assert FOUND_BY <= indexes <= set(INDEXES[obj.portal_type]) | set(METADATA)
        assert not {"SearchableText", "Description", "object_provides"} & indexes


def test_they_have_no_intid_and_are_deleted_as_before(items):
    course, attendees, certificates = items
    intids = getUtility(IIntIds)
    assert intids.queryId(course) is not None
    for obj in attendees + certificates:
        assert intids.queryId(obj) is None
    uid = attendees[1].UID()
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(attendees[1])
    assert not api.content.find(UID=uid, unrestricted=True)
    assert "attendee-1" not in course.objectIds()
