"""1004 -> 1005: one module per change (configure.zcml runs them in order)."""

# attendees and certificates: a sparing catalog entry and no intid
from .sparing_entries import forget_intids
from .sparing_entries import reindex_sparingly

# public pages: Plone's navigation and events portlets are no longer assigned
from .unshown_portlets import remove_unshown_portlets


__all__ = [
    "forget_intids",
    "reindex_sparingly",
    "remove_unshown_portlets",
]
