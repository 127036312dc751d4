"""The catalog search behind the public lists and feeds, and the addresses of
what it finds.

Plone's catalog tool adds an ``effectiveRange`` filter to the searches of anyone
without "Access inactive portal content" (every anonymous visitor): a date-range
index over every catalogued object, most of them attendees and certificates,
walked to return a few hundred organisations. The programme's public types
(organisations, training centres, courses) have no publication dates to edit (no
``plone.publication`` behavior): their workflow state alone says what is
public, and the queries ask for it. ``search`` therefore leaves the date filter
out (``show_inactive``) and keeps the visitor's ``allowedRolesAndUsers``.

``Addresses`` makes an item's URL from one portal address and the item's path,
instead of converting each path through the request as ``brain.getURL`` does.
"""

import re
from urllib.parse import quote

from plone import api
from zope.globalrequest import getRequest


# what ``urllib.parse.quote`` leaves as it is (and the path's slashes)
PLAIN_PATH = re.compile(r"[A-Za-z0-9_.~/-]*")


def search(**query):
    """Catalog brains of ``query`` the visitor may view, whatever their
    publication dates (see the module's docstring)."""
    return api.portal.get_tool("portal_catalog").searchResults(query, show_inactive=True)


def contents_of(container, portal_type):
    """Catalog brains of the items of ``portal_type`` directly in
    ``container`` that the visitor may view, by title."""
    path = "/".join(container.getPhysicalPath())
    return search(
        path={"query": path, "depth": 1}, portal_type=portal_type, sort_on="sortable_title"
    )


class Addresses:
    """The URLs of catalogued items below the portal, for the current request:
    the portal's URL once, then each item's path after it (quoted as the request
    would). Under a virtual host whose root lies below the portal, each URL is
    asked of the brain."""

    def __init__(self, request=None):
        request = request if request is not None else getRequest()
        portal = api.portal.get()
        physical = portal.getPhysicalPath()
        self.portal_path = "/".join(physical)
        root = tuple(request.get("VirtualRootPhysicalPath") or ("",))
        self.simple = physical[: len(root)] == root
        self.prefix = request.physicalPathToURL(physical)

    def __call__(self, brain):
        path = brain.getPath()
        rest = path[len(self.portal_path) :]
        if not (self.simple and path.startswith(self.portal_path) and rest.startswith("/")):
            return brain.getURL()
        if not PLAIN_PATH.fullmatch(rest):
            rest = quote(rest)
        return self.prefix + rest
