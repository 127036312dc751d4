"""What the parts of a page that every anonymous visitor sees alike depend on.

The top navigation, the footer and the script and style lists are the same on
every page a visitor opens in one language: the browser layer keeps each of
them, rendered, in Plone's RAM cache (``browser/shared_parts.py``) under a key
built here. The key names everything the part shows, so that a change is seen
at the next request:

- content: the catalog's change counter and the transaction that last changed
  it (``feed_state.catalog_state``), which every added, edited, moved or
  removed item changes;
- settings: a counter of the site's own, raised by every change of a
  registry record (``settings_changed``);
- Plone's actions of a category: each action's id and last transaction;
- the footer's portlets: the assignments at the site root, as long as nothing
  below the root assigns or blocks footer portlets (then nothing is kept).

A key is None, and nothing is kept, for a logged-in user (what they see
depends on who they are) and while the request's own transaction changed the
content (the state it would be kept under is not committed).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.portlets.constants import CONTENT_TYPE_CATEGORY
from plone.portlets.constants import CONTEXT_ASSIGNMENT_KEY
from plone.portlets.constants import CONTEXT_BLACKLIST_STATUS_KEY
from plone.portlets.interfaces import IPortletManager
from ZODB.utils import u64
from zope.annotation.interfaces import IAnnotations
from zope.component import queryUtility

from qgis.certification.public.feed_state import catalog_state
from qgis.certification.public.feed_state import count_change


SETTINGS_KEY = "qgis.certification.settings-state"
FOOTER = "plone.footerportlets"


def _serial(persistent):
    """The transaction that last changed ``persistent`` (a ghost is loaded first:
    until then its serial is zero)."""
    activate = getattr(persistent, "_p_activate", None)
    if activate is not None:
        activate()
    serial = getattr(persistent, "_p_serial", None)
    return f"{u64(serial):x}" if serial else "new"


def settings_changed(event):
    """A registry record was added, changed or removed: a new settings state."""
    count_change(SETTINGS_KEY)


def settings_state(portal=None):
    counter = IAnnotations(portal or api.portal.get()).get(SETTINGS_KEY)
    if counter is None:
        return "0"
    value = counter()  # loads it
    if counter._p_changed:
        return None
    return f"{value}.{_serial(counter)}"


def actions_state(category):
    """Ids and last transactions of the actions of ``category`` (and of the
    category itself, which changes when actions are added, removed or moved)."""
    actions = getattr(api.portal.get_tool("portal_actions"), category, None)
    if actions is None:
        return None
    return (_serial(actions), *((a.getId(), _serial(a)) for a in actions.objectValues()))


def _own_footer_settings(obj):
    """True when ``obj`` itself assigns or blocks footer portlets."""
    annotations = getattr(aq_base(obj), "__annotations__", None)
    if not annotations:
        return False
    mappings = annotations.get(CONTEXT_ASSIGNMENT_KEY)
    if mappings is not None and len(mappings.get(FOOTER, ())):
        return True
    blacklist = annotations.get(CONTEXT_BLACKLIST_STATUS_KEY)
    return bool(blacklist is not None and blacklist.get(FOOTER))


def footer_portlets_state(context):
    """The state of the footer portlets that ``context`` shows, when they are
    the site root's alone (as the profile assigns them); else None."""
    portal = api.portal.get()
    obj = aq_inner(context)
    while obj is not None and aq_base(obj) is not aq_base(portal):
        if _own_footer_settings(obj):
            return None
        obj = aq_parent(obj)
    manager = queryUtility(IPortletManager, name=FOOTER)
    by_type = manager.get(CONTENT_TYPE_CATEGORY) if manager is not None else None
    if by_type is not None and any(len(mapping) for mapping in by_type.values()):
        return None
    annotations = getattr(aq_base(portal), "__annotations__", None) or {}
    blacklist = annotations.get(CONTEXT_BLACKLIST_STATUS_KEY)
    if blacklist is not None and blacklist.get(FOOTER):
        return None
    mapping = (annotations.get(CONTEXT_ASSIGNMENT_KEY) or {}).get(FOOTER)
    if mapping is None:
        return "none"
    return (_serial(mapping), *((name, _serial(a)) for name, a in mapping.items()))


_UNKNOWN = object()


def page_language(request):
    """The language the request's page is rendered in."""
    return request.get("LANGUAGE") or api.portal.get_current_language()


def _visitor(request):
    """(portal, its address, the language) of an anonymous request, or None;
    the same for the whole request, so worked out once."""
    found = getattr(request, "_qgis_visitor", _UNKNOWN)
    if found is _UNKNOWN:
        found = None
        if api.user.is_anonymous():
            portal = api.portal.get()
            found = (portal, portal.absolute_url(), page_language(request))
        request._qgis_visitor = found
    return found


def visitor_key(request, *parts):
    """The key of a page part shown to anonymous visitors, or None."""
    visitor = _visitor(request)
    if visitor is None or None in parts:
        return None
    portal, url, language = visitor
    content = catalog_state(getattr(portal, "portal_catalog", None))
    settings = settings_state(portal)
    if content is None or settings is None:
        return None
    return (url, language, content, settings, *parts)
