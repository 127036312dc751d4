"""The programme in figures: the catalog step adds the index ``qgis_month``;
organisations, courses and certificates are then indexed in it, and
certificates also with their course's country and course type. Only these
indexes are written (no modification date changes)."""

import transaction
from plone import api


TO_INDEX = {
    "CertifyingOrganisation": ["qgis_month"],
    "Course": ["qgis_month"],
    "Certificate": ["qgis_month", "qgis_countries", "qgis_course_type"],
}
# objects indexed between two savepoints, so that large sites keep their memory
BATCH = 1000


def index_statistics(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for portal_type, indexes in TO_INDEX.items():
        brains = catalog.unrestrictedSearchResults(portal_type=portal_type)
        for number, brain in enumerate(brains, 1):
            item = brain._unrestrictedGetObject()
            catalog.catalog_object(item, brain.getPath(), idxs=indexes, update_metadata=False)
            if number % BATCH == 0:
                transaction.savepoint(optimistic=True)
                catalog._p_jar.cacheGC()
