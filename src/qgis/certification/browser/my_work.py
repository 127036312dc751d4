""" "My work" as a page (``@@my-work``, where people land after logging in), and
the certification team's table of every application (``@@applications`` on
the organisations folder). Both read the catalog only
(``qgis.certification.work``)."""

from urllib.parse import urlsplit

from Acquisition import aq_base
from plone import api
from plone.base.interfaces import INavigationRoot
from Products.Five.browser import BrowserView
from zope.i18n import translate

from qgis.certification.browser.listings import PAGE_SIZE
from qgis.certification.browser.listings import ListingView
from qgis.certification.browser.listings import b_start
from qgis.certification.browser.listings import localized_date
from qgis.certification.public import feeds
from qgis.certification.work import applications
from qgis.certification.work import sections


LOGIN_PAGES = ("login", "login_form", "logged_out", "require_login", "@@login")


class MyWorkView(BrowserView):
    """Every section of the person's work; ``?section=<id>&b_start=N`` pages one."""

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return self.index()

    def only(self):
        given = self.request.form.get("section")
        return given if isinstance(given, str) and given else None

    def sections(self):
        if getattr(self, "_sections", None) is None:
            found = sections.sections(
                self.request, only=self.only(), b_start=b_start(self.request), b_size=PAGE_SIZE
            )
            self._sections = [self.shown(section) for section in found]
        return self._sections

    def shown(self, section):
        """A section as the page shows it: dates in the viewer's language, and
        links to its other pages."""
        for row in section["items"]:
            row["url"] = row["@id"]
            row["since_shown"] = localized_date(row.get("since"))
            row["deadline_shown"] = localized_date(row.get("deadline"))
        base = f"{self.url()}?section={section['id']}"
        following = section["b_start"] + section["b_size"]
        section["next_url"] = (
            f"{base}&b_start={following}" if following < section["items_total"] else None
        )
        previous = section["b_start"] - section["b_size"]
        section["previous_url"] = (
            f"{base}&b_start={max(0, previous)}" if section["b_start"] else None
        )
        return section

    def url(self):
        return f"{self.context.absolute_url()}/@@my-work"


def is_landing(came_from, portal):
    """Whether ``came_from`` is where anybody lands: nowhere in particular, the
    site, a language's front page or a login page."""
    if not came_from:
        return True
    path = urlsplit(came_from).path.rstrip("/")
    site = urlsplit(portal.absolute_url()).path.rstrip("/")
    if path.rsplit("/", 1)[-1] in LOGIN_PAGES:
        return True
    roots = {site} | {
        f"{site}/{code}"
        for code in api.portal.get_registry_record("plone.available_languages", default=[])
    }
    return path in roots


def landing_root(context, portal):
    """Where "my work" is shown after logging in: the language folder of the
    person's preferred language (else of the page's language), as the site's
    root sends visitors to theirs; inside a language folder, that folder."""
    root = api.portal.get_navigation_root(context)
    if aq_base(root) is not aq_base(portal):
        return root
    preferred = api.user.get_current().getProperty("language", "") or ""
    language = preferred.split("-")[0] or api.portal.get_current_language(context=context)
    folder = portal.get(language)
    return folder if INavigationRoot.providedBy(folder) else root


def my_work_landing(context, came_from):
    """After logging in, people land on their work, unless they came for a
    particular page (a link in a mail): the URL to go to."""
    portal = api.portal.get()
    if not is_landing(came_from, portal):
        return came_from
    return f"{landing_root(context, portal).absolute_url()}/@@my-work"


class ApplicationsView(ListingView):
    """Every application, newest step first, filtered by state and country."""

    filters_class = applications.ApplicationFilters
    view_name = "applications"

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return super().__call__()

    def results(self):
        return self.filters.results()

    def state_choices(self):
        return [
            {
                "value": state,
                "title": translate(title, domain="qgis.certification", context=self.request),
            }
            for state, title in applications.states()
        ]

    def countries(self):
        codes = api.portal.get_tool("portal_catalog").uniqueValuesFor("qgis_countries")
        return self.country_choices(codes)

    def rows(self):
        titles = {row["value"]: row["title"] for row in self.state_choices()}
        found = []
        for brain in self.batch():
            work = getattr(brain, "qgis_work", None) or {}
            found.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "country": self.names(feeds.country_of(brain)),
                    "state": titles.get(brain.review_state, brain.review_state),
                    "since": localized_date(work.get("since")),
                    "deadline": localized_date(work.get("deadline")),
                }
            )
        return found
