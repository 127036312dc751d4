"""Page parts that every anonymous visitor sees alike, rendered once per state.

Plone builds the top navigation (a catalog query), the footer (the portlet
machinery, the site actions) and the lists of scripts and styles (every bundle
of the registry, hashed) again for every page. For an anonymous visitor they
are the same on every page of a language, so the viewlets here keep what they
rendered in Plone's RAM cache (plone.memoize.ram) under a key that names what
they show (``public/page_parts_state.py``: the language, the portal's address,
the state of the content, of the settings and of the actions). A logged-in
user's pages never read or fill this cache: their parts are built as Plone
builds them.
"""

from datetime import date

from plone import api
from plone.app.portlets.browser.viewlets import FooterViewlet
from plone.app.theming.utils import theming_policy
from plone.app.viewletmanager.manager import BaseOrderedViewletManager
from plone.memoize import ram
from plone.registry.interfaces import IRegistry
from Products.CMFCore.Expression import Expression
from Products.CMFPlone.resources.browser import resource
from Products.CMFPlone.resources.utils import evaluateExpression
from zope.component import getUtility

from qgis.certification.browser.frame.footer import DoormatFooter
from qgis.certification.public import page_parts_state as state


_UNKNOWN = object()


def _keyed(method, part):
    key = part.shared_key()
    if key is None:
        raise ram.DontCache
    return key


class SharedNavigation:
    """The top navigation (mixed into ``language.LanguageSections``)."""

    def shared_key(self):
        settings = self.settings
        # an item left out of the navigation is shown inside itself only
        where = "/".join(self.context.getPhysicalPath()) if settings.show_excluded_items else ""
        return state.visitor_key(
            self.request,
            "navigation",
            self.navtree_path,
            self.current_language,
            where,
            state.actions_state("portal_tabs"),
        )

    @ram.cache(_keyed)
    def render(self):
        return super().render()


class SharedHead(BaseOrderedViewletManager):
    """Plone's ``plone.htmlhead`` (the page's title, its description for search
    engines and social networks, the links to its translations): the same for
    every anonymous visit of an address, so rendered once per state of the
    content and settings, per address (the query string aside) and view."""

    def shared_key(self):
        key = getattr(self, "_shared_key", _UNKNOWN)
        if key is _UNKNOWN:
            view = self.__parent__
            key = self._shared_key = state.visitor_key(
                self.request,
                "head",
                self.request.get("ACTUAL_URL"),
                "/".join(self.context.getPhysicalPath()),
                getattr(view, "__name__", None) or type(view).__name__,
            )
        return key

    def update(self):
        if self.shared_key() is None:
            super().update()

    @ram.cache(_keyed)
    def render(self):
        if self.shared_key() is not None:
            super().update()  # only when nothing is kept
        return super().render()


class SharedFooter(DoormatFooter, FooterViewlet):
    """Plone's footer (the footer portlets: the programme's footer and the site
    actions), kept for anonymous visitors."""

    def shared_key(self):
        root = api.portal.get_navigation_root(self.context)
        return state.visitor_key(
            self.request,
            "footer",
            "/".join(root.getPhysicalPath()),
            state.actions_state("site_actions"),
            state.footer_portlets_state(self.context),
            date.today().year,
        )

    @ram.cache(_keyed)
    def render(self):
        return super().render()


EXPRESSIONS = {}


def _expression(text):
    cooked = EXPRESSIONS.get(text)
    if cooked is None:
        cooked = EXPRESSIONS[text] = Expression(text)
    return cooked


def _bundle_conditions(context, registry):
    """Each bundle's condition (an expression of the registry) as it evaluates here."""
    names = registry.records.keys("plone.bundles/", "plone.bundles0")
    return tuple(
        (name, bool(evaluateExpression(_expression(text), context)))
        for name in names
        if name.endswith(".expression")
        for text in [registry.get(name)]
        if text
    )


class SharedResources:
    """The lists of scripts and styles (mixed into Plone's two viewlets; they
    share what they render through the request, as Plone's do)."""

    def shared_key(self):
        registry = getUtility(IRegistry)
        policy = theming_policy(self.request)
        theme = policy.get_theme() if policy.isThemeEnabled() else None
        enabled, disabled = self._request_bundles()
        return state.visitor_key(
            self.request,
            "resources",
            # what Plone's resource registries raise when bundles change
            getattr(registry, resource._RESOURCE_REGISTRY_MTIME, None) or 0,
            getattr(theme, "__name__", None) or "no theme",
            tuple(sorted(enabled)),
            tuple(sorted(disabled)),
            _bundle_conditions(self.context, registry),
        )

    @ram.cache(_keyed)
    def rendered_lists(self):
        super().update()
        return dict(self.rendered)

    def update(self):
        cached = getattr(self.request, resource.REQUEST_CACHE_KEY, None)
        if cached is None:
            cached = self.rendered_lists()
            setattr(self.request, resource.REQUEST_CACHE_KEY, cached)
        self.rendered = cached


class SharedScripts(SharedResources, resource.ScriptsView):
    pass


class SharedStyles(SharedResources, resource.StylesView):
    pass
