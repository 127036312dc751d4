"""Indexing stored content in a step: what a new index or column needs."""

import transaction
from plone import api


# objects indexed between two savepoints, so that large sites keep their memory
BATCH = 1000


def index_types(to_index, update_metadata=False):
    """Index the objects of each portal type of ``to_index`` in its indexes
    (and their metadata, when asked); nothing else is written (no
    modification date changes)."""
    catalog = api.portal.get_tool("portal_catalog")
    for portal_type, indexes in to_index.items():
        brains = catalog.unrestrictedSearchResults(portal_type=portal_type)
        for number, brain in enumerate(brains, 1):
            item = brain._unrestrictedGetObject()
            catalog.catalog_object(
                item, brain.getPath(), idxs=indexes, update_metadata=update_metadata
            )
            if number % BATCH == 0:
                transaction.savepoint(optimistic=True)
                catalog._p_jar.cacheGC()
