"""The visitor's language on pages that belong to no language folder.

Organisations, courses, training centres and the verification pages are the same
in every language; they render in the visitor's language (the language cookie,
else the browser's ``Accept-Language``, else English: ``plone.i18n`` request
negotiation, switched on by the profile). Here they get a language switcher that
stays on the same page, and the organisations folder appears in breadcrumbs as,
and sends visitors to, the list of certified organisations in their language.
"""

from pathlib import Path

from plone import api
from plone.app.i18n.locales.browser.selector import LanguageSelector
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from plone.app.multilingual import browser as multilingual_browser
from plone.app.multilingual.browser.selector import LanguageSelectorViewlet
from plone.app.multilingual.browser.selector import addQuery
from plone.i18n.locales.interfaces import IContentLanguageAvailability
from Products.CMFPlone.browser.navigation import PhysicalNavigationBreadcrumbs
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.i18n import translate

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.browser.shared_parts import SharedNavigation


def outside_language_folders(context):
    return api.portal.get_navigation_root(context) == api.portal.get()


def visitors_language_folder(context):
    """The language folder of the visitor's language, or None."""
    return api.portal.get().get(api.portal.get_current_language(context=context))


class LanguageSections(SharedNavigation, GlobalSectionsViewlet):
    """The programme's navigation of the visitor's language, on every page
    (rendered once per state for anonymous visitors: ``shared_parts.py``), as
    the list the page frame puts in its navigation bar (``frame/``)."""

    index = ViewPageTemplateFile("frame/sections.pt")

    def __init__(self, context, request, view, manager):
        if outside_language_folders(context):
            context = visitors_language_folder(context) or context
        super().__init__(context, request, view, manager)


class SiteLanguages(LanguageSelector):
    """Plone's language selector lists the site's languages from the
    information of every language Plone knows, reading the registry once for
    each of them (hundreds of reads per page); this reads only the site's."""

    def languages(self):
        if self.tool is None:
            return []
        current = self.tool.getLanguageBindings(self.request)[0]
        known = getUtility(IContentLanguageAvailability).getLanguages(
            combined=self.tool.use_combined_language_codes
        )
        return [
            dict(known[code], code=code, selected=code == current)
            for code in self.tool.getSupportedLanguages()
            if code in known
        ]


class TranslationsLanguageSelector(LanguageSelectorViewlet, SiteLanguages):
    """plone.app.multilingual's selector (links to the translations of a
    page, its own template), on the site's languages only (``overrides.zcml``)."""

    index = ViewPageTemplateFile(
        str(Path(multilingual_browser.__file__).parent / "templates" / "languageselector.pt")
    )

    def render(self):
        return self.index()


class SamePageLanguageSelector(SiteLanguages):
    """Links to this very page in each language (``?set_language=`` sets the cookie)."""

    index = ViewPageTemplateFile("templates/language_selector.pt")

    def available(self):
        return super().available() and outside_language_folders(self.context)

    def languages(self):
        here = self.request.get("ACTUAL_URL") or self.context.absolute_url()
        return [
            {
                **language,
                "url": addQuery(self.request, here, exclude=("set_language",), set_language=code),
            }
            for language in super().languages()
            for code in [language["code"]]
        ]

    def render(self):
        return self.index()


class OrganisationFolderBreadcrumbs(PhysicalNavigationBreadcrumbs):
    """The folder of all organisations is shown as the public list of certified ones."""

    def customize_entry(self, entry, context=None):
        root = visitors_language_folder(self.context)
        if root is None:
            return
        language = root.getId()
        entry["absolute_url"] = f"{root.absolute_url()}/@@certified-organisations"
        entry["Title"] = translate(
            _("Certified organisations"), target_language=language, context=self.request
        )


class OrganisationFolderView(BrowserView):
    """Visitors are sent to the certified organisations of their language, the
    certification team to its table of every application; other people who are
    logged in see the folder as before."""

    def __call__(self):
        if api.user.has_permission(permissions.VIEW_ALL_APPLICATIONS, obj=self.context):
            # the certification team works from the table of every application
            self.request.response.redirect(f"{self.context.absolute_url()}/@@applications")
            return ""
        if not api.user.is_anonymous():
            return getMultiAdapter((self.context, self.request), name="listing_view")()
        root = visitors_language_folder(self.context) or api.portal.get()
        self.request.response.redirect(f"{root.absolute_url()}/@@certified-organisations")
        return ""
