"""1004 -> 1005: one module per change (configure.zcml runs them in order)."""

# public pages: Plone's navigation portlet is no longer assigned at the site root
from .navigation_portlet import remove_navigation_portlet


__all__ = ["remove_navigation_portlet"]
