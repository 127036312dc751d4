"""``@@qgis-page-frame``: the pieces of the page frame (``main_template.pt``)
that Plone renders as one block and Barceloneta's layout puts in different
places.

The header's viewlets are taken as their manager filters and orders them (a
viewlet hidden in ``@@manage-viewlets`` stays hidden). For anonymous visitors
the personal tools, the logo and the search box are the same on every page
of a language: they are rendered once per state of what they show
(``public/page_parts_state.py``) and kept in Plone's RAM cache, like the
navigation and the footer (``shared_parts.py``). The language links, which
point at the page's own translations, are rendered for each page.
"""

from plone import api
from plone.memoize import ram
from Products.Five import BrowserView
from zope.component import getAdapters
from zope.component import queryMultiAdapter
from zope.contentprovider.interfaces import BeforeUpdateEvent
from zope.contentprovider.interfaces import IContentProvider
from zope.event import notify
from zope.viewlet.interfaces import IViewlet

from qgis.certification.public import page_parts_state as state


HEADER = "plone.portalheader"
# the header's viewlets that the layout puts apart from the personal tools
APART = {"plone.logo": "logo", "plone.searchbox": "searchbox"}
# the header's viewlets that anonymous visitors see alike on every page of a language
SHARED = ("plone.anontools", "plone.logo", "plone.searchbox")


def _shared_key(method, frame, viewlets):
    root = api.portal.get_navigation_root(frame.context)
    key = state.visitor_key(
        frame.request,
        "header",
        "/".join(root.getPhysicalPath()),
        tuple(viewlets),
        state.actions_state("user"),
    )
    if key is None:
        raise ram.DontCache
    return key


class PageFrame(BrowserView):
    def header(self, view):
        """{tools, logo, searchbox}: the logo and the search box on their own,
        the rest of the header (personal tools, language links) together."""
        parts = {"tools": [], "logo": "", "searchbox": ""}
        for name, html in self.header_viewlets(view):
            if name in APART:
                parts[APART[name]] = html
            else:
                parts["tools"].append(html)
        parts["tools"] = "\n".join(parts["tools"])
        return parts

    def header_viewlets(self, view):
        """[(name, html)] of the header's viewlets, in their manager's order."""
        manager = queryMultiAdapter((self.context, self.request, view), IContentProvider, HEADER)
        if manager is None:
            return []
        notify(BeforeUpdateEvent(manager, self.request))
        found = manager.sort(
            manager.filter(getAdapters((self.context, self.request, view, manager), IViewlet))
        )
        alike = {name: viewlet for name, viewlet in found if name in SHARED}
        shared = self.shared_header(alike) if alike else {}
        return [
            (name, shared[name] if name in shared else self.rendered(name, viewlet))
            for name, viewlet in found
        ]

    @ram.cache(_shared_key)
    def shared_header(self, viewlets):
        """{name: html} of ``viewlets``, kept for anonymous visitors (the key
        names them, not the instances, which are this request's)."""
        return {name: self.rendered(name, viewlet) for name, viewlet in viewlets.items()}

    def rendered(self, name, viewlet):
        viewlet.__name__ = name
        notify(BeforeUpdateEvent(viewlet, self.request))
        viewlet.update()
        return viewlet.render()
