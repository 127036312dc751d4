"""``@@qgis-page-frame``: the pieces of the page frame (``main_template.pt``)
that Plone renders as one block and Barceloneta's layout puts in different
places."""

from Products.Five import BrowserView
from zope.component import queryMultiAdapter
from zope.contentprovider.interfaces import BeforeUpdateEvent
from zope.contentprovider.interfaces import IContentProvider
from zope.event import notify


# the header's viewlets that the layout puts apart from the personal tools
APART = {"logo": "plone.logo", "searchbox": "plone.searchbox"}


class PageFrame(BrowserView):
    def header(self, view):
        """``plone.portalheader``'s viewlets as its manager orders and filters
        them: the logo and the search box on their own, the rest (personal
        tools, language links) together."""
        parts = {"tools": [], "logo": "", "searchbox": ""}
        names = {name: part for part, name in APART.items()}
        for name, html in self.rendered("plone.portalheader", view):
            if name in names:
                parts[names[name]] = html
            else:
                parts["tools"].append(html)
        parts["tools"] = "\n".join(parts["tools"])
        return parts

    def rendered(self, manager_name, view):
        manager = queryMultiAdapter(
            (self.context, self.request, view), IContentProvider, name=manager_name
        )
        if manager is None:
            return []
        notify(BeforeUpdateEvent(manager, self.request))
        manager.update()
        return [(viewlet.__name__, viewlet.render()) for viewlet in manager.viewlets]
