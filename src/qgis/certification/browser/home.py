"""The front page of each language: welcome text, map, next courses, links."""

from plone import api
from Products.Five.browser import BrowserView

from qgis.certification import _
from qgis.certification.interfaces import IMapSettings
from qgis.certification.public import listings
from qgis.certification.public.multilingual import welcome_page
from qgis.certification.public.page_parts_state import page_language
from qgis.certification.public.programme_pages import PAGES
from qgis.certification.public.queries import Addresses
from qgis.certification.public.ready_answers import ready
from qgis.certification.signup.landing import first_login_url


# the map's background when its tiles cannot be loaded (Natural Earth, from npm)
OUTLINES = "++plone++qgis.certification/outlines/countries-110m.json"

# organisations listed under the map; more are a link to the list page away
HOME_LIST_SIZE = 30

# the programme's data as QGIS opens it: (address below the site, title)
DATA_LINKS = (
    ("ogc", _("OGC API - Features service (training centres, upcoming and past courses)")),
    ("@training-centers-geojson", _("Training centres (GeoJSON)")),
    ("@courses-geojson", _("Upcoming courses (GeoJSON)")),
    ("@courses-geojson?when=past", _("Past courses (GeoJSON)")),
    ("@@upcoming-courses.ics", _("Upcoming courses (iCalendar)")),
)


class ProgrammeHome(BrowserView):
    def welcome(self):
        return welcome_page(self.context)

    def language(self):
        return self.context.getId()

    def portal_url(self):
        return api.portal.get().absolute_url()

    def map_settings(self):
        return {
            "tile_url": api.portal.get_registry_record(name="tile_url", interface=IMapSettings),
            "attribution": api.portal.get_registry_record(
                name="attribution", interface=IMapSettings
            ),
            "geojson": f"{self.portal_url()}/@training-centers-geojson",
            "outlines": f"{self.portal_url()}/{OUTLINES}",
        }

    def data_links(self):
        """The public feeds and the OGC API, at addresses any client opens as they are."""
        portal_url = self.portal_url()
        return [{"url": f"{portal_url}/{path}", "title": title} for path, title in DATA_LINKS]

    def organisations(self):
        """The text alternative of the map: the first certified organisations by
        name and how many there are; the list page has them all. Kept ready
        for each state of what the feeds show (``public.ready_answers``)."""
        return ready(("home-organisations",), self.listed_organisations)

    def listed_organisations(self):
        brains = listings.search_organisations(b_size=HOME_LIST_SIZE)
        total = getattr(brains, "actual_result_count", None) or len(brains)
        urls = Addresses()
        shown = [{"url": urls(brain), "title": brain.Title} for brain in brains[:HOME_LIST_SIZE]]
        return {"shown": shown, "total": total}

    def next_courses(self):
        """The next courses, in the page's language, kept ready like the list."""
        language = page_language(self.request)
        helpers = api.content.get_view("qgis-public", self.context, self.request)
        return ready(("home-next-courses", language), helpers.next_courses)

    def apply_now_url(self):
        """Visitors create an account first; logged-in people start applying."""
        if api.user.is_anonymous():
            return f"{self.context.absolute_url()}/@@register"
        return first_login_url()

    def programme_links(self):
        language = self.language()
        return [
            {
                "url": f"{self.context.absolute_url()}/{page['id'][language]}",
                "title": page["title"][language],
            }
            for page in PAGES
            if page["id"][language] in self.context.objectIds()
        ]
