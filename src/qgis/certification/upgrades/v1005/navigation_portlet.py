"""1004 -> 1005, public pages: the site root's navigation portlet (Plone's
default in the left column) is removed, as ``portlets.xml`` now has it. It
showed visitors a tree of the page alone and cost every page its navigation
tree. Portlets the site's team assigned elsewhere are kept."""

from plone import api
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility


NAME = "navigation"


def remove_navigation_portlet(setup_tool):
    portal = api.portal.get()
    manager = getUtility(IPortletManager, name="plone.leftcolumn", context=portal)
    assignments = getMultiAdapter((portal, manager), IPortletAssignmentMapping)
    if NAME in assignments:
        del assignments[NAME]
