"""Workflow states shown as badges whose colour says what the state means.

Every badge has the classes ``badge qgis-state state-<state id>``; the
programme's style sheet (``static/theme/qgis-theme.css``) colours them: green
for what is in force (certified, issued, paid), amber for what waits for
someone (submitted, under review, unpaid), red for what was refused or
withdrawn (rejected, revoked, cancelled), grey for the rest (draft, archived).

Templates of views that mix in ``StateBadges`` write::

    <span tal:define="badge python: view.state_badge(item)"
          tal:attributes="class badge/css" tal:content="badge/title">Draft</span>

and any other template can use the view ``@@qgis-state-badges`` the same way.
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.ZCatalog.interfaces import ICatalogBrain
from zope.i18n import translate


def state_of(item):
    """The workflow state of a content object or a catalog brain, or None."""
    if ICatalogBrain.providedBy(item):
        return item.review_state or None
    return api.content.get_state(item, default=None)


def state_badge(item, request=None):
    """``{"state", "title", "css"}``: the state, its title in the request's
    language, and the badge's classes."""
    state = state_of(item)
    workflow = api.portal.get_tool("portal_workflow")
    title = workflow.getTitleForStateOnType(state, item.portal_type) if state else ""
    return {
        "state": state,
        "title": translate(title or "", domain="qgis.certification", context=request),
        "css": f"badge qgis-state state-{state or 'none'}",
    }


class StateBadges:
    """Mixed into views whose templates show states."""

    def state_badge(self, item):
        return state_badge(item, self.request)


class StateBadgesView(StateBadges, BrowserView):
    """``@@qgis-state-badges``: ``state_badge(item)`` for any template."""
