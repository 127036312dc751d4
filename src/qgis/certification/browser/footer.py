"""The site's footer: the programme's name, contact address and links, in the
page's language. It replaces Plone's copyright and colophon portlets in the
footer portlet manager (``profiles/default/portlets.xml``). Barceloneta's rules
keep what is inside the portlet's outer element, so the template wraps the
footer in one more element."""

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.browser.language import visitors_language_folder
from qgis.certification.public.programme_pages import PAGE_NAMES
from qgis.certification.public.programme_pages import PAGES


# the programme pages the footer links to, by name
FOOTER_PAGES = ("about", "privacy")


class ProgrammeFooter(BrowserView):
    def contact_address(self):
        return api.portal.get_registry_record("plone.email_from_address", default=None)

    def _link(self, name, url, title):
        return {"name": name, "url": url, "title": translate(title, context=self.request)}

    def _page_links(self, root):
        """The programme's pages of the root's language, as the team titled them."""
        pages = dict(zip(PAGE_NAMES, PAGES, strict=True))
        found = (root.get(pages[name]["id"][root.getId()]) for name in FOOTER_PAGES)
        return [
            self._link(name, page.absolute_url(), page.Title())
            for name, page in zip(FOOTER_PAGES, found, strict=True)
            if page is not None
        ]

    def links(self):
        """About and privacy (the pages of the page's language), verifying a
        certificate and the programme in figures."""
        root = visitors_language_folder(self.context)
        verify_url = f"{api.portal.get().absolute_url()}/verify"
        if root is None:
            return [self._link("verify", verify_url, _("Verify a certificate"))]
        return [
            *self._page_links(root),
            self._link("verify", verify_url, _("Verify a certificate")),
            self._link(
                "statistics", f"{root.absolute_url()}/@@statistics", _("The programme in figures")
            ),
        ]
