"""1004 -> 1005, public pages: the site root's navigation portlet (Plone's
default in the left column) and events portlet (in the right column) are
removed, as ``portlets.xml`` now has it. The first showed visitors a tree of
the page alone, the second nothing (courses are not Plone events), and both
cost every page a catalog query. Portlets the site's team assigned elsewhere
are kept."""

from plone import api
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility


# (portlet manager, assignment) of Plone's defaults that pages do not show
REMOVED = (("plone.leftcolumn", "navigation"), ("plone.rightcolumn", "events"))


def remove_unshown_portlets(setup_tool):
    portal = api.portal.get()
    for manager_name, name in REMOVED:
        manager = getUtility(IPortletManager, name=manager_name, context=portal)
        assignments = getMultiAdapter((portal, manager), IPortletAssignmentMapping)
        if name in assignments:
            del assignments[name]
