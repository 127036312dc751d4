"""1004 -> 1005: one module per change (configure.zcml runs them in order)."""

# attendees and certificates: a sparing catalog entry and no intid
from .sparing_entries import forget_intids
from .sparing_entries import reindex_sparingly


__all__ = [
    "forget_intids",
    "reindex_sparingly",
]
