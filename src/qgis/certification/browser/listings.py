"""The public lists of each language: certified organisations and upcoming
courses (``@@certified-organisations`` and ``@@upcoming-courses`` on the
language root folders), and ``@@qgis-public``, the helpers the front page, the
organisation page and the course page use to show courses and places.

The lists read the catalog only (``qgis.certification.public.listings``); the filters
are plain GET forms, so that a filtered list has its own address.
"""

from urllib.parse import urlencode

from DateTime import DateTime
from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.base.i18nl10n import get_formatstring_from_registry
from plone.batching import Batch
from Products.Five.browser import BrowserView
from zExceptions import NotFound

from qgis.certification.public import feeds
from qgis.certification.public import listings
from qgis.certification.public import queries
from qgis.certification.public.programme_pages import PAGES
from qgis.certification.public.queries import Addresses
from qgis.certification.vocabularies.countries import country_name
from qgis.certification.vocabularies.countries import current_language


PAGE_SIZE = 20


# Plone writes a date by translating its pattern and its month and day names
# at every call; the lists show the same few days again and again.
SHORT_DATES = {}
SHORT_DATES_KEPT = 5000


def localized_date(iso):
    """A date (ISO text or date) as Plone writes dates in the visitor's language,
    worked out once per day, language and the site's date format."""
    if not iso:
        return None
    key = (
        str(iso),
        api.portal.get_current_language(),
        get_formatstring_from_registry("date_format_short"),
    )
    written = SHORT_DATES.get(key)
    if written is None:
        written = api.portal.get_localized_time(datetime=DateTime(str(iso)))
        if len(SHORT_DATES) >= SHORT_DATES_KEPT:
            SHORT_DATES.clear()
        SHORT_DATES[key] = written
    return written


def course_row(course, organisation, names, urls=None):
    """What a list shows of a course, from its catalog brain (``urls``: the
    request's ``Addresses``)."""
    summary = feeds.value(course, "qgis_course", {})
    urls = urls or Addresses()
    return {
        "title": course.Title,
        "url": urls(course),
        "organisation": organisation.Title,
        "organisation_url": urls(organisation),
        "training_center": summary.get("training_center"),
        "country": names(feeds.country_of(course)),
        "start": localized_date(summary.get("start_date")),
        "start_iso": summary.get("start_date"),
        "end": localized_date(summary.get("end_date")),
        "end_iso": summary.get("end_date"),
        "language": listings.language_name(summary.get("language")),
    }


def b_start(request):
    """The first item of the page; Plone's paging links send it as ``b_start:int``."""
    given = request.form.get("b_start")
    if isinstance(given, int) and given >= 0:
        return given
    return int(given) if isinstance(given, str) and given.isdigit() else 0


class ListingView(BrowserView):
    filters_class = None
    view_name = None

    def __call__(self):
        self.filters = self.filters_class(self.request.form)
        self.names = feeds.CountryNames()
        self.urls = Addresses()
        return self.index()

    def url(self):
        return f"{self.context.absolute_url()}/@@{self.view_name}"

    def error(self, field):
        return self.filters.errors.get(field)

    def typed(self, name):
        """The text the visitor gave for a field, to show it back."""
        given = self.request.form.get(name)
        return given if isinstance(given, str) else ""

    def selected(self, value, chosen):
        return "selected" if value == chosen else None

    def batch(self):
        if getattr(self, "_batch", None) is None:
            self._batch = Batch(self.results(), PAGE_SIZE, start=b_start(self.request))
        return self._batch

    def results(self):
        raise NotImplementedError

    def country_choices(self, codes):
        """The countries to offer: those of ``codes``, and the one chosen."""
        return listings.country_options([*codes, self.filters.country_code], self.names)

    def language_choices(self, codes):
        """The languages to offer: those of ``codes``, and the one chosen."""
        return listings.language_options([*codes, self.filters.language])


class OrganisationsListing(ListingView):
    """The certified organisations, by name, with a country filter and a search."""

    filters_class = listings.OrganisationFilters
    view_name = "certified-organisations"

    def results(self):
        # the catalog sorts and returns only up to the page shown
        return self.filters.results(b_start=b_start(self.request), b_size=PAGE_SIZE)

    def countries(self):
        codes = list(listings.organisation_countries())
        if self.filters.country_code:
            codes.append(self.filters.country_code)
        return listings.country_options(codes, self.names)

    def rows(self):
        return [
            {
                "title": brain.Title,
                "url": self.urls(brain),
                "description": brain.Description or "",
                "country": self.names(feeds.country_of(brain)),
                "website": feeds.website(brain),
            }
            for brain in self.batch()
        ]


class UpcomingCoursesListing(ListingView):
    """The published courses that have not started yet, soonest first."""

    filters_class = listings.CourseFilters
    view_name = "upcoming-courses"

    def results(self):
        if getattr(self, "_results", None) is None:
            self._results = listings.upcoming_courses(**self.filters.query())
        return self._results

    def countries(self):
        return self.country_choices(
            feeds.country_of(course) for course, _ in listings.upcoming_courses()
        )

    def languages(self):
        return self.language_choices(
            feeds.value(course, "qgis_course", {}).get("language")
            for course, _ in listings.upcoming_courses()
        )

    def rows(self):
        return [
            course_row(course, organisation, self.names, self.urls)
            for course, organisation in self.batch()
        ]

    def calendar_url(self):
        url = f"{api.portal.get().absolute_url()}/@@upcoming-courses.ics"
        params = self.filters.params()
        return f"{url}?{urlencode(params)}" if params else url


class PublicHelpers(BrowserView):
    """What the public templates show beyond their view's own methods."""

    def __call__(self):
        raise NotFound("qgis-public")

    def next_courses(self, limit=5):
        names, urls = feeds.CountryNames(), Addresses()
        return [
            course_row(course, organisation, names, urls)
            for course, organisation in listings.upcoming_courses(limit=limit)
        ]

    def organisation_courses(self, organisation):
        names, urls = feeds.CountryNames(), Addresses()
        path = "/".join(organisation.getPhysicalPath())
        return [
            course_row(course, organisation_brain, names, urls)
            for course, organisation_brain in listings.upcoming_courses(organisation_path=path)
        ]

    def place(self, centre):
        if centre is None:
            return None
        return {
            "title": centre.Title(),
            "url": centre.absolute_url(),
            "address": centre.address,
            "country": country_name(centre.country, current_language()),
        }

    def training_centres(self, organisation):
        """The training centres the visitor may see, with their address and country."""
        return [
            self.place(brain.getObject())
            for brain in queries.contents_of(organisation, "TrainingCenter")
        ]

    def course_details(self, course):
        """The course's type, convener and place (their titles, whoever may see them)."""
        course_type = uuidToObject(course.course_type, unrestricted=True)
        convener = uuidToObject(course.convener, unrestricted=True)
        centre = uuidToObject(course.training_center, unrestricted=True)
        return {
            "course_type": course_type.Title() if course_type is not None else None,
            "convener": convener.Title() if convener is not None else None,
            "place": self.place(centre),
            "start": localized_date(course.start_date),
            "end": localized_date(course.end_date),
            "language": listings.language_name(course.course_language),
        }

    def apply_url(self):
        """The programme's page on applying, in the visitor's language."""
        root = self.context
        language = root.getId()
        for page in PAGES:
            if page["id"]["en"] == "apply" and language in page["id"]:
                page_id = page["id"][language]
                if page_id in root.objectIds():
                    return f"{root.absolute_url()}/{page_id}"
        return f"{api.portal.get().absolute_url()}/organisations"
