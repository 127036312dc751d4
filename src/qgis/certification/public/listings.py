"""The catalog queries behind the public lists: certified organisations and
published courses, shared by the HTML pages, the REST feeds and the calendar.

Everything is read from catalog brains (see ``feeds`` for the helpers that read
their metadata); no content object is woken. ``CourseFilters`` and
``OrganisationFilters`` read the visitor's filters from a request form, with a
message per field for the values they cannot use.
"""

import gettext
import re
from datetime import date
from datetime import timedelta
from functools import lru_cache

import pycountry

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.public import figure_counts
from qgis.certification.public import soonest
from qgis.certification.public.queries import search
from qgis.certification.vocabularies.countries import current_language


WORD = re.compile(r"\w+")
WHEN = feeds.WHEN


def words(text):
    return WORD.findall(text or "")


def search_organisations(country=None, text="", b_start=None, b_size=None):
    """Published organisations, by sortable title (a lazy result set). Each word
    of ``text`` must start a word of the title. With ``b_size``, the catalog
    sorts only up to the page from ``b_start`` and the result holds that page
    (its ``actual_result_count`` says how many there are)."""
    query = dict(portal_type="CertifyingOrganisation", review_state=feeds.PUBLISHED)
    query["sort_on"] = "sortable_title"
    if country:
        query["qgis_countries"] = country
    found = words(text)
    if found:
        query["Title"] = " ".join(f"{word}*" for word in found)
    if b_size:
        query.update(b_start=b_start or 0, b_size=b_size)
    return search(**query)


def _start_range(start_from, start_to):
    """The catalog query on the start date from ``start_from`` to ``start_to``
    (both included; either may be left open), or None when both are."""
    if start_from and start_to:
        return {"query": [start_from, start_to], "range": "min:max"}
    if start_from:
        return {"query": start_from, "range": "min"}
    if start_to:
        return {"query": start_to, "range": "max"}
    return None


def course_query(when, country, start_from, start_to, organisation_path, today):
    """The catalog query of the published courses (their organisations' state
    is checked on the brains: a path query naming every organisation grows with
    the programme)."""
    query = dict(portal_type="Course", review_state=feeds.PUBLISHED)
    if organisation_path:
        query["path"] = {"query": organisation_path, "depth": 1}
    if when == "past":
        query["qgis_end"] = {"query": today - timedelta(days=1), "range": "max"}
    else:
        query["qgis_end"] = {"query": today, "range": "min"}
    start = _start_range(start_from, start_to)
    if start is not None:
        query["qgis_start"] = start
    if country:
        query["qgis_countries"] = country
    return query


def courses(
    when="upcoming",
    country=None,
    language=None,
    start_from=None,
    start_to=None,
    organisation_path=None,
    today=None,
    limit=None,
):
    """(course, organisation) brains of the published courses of published
    organisations, by start date: ``upcoming`` end today or later, ``past``
    ended before today; optionally only those starting from ``start_from`` to
    ``start_to`` (both included), in a country or taught in a language; only
    the first ``limit`` when given (see ``first_courses``)."""
    today = today or date.today()
    query = course_query(when, country, start_from, start_to, organisation_path, today)
    if limit is not None:
        return soonest.first_courses(query, limit, language, organisation_path)
    organisations = feeds.published_organisations(organisation_path)
    if not organisations:
        return []
    return feeds.courses_kept(
        search(sort_on=["qgis_start", "sortable_title"], **query), organisations, language
    )


def upcoming_courses(today=None, start_from=None, **filters):
    """Published courses that have not started yet (they start today or later)."""
    today = today or date.today()
    start_from = max(start_from, today) if start_from else today
    return courses(when="upcoming", start_from=start_from, today=today, **filters)


# -- names in the visitor's language ------------------------------------------


@lru_cache(maxsize=16)
def _language_translation(language):
    return gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def language_name(code, language=None):
    """The name of an ISO 639-1 language in the visitor's language (the code when unknown)."""
    if not code:
        return None
    found = pycountry.languages.get(alpha_2=code)
    if found is None:
        return code
    name = _language_translation(language or current_language()).gettext(found.name)
    return name[:1].upper() + name[1:]


def organisation_countries():
    """The countries that have certified organisations, from the programme's
    running counts (no organisation is read)."""
    return set(figure_counts.counted("organisations", "country"))


def country_options(codes, names=None):
    """[{value, title}] of the countries, by name in the visitor's language."""
    names = names or feeds.CountryNames()
    options = [{"value": code, "title": names(code)} for code in set(codes) if code]
    return sorted(options, key=lambda option: option["title"].casefold())


def language_options(codes):
    options = [{"value": code, "title": language_name(code)} for code in set(codes) if code]
    return sorted(options, key=lambda option: option["title"].casefold())


# -- filters read from a request ----------------------------------------------


def _given(form, name):
    """A form value given once, stripped; None when absent, empty or repeated."""
    found = form.get(name)
    if not isinstance(found, str):
        return None
    return found.strip() or None


class Filters:
    """Filters read from a request form; ``errors`` maps a field to its message.
    A value that cannot be used is left out of the query."""

    def __init__(self, form):
        self.form = form
        self.errors = {}

    def country(self, name="country"):
        given = _given(self.form, name)
        if given is None:
            return None
        code = feeds.known_country(given)
        if code is None:
            self.errors[name] = _("Choose a country from the list.")
        return code

    def course_language(self):
        given = _given(self.form, "language")
        if given is None:
            return None
        if len(given) != 2 or pycountry.languages.get(alpha_2=given.lower()) is None:
            self.errors["language"] = _("Choose a language from the list.")
            return None
        return given.lower()

    def params(self):
        """The valid filters, to carry into links (paging, the calendar)."""
        return {key: value for key, value in self.values().items() if value}

    def values(self):
        raise NotImplementedError


class OrganisationFilters(Filters):
    def __init__(self, form):
        super().__init__(form)
        self.country_code = self.country()
        self.text = (_given(self.form, "q") or "")[:200]

    def values(self):
        return {"country": self.country_code, "q": self.text}

    def results(self, b_start=None, b_size=None):
        return search_organisations(
            country=self.country_code, text=self.text, b_start=b_start, b_size=b_size
        )


class CourseFilters(Filters):
    def __init__(self, form):
        super().__init__(form)
        self.country_code = self.country()
        self.language = self.course_language()
        self.start_from = self.date("from")
        self.start_to = self.date("to")
        if self.start_from and self.start_to and self.start_to < self.start_from:
            self.errors["to"] = _("The last date must not be before the first.")
            self.start_to = None

    def date(self, name):
        given = _given(self.form, name)
        if given is None:
            return None
        try:
            return date.fromisoformat(given)
        except ValueError:
            self.errors[name] = _("Give a date as year-month-day, for example 2027-03-01.")
            return None

    def values(self):
        return {
            "country": self.country_code,
            "language": self.language,
            "from": self.start_from.isoformat() if self.start_from else None,
            "to": self.start_to.isoformat() if self.start_to else None,
        }

    def query(self):
        return dict(
            country=self.country_code,
            language=self.language,
            start_from=self.start_from,
            start_to=self.start_to,
        )
