"""Step 1004 -> 1005 (public pages): the site root's navigation and events
portlets go, other portlets stay, and running the step again changes nothing."""

from plone import api
from plone.app.event.portlets import portlet_events
from plone.app.portlets.portlets import navigation
from plone.app.portlets.portlets import search
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility

from qgis.certification.upgrades import v1005


def column(portal, name):
    manager = getUtility(IPortletManager, name=name, context=portal)
    return getMultiAdapter((portal, manager), IPortletAssignmentMapping)


def test_a_new_site_has_neither_portlet(portal):
    assert "navigation" not in column(portal, "plone.leftcolumn")
    assert "events" not in column(portal, "plone.rightcolumn")


def test_the_step_removes_both_and_keeps_the_others(portal):
    left, right = column(portal, "plone.leftcolumn"), column(portal, "plone.rightcolumn")
    left["navigation"] = navigation.Assignment()
    left["search"] = search.Assignment()
    right["events"] = portlet_events.Assignment()

    setup_tool = api.portal.get_tool("portal_setup")
    v1005.remove_unshown_portlets(setup_tool)
    v1005.remove_unshown_portlets(setup_tool)

    assert list(column(portal, "plone.leftcolumn")) == ["search"]
    assert list(column(portal, "plone.rightcolumn")) == []
