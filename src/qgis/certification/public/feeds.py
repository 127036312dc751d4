"""What the public feeds show, read from the catalog only.

Published organisations and the training centres of published organisations
(the lists of organisations and courses are in ``listings``). No content object is woken:
every value comes from catalog brains (see ``catalog.xml`` and ``indexers.py``),
and an item's organisation is found by its parent's path among the published
organisations, fetched with one query.
"""

import math
from datetime import date

from Missing import MV

from qgis.certification.content.urls import safe_url
from qgis.certification.public.queries import search
from qgis.certification.vocabularies.countries import country_names
from qgis.certification.vocabularies.countries import current_language
from qgis.certification.vocabularies.countries import is_country


PUBLISHED = "published"
WHEN = ("upcoming", "past")


def value(brain, name, default=None):
    """A metadata value of a brain, ``default`` when the item had none."""
    found = getattr(brain, name, MV)
    return default if found is MV or found is None else found


def website(brain):
    """The organisation's website, when it is a safe web address (metadata
    indexed before addresses were checked may hold any text)."""
    return safe_url(value(brain, "qgis_website"))


def position(brain):
    """[latitude, longitude] of a brain, when both are finite numbers in range;
    None otherwise, so that a feed leaves the item off its map."""
    geo = value(brain, "qgis_geo")
    if not isinstance(geo, (list, tuple)) or len(geo) != 2:
        return None
    latitude, longitude = geo
    if not all(isinstance(number, (int, float)) and math.isfinite(number) for number in geo):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return [latitude, longitude]


# the last day a feed can show: an all-day event ends the day after its last day
LAST_SHOWN_DAY = date(9998, 12, 31)


def _day(iso):
    try:
        return date.fromisoformat(iso) if isinstance(iso, str) else None
    except ValueError:
        return None


def course_dates(brain):
    """(start, end) of a course from its metadata; None when either is missing,
    unreadable, out of order or too far in the future for a calendar (a course
    stored before its dates were checked may hold any of these)."""
    summary = value(brain, "qgis_course", {})
    start, end = _day(summary.get("start_date")), _day(summary.get("end_date"))
    if start is None or end is None or end < start or end > LAST_SHOWN_DAY:
        return None
    return start, end


def parent_path(brain):
    return brain.getPath().rpartition("/")[0]


def known_country(code):
    """The ISO 3166 code in upper case, or None when it names no country."""
    if not isinstance(code, str) or len(code) != 2:
        return None
    code = code.upper()
    return code if is_country(code) else None


class CountryNames:
    """Country names in the request's language (computed once per language)."""

    def __init__(self):
        self.language = current_language()
        self.names = country_names(self.language)

    def __call__(self, code):
        if not code:
            return None
        return self.names.get(code, code)


def country_of(brain):
    countries = value(brain, "qgis_countries", ())
    return countries[0] if countries else None


def courses_kept(brains, organisations, language):
    """(course, organisation) of the ``brains`` whose organisation is among
    ``organisations`` (by path) and, when given, taught in ``language``."""
    found = []
    for brain in brains:
        organisation = organisations.get(parent_path(brain))
        if organisation is None:
            continue
        # the teaching language has no index: it is read from the metadata
        if language and value(brain, "qgis_course", {}).get("language") != language:
            continue
        found.append((brain, organisation))
    return found


# -- queries ----------------------------------------------------------------


def published_organisations(organisation_path=None):
    """{path: brain} of the published organisations (or of those at that path,
    or at those paths)."""
    query = dict(portal_type="CertifyingOrganisation", review_state=PUBLISHED)
    if organisation_path:
        query["path"] = {"query": organisation_path, "depth": 0}
    return {brain.getPath(): brain for brain in search(**query)}


def training_centres():
    """(centre, organisation) brains of the located training centres of published
    organisations, by title."""
    organisations = published_organisations()
    if not organisations:
        return []
    # one query for every centre, kept when its parent is published: a path
    # query naming each organisation costs one path lookup per organisation
    brains = search(portal_type="TrainingCenter", sort_on="sortable_title")
    return [
        (brain, organisations[parent_path(brain)])
        for brain in brains
        if position(brain) and parent_path(brain) in organisations
    ]
