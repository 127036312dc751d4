""" "My work": the catalog step adds the indexes ``qgis_people``,
``qgis_opinions``, ``qgis_since``, ``qgis_deadline`` and the column
``qgis_work``; the rolemap step grants the team "View all applications"; the
actions step adds "My work" to the personal menu. Organisations, courses and
invoices are then indexed in them (only these indexes and the metadata are
written: no modification date changes)."""

import transaction
from plone import api


TO_INDEX = {
    "CertifyingOrganisation": ["qgis_people", "qgis_opinions", "qgis_since", "qgis_deadline"],
    "Course": ["qgis_people"],
    "Invoice": ["qgis_since", "qgis_deadline"],
}
# objects indexed between two savepoints, so that large sites keep their memory
BATCH = 1000


def index_my_work(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for portal_type, indexes in TO_INDEX.items():
        brains = catalog.unrestrictedSearchResults(portal_type=portal_type)
        for number, brain in enumerate(brains, 1):
            item = brain._unrestrictedGetObject()
            catalog.catalog_object(item, brain.getPath(), idxs=indexes, update_metadata=True)
            if number % BATCH == 0:
                transaction.savepoint(optimistic=True)
                catalog._p_jar.cacheGC()
