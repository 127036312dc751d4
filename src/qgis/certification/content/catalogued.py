"""What the catalog keeps of attendees and certificates.

A course can hold a thousand of each, so their catalog entries are most of
the catalog. They are kept to what the product asks of them: found by UID,
place, type, state and who may see them (``allowedRolesAndUsers``,
``effectiveRange``), listed by name (``sortable_title``) or date issued
(``created``), and by the product's own indexes. They are never in the
site's full-text, title, date or interface indexes (an attendee is personal
data, never searched for by words), and their brains carry only the listing
columns in ``METADATA``.

``CataloguedSparingly`` makes the object's own catalog calls (its addition,
``reindexObject()``, ``reindexObjectSecurity()``) update only its
``INDEXES``. The indexable wrapper (``indexers/wrapper.py``) answers only the
names of these indexes and columns: a whole-catalog rebuild, which asks
every index, also puts them in the indexes named like a kept column
(``Title``, the dates), never in the full-text or interface indexes.
"""

# the indexes attendees' and certificates' queries use
COMMON_INDEXES = (
    "UID",
    "path",
    "portal_type",
    "review_state",
    "allowedRolesAndUsers",
    "effectiveRange",
    "sortable_title",
    "created",
    "qgis_email_key",
)
INDEXES = {
    "Attendee": COMMON_INDEXES,
    "Certificate": COMMON_INDEXES
    + (
        "qgis_certificate_code",
        "qgis_holder_email",
        "qgis_pdf_fingerprints",
        "qgis_month",
        "qgis_countries",
        "qgis_course_type",
    ),
}

# the brains' columns that listings read (the rest of the catalog's columns
# are missing values for these types)
METADATA = (
    "Title",
    "Description",
    "Type",
    "portal_type",
    "review_state",
    "UID",
    "getId",
    "id",
    "Creator",
    "created",
    "modified",
    "effective",
    "expires",
    "is_folderish",
)

# the attributes an index reads when they are not its own name
INDEX_SOURCES = {
    "path": ("getPhysicalPath",),
    "effectiveRange": ("effective", "expires"),
}


def catalogued_names(portal_type):
    """The names the catalog may read of an item of ``portal_type``."""
    names = set(METADATA)
    for index in INDEXES[portal_type]:
        names.update(INDEX_SOURCES.get(index, (index,)))
    return frozenset(names)


CATALOGUED_NAMES = {portal_type: catalogued_names(portal_type) for portal_type in INDEXES}


class CataloguedSparingly:
    """A content mixin: the object's own catalog calls update only its indexes."""

    def isTemporary(self):
        # asked before every catalog call; without it the question is asked
        # of every container up to the site and its skins
        return False

    def indexObject(self):
        # a queued reindex of the listed indexes catalogues a new object too
        catalog = self._getCatalogTool()
        if catalog is not None:
            catalog.reindexObject(self, idxs=list(INDEXES[self.portal_type]))

    def reindexObject(self, idxs=[], update_metadata=1, uid=None):  # noqa: B006 (Plone's signature)
        if not idxs:
            # what a whole reindex does first
            self.notifyModified()
            idxs = INDEXES[self.portal_type]
        super().reindexObject(idxs=list(idxs), update_metadata=update_metadata, uid=uid)

    def reindexObjectSecurity(self, skip_self=False):
        # Plone's searches the catalog for the item and what it contains: an
        # item contains nothing, and a new one is not catalogued yet (its
        # queued entry is written with its security then)
        if not skip_self:
            self.reindexObject(idxs=list(self._cmf_security_indexes), update_metadata=0)
