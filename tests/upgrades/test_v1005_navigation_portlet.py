"""Step 1004 -> 1005 (public pages): the site root's navigation portlet goes,
other portlets of the left column stay, and a site without it is left as it is."""

from plone import api
from plone.app.portlets.portlets import navigation
from plone.app.portlets.portlets import search
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility

from qgis.certification.upgrades import v1005


def left_column(portal):
    manager = getUtility(IPortletManager, name="plone.leftcolumn", context=portal)
    return getMultiAdapter((portal, manager), IPortletAssignmentMapping)


def test_a_new_site_has_no_navigation_portlet(portal):
    assert "navigation" not in left_column(portal)


def test_the_step_removes_the_navigation_portlet_and_keeps_the_others(portal):
    assignments = left_column(portal)
    assignments["navigation"] = navigation.Assignment()
    assignments["search"] = search.Assignment()

    setup_tool = api.portal.get_tool("portal_setup")
    v1005.remove_navigation_portlet(setup_tool)
    v1005.remove_navigation_portlet(setup_tool)

    assert list(left_column(portal)) == ["search"]
