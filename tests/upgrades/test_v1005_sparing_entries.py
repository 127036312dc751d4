"""Step 1004 -> 1005: attendees and certificates stored before it leave the
catalog's other indexes and columns and the intid utility, and are found as
before."""

from builders import certified_course
from builders import top_up
from catalog_helpers import catalog_entry
from five.intid.keyreference import KeyReferenceToPersistent
from plone import api
from plone.indexer.wrapper import IndexableObjectWrapper
from Products.CMFCore.indexing import processQueue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

from qgis.certification.certificates import issuing
from qgis.certification.content.catalogued import INDEXES
from qgis.certification.content.catalogued import METADATA
from qgis.certification.upgrades import v1005


def stored_before_1005(items):
    """Catalogued in every index and column and registered with an intid, as
    every item was before 1005."""
    catalog = api.portal.get_tool("portal_catalog")
    intids = getUtility(IIntIds)
    for item in items:
        path = "/".join(item.getPhysicalPath())
        catalog.catalog_object(IndexableObjectWrapper(item, catalog), path)
        key = KeyReferenceToPersistent(item)
        uid = intids._generateId()
        intids.refs[uid] = key
        intids.ids[key] = uid


def test_the_step_cuts_old_entries_and_forgets_their_intids(site):
    with api.env.adopt_roles(["Manager"]):
        organisation, course, attendees = certified_course(site)
    top_up(organisation, 5)
    with api.env.adopt_user(username="owner"):
        certificates, _ = issuing.issue_certificates(
            course, [attendees[0].UID()], "completion", "owner"
        )
    processQueue()
    items = list(attendees) + list(certificates)
    stored_before_1005(items)
    intids = getUtility(IIntIds)
    first_name = attendees[0].first_name
    assert api.content.find(SearchableText=first_name, portal_type="Attendee", unrestricted=True)
    assert "SearchableText" in catalog_entry(attendees[0])[0]
    assert intids.ids.get(KeyReferenceToPersistent(attendees[0])) is not None

    setup_tool = api.portal.get_tool("portal_setup")
    v1005.reindex_sparingly(setup_tool)
    v1005.forget_intids(setup_tool)

    for item in items:
        indexes, columns = catalog_entry(item)
        assert {"UID", "allowedRolesAndUsers"} <= indexes <= set(INDEXES[item.portal_type])
        assert "Title" in columns
        assert columns <= set(METADATA) | set(INDEXES[item.portal_type])
        assert intids.ids.get(KeyReferenceToPersistent(item)) is None
    assert not api.content.find(
        SearchableText=first_name, portal_type="Attendee", unrestricted=True
    )
    # found as before
    assert {b.UID for b in issuing.attendees_of(course)} == {a.UID() for a in attendees}
    code = certificates[0].code
    assert issuing.find_certificate(code).UID() == certificates[0].UID()
    # and what is left of the intids still answers for other content
    assert intids.getObject(intids.getId(course)) == course
