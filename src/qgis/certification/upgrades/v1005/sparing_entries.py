"""Attendees and certificates stored before 1005: their catalog entries are
cut to what the catalog now keeps of them (``content/catalogued.py``), and
their intids are forgotten (they no longer get one, so they would never be
unregistered again: a deleted attendee would stay reachable from the intid
utility)."""

import transaction
from five.intid.keyreference import KeyReferenceToPersistent
from plone import api
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds

from qgis.certification.content.catalogued import INDEXES
from qgis.certification.upgrades.indexing import BATCH


def _stored():
    """``(path, object)`` of every attendee and certificate, a batch at a time."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type=list(INDEXES))
    for number, brain in enumerate(brains, 1):
        yield brain, brain._unrestrictedGetObject()
        if number % BATCH == 0:
            transaction.savepoint(optimistic=True)
            catalog._p_jar.cacheGC()


def reindex_sparingly(setup_tool):
    """Each entry leaves the indexes the catalog no longer keeps for its
    type, and its columns are read again (those not kept become missing)."""
    catalog = api.portal.get_tool("portal_catalog")
    indexes = catalog._catalog.indexes
    for brain, item in _stored():
        rid = brain.getRID()
        kept = INDEXES[item.portal_type]
        for name in indexes:
            if name not in kept:
                catalog._catalog.getIndex(name).unindex_object(rid)
        catalog.catalog_object(item, brain.getPath(), idxs=list(kept), update_metadata=True)


def forget_intids(setup_tool):
    """Unregister the attendees and certificates from the intid utility."""
    intids = queryUtility(IIntIds)
    if intids is None:
        return
    for _brain, item in _stored():
        key = KeyReferenceToPersistent(item)
        uid = intids.ids.get(key)
        if uid is not None:
            del intids.ids[key]
            del intids.refs[uid]
