"""1004 -> 1005: one module per change (configure.zcml runs them in order)."""

# public pages: Plone's navigation and events portlets are no longer assigned
from .unshown_portlets import remove_unshown_portlets


__all__ = ["remove_unshown_portlets"]
