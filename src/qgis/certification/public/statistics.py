"""The programme in figures: aggregates only, counted from the catalog's indexes.

Every figure counts the document ids an index holds for each of its values,
within the set of public items: certified organisations, published courses
that anonymous visitors may see (those of certified organisations), and
issued certificates (revoked ones are left out). No brain is made and no
object woken for the counting; only the titles of the course types that have
certificates are read from their brains.

The counts are kept in RAM under the catalog's state (its change counter and
the transaction that last changed it), so a request is a lookup until the
catalog changes; counts of uncommitted changes are never kept.

``FIGURES`` lists what the statistics page, ``@statistics`` and the CSV
files show, in order. Another figure (certified trainers, say) is added by
appending a ``Figure`` whose ``count`` reads the ``Counts`` of its own items.
"""

from dataclasses import dataclass

from Acquisition import aq_base
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from plone import api

from qgis.certification import _
from qgis.certification.public import feeds


ISSUED = "issued"
CACHE = {}


def _catalog():
    return api.portal.get_tool("portal_catalog")


class Counts:
    """Document-id sets and counts read from the catalog's indexes.

    A figure counts, for each value of an index, how many of a set of ids
    (the public items of a type) the index holds it for: by looking each id
    up in the index's reverse mapping when the set is small, or by matching
    each value's ids against the set when the index holds few more ids than
    that. Either way the cost grows with the items counted, never with how
    often a figure is asked for (the result is kept, see ``counted``)."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.indexes = catalog._catalog.indexes
        self.found = {}

    def ids(self, name, value):
        index = self.indexes.get(name)
        found = index._index.get(value) if index is not None else None
        if found is None:
            return IITreeSet()
        return IITreeSet((found,)) if isinstance(found, int) else found

    def public(self, portal_type, state, *more):
        """The ids of the items of ``portal_type`` in ``state`` (and in each
        ``(index, value)`` of ``more``), as a set."""
        key = (portal_type, state, more)
        if key not in self.found:
            found = intersection(
                self.ids("portal_type", portal_type), self.ids("review_state", state)
            )
            for name, value in more:
                found = intersection(found, self.ids(name, value))
            self.found[key] = set(found or ())
        return self.found[key]

    def by(self, name, among):
        """{value: how many of the ids ``among`` the index ``name`` holds it for}."""
        index = self.indexes.get(name)
        if index is None or not among:
            return {}
        if len(among) * 2 < index.numObjects():
            return _looked_up(index._unindex, among)
        counts = {}
        for value, found in index._index.items():
            number = (found in among) if isinstance(found, int) else len(among.intersection(found))
            if number:
                counts[value] = int(number)
        return counts

    def titles(self, portal_type, uids):
        """{UID: title} of the items of ``portal_type`` with these UIDs."""
        brains = self.catalog.unrestrictedSearchResults(portal_type=portal_type, UID=list(uids))
        return {brain.UID: brain.Title for brain in brains}


def _looked_up(reverse, among):
    """{value: how many ids of ``among`` have it}, from an index's reverse
    mapping (id -> value, or a list of them)."""
    counts = {}
    for docid in among:
        values = reverse.get(docid)
        if values is None:
            continue
        for value in (values,) if isinstance(values, str) else values:
            counts[value] = counts.get(value, 0) + 1
    return counts


def organisations(counts):
    return counts.public("CertifyingOrganisation", feeds.PUBLISHED)


def courses(counts):
    return counts.public("Course", feeds.PUBLISHED, ("allowedRolesAndUsers", "Anonymous"))


def certificates(counts):
    return counts.public("Certificate", ISSUED)


def per_year(by_month):
    years = {}
    for month, number in by_month.items():
        years[month[:4]] = years.get(month[:4], 0) + number
    return years


def months_between(first, last):
    """Every month from ``first`` to ``last`` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _largest_first(counts):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


# -- the figures ---------------------------------------------------------------
# Each ``count`` answers the figure's rows from ``Counts``, in no language; the
# first column of a ``country`` figure holds ISO codes, shown by their names.


def organisations_per_country(counts):
    return sorted(counts.by("qgis_countries", organisations(counts)).items())


def organisations_over_time(counts):
    years = per_year(counts.by("qgis_month", organisations(counts)))
    rows, total = [], 0
    for year in sorted(years):
        total += years[year]
        rows.append((year, years[year], total))
    return rows


def courses_per_month(counts):
    months = counts.by("qgis_month", courses(counts))
    if not months:
        return []
    return [(month, months.get(month, 0)) for month in months_between(min(months), max(months))]


def certificates_per_year(counts):
    return sorted(per_year(counts.by("qgis_month", certificates(counts))).items())


def certificates_per_country(counts):
    return sorted(counts.by("qgis_countries", certificates(counts)).items())


def certificates_per_course_type(counts):
    """Course types of the same title (each organisation has its own) count together."""
    by_uid = counts.by("qgis_course_type", certificates(counts))
    titles = counts.titles("CourseType", by_uid)
    by_title = {}
    for uid, number in by_uid.items():
        title = (titles.get(uid) or "").strip()
        if title:
            by_title[title] = by_title.get(title, 0) + number
    return _largest_first(by_title)


@dataclass(frozen=True)
class Figure:
    """A figure: its ``name`` (in URLs), the function that counts its rows,
    its ``title`` and column headings, the kind of ``chart`` that shows it, and
    whether its first column holds country codes."""

    name: str
    count: object
    title: str
    columns: tuple
    chart: str = "bar"
    countries: bool = False


COUNTRY = _("Country")
YEAR = _("Year")
CERTIFICATES = _("Certificates")

FIGURES = [
    Figure(
        "organisations-per-country",
        organisations_per_country,
        _("Certified organisations per country"),
        (COUNTRY, _("Certified organisations")),
        countries=True,
    ),
    Figure(
        "organisations-over-time",
        organisations_over_time,
        _("Certified organisations over time"),
        (YEAR, _("Newly certified"), _("Certified in all")),
        chart="line",
    ),
    Figure(
        "courses-per-month",
        courses_per_month,
        _("Published courses per month"),
        (_("Month"), _("Courses")),
    ),
    Figure(
        "certificates-per-year",
        certificates_per_year,
        _("Certificates issued per year"),
        (YEAR, CERTIFICATES),
    ),
    Figure(
        "certificates-per-country",
        certificates_per_country,
        _("Certificates issued per country"),
        (COUNTRY, CERTIFICATES),
        countries=True,
    ),
    Figure(
        "certificates-per-course-type",
        certificates_per_course_type,
        _("Certificates issued per course type"),
        (_("Course type"), CERTIFICATES),
    ),
]


def figure_named(name):
    return next((figure for figure in FIGURES if figure.name == name), None)


# -- counted once per state of the catalog ---------------------------------------


def catalog_state(catalog):
    """What identifies the catalog's committed state, or None while this
    transaction has changed it (its counts are then not kept)."""
    counter = getattr(aq_base(catalog), "_counter", None)
    if counter is None:
        return None
    value = counter()  # loads it, so that its serial is known
    if counter._p_changed or counter._p_jar is None:
        return None
    return ("/".join(catalog.getPhysicalPath()), value, counter._p_serial)


def counted():
    """{figure name: rows} of every figure, from the cache when the catalog
    has not changed since they were counted."""
    catalog = _catalog()
    state = catalog_state(catalog)
    found = CACHE.get(state) if state is not None else None
    if found is not None:
        return found
    counts = Counts(catalog)
    rows = {figure.name: figure.count(counts) for figure in FIGURES}
    if state is not None:
        # only the newest state is asked for again; other threads may read
        # the cache meanwhile, so entries are dropped one by one
        for older in list(CACHE):
            if older != state:
                CACHE.pop(older, None)
        CACHE[state] = rows
    return rows


def shown(figure, rows, names):
    """The rows as shown to a visitor: countries by their name, largest first."""
    if not figure.countries:
        return [list(row) for row in rows]
    named = [[names(code) or code, *numbers] for code, *numbers in rows]
    return sorted(named, key=lambda row: (-row[1], row[0].casefold()))


def figures():
    """The figures in the visitor's language: [{name, title, columns, chart, rows}]."""
    rows = counted()
    names = feeds.CountryNames()
    return [
        {
            "name": figure.name,
            "title": figure.title,
            "columns": figure.columns,
            "chart": figure.chart,
            "rows": shown(figure, rows.get(figure.name, []), names),
        }
        for figure in FIGURES
    ]
