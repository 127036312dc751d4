"""The programme in figures: aggregates only, never a person.

The figures read the running counts of ``figure_counts`` (certified
organisations, public courses, issued certificates, certified trainers, each
by country, month or course type), kept up to date on every change: a
request reads a few hundred counts whatever the size of the programme, and
no object is woken. Only the titles of the course types that have
certificates are read, from the catalog's metadata.

The rows are also kept in RAM under the catalog's state (its change counter
and the transaction that last changed it), so a request is a lookup until
the catalog changes; rows of uncommitted changes are never kept. So are the
statistics page's tables once rendered, per language and address
(``rendered``).

``FIGURES`` lists what the statistics page, ``@statistics`` and the CSV
files show, in order. A figure is added by appending a ``Figure`` whose
``count`` reads the ``Totals`` of a subject of ``figure_counts.SUBJECTS``.
"""

from dataclasses import dataclass

from Acquisition import aq_base
from plone import api
from Products.CMFCore.indexing import processQueue

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.public import figure_counts


CACHE = {}
# pages' figures as rendered, by (catalog state, what else they depend on)
RENDERED = {}
RENDERED_SIZE = 32


def _catalog():
    return api.portal.get_tool("portal_catalog")


class Totals:
    """What the figures count from: {(subject, dimension): {value: count}}."""

    def __init__(self, totals, catalog):
        self.totals = totals
        self.catalog = catalog

    def of(self, subject, dimension):
        return dict(self.totals.get((subject, dimension), {}))

    def titles(self, uids):
        """{UID: title} of the catalogued items with these UIDs, from the
        catalog's metadata (no brain made, no object woken)."""
        catalog = self.catalog._catalog
        index = catalog.indexes["UID"]._index
        position = catalog.schema.get("Title")
        found = {}
        for uid in uids:
            rid = index.get(uid)
            record = catalog.data.get(rid) if rid is not None else None
            if record is not None and position is not None:
                found[uid] = record[position]
        return found


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
# Each ``count`` answers the figure's rows from ``Totals``, in no language; the
# first column of a ``country`` figure holds ISO codes, shown by their names.


def per_country(subject):
    def count(totals):
        return sorted(totals.of(subject, "country").items())

    return count


def over_time(subject):
    """Newly counted per year (by the month first certified) and in all since."""

    def count(totals):
        years = per_year(totals.of(subject, "month"))
        rows, total = [], 0
        for year in sorted(years):
            total += years[year]
            rows.append((year, years[year], total))
        return rows

    return count


def courses_per_month(totals):
    months = totals.of("courses", "month")
    if not months:
        return []
    return [(month, months.get(month, 0)) for month in months_between(min(months), max(months))]


def certificates_per_year(totals):
    return sorted(per_year(totals.of("certificates", "month")).items())


def certificates_per_course_type(totals):
    """Course types of the same title (each organisation has its own) count together."""
    by_uid = totals.of("certificates", "course_type")
    titles = totals.titles(by_uid)
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
NEWLY_CERTIFIED = _("Newly certified")
CERTIFIED_IN_ALL = _("Certified in all")

FIGURES = [
    Figure(
        "organisations-per-country",
        per_country("organisations"),
        _("Certified organisations per country"),
        (COUNTRY, _("Certified organisations")),
        countries=True,
    ),
    Figure(
        "organisations-over-time",
        over_time("organisations"),
        _("Certified organisations over time"),
        (YEAR, NEWLY_CERTIFIED, CERTIFIED_IN_ALL),
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
        per_country("certificates"),
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
    Figure(
        "trainers-per-country",
        per_country("trainers"),
        _("Certified trainers per country"),
        (COUNTRY, _("Certified trainers")),
        countries=True,
    ),
    Figure(
        "trainers-over-time",
        over_time("trainers"),
        _("Certified trainers over time"),
        (YEAR, _("Newly certified trainers"), _("Certified trainers in all")),
        chart="line",
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
    processQueue()  # what waits to be indexed counts (and changes the state)
    catalog = _catalog()
    state = catalog_state(catalog)
    found = CACHE.get(state) if state is not None else None
    if found is not None:
        return found
    totals = Totals(figure_counts.totals(), catalog)
    rows = {figure.name: figure.count(totals) for figure in FIGURES}
    if state is not None:
        # only the newest state is asked for again; other threads may read
        # the cache meanwhile, so entries are dropped one by one
        for older in list(CACHE):
            if older != state:
                CACHE.pop(older, None)
        CACHE[state] = rows
    return rows


def rendered(key, render):
    """``render()``, kept under the catalog's state like the rows, and under
    ``key``: what else the rendering depends on (the language, the page's
    address). Renderings of an older state are dropped, and at most
    ``RENDERED_SIZE`` are kept (a visitor chooses the address's host name)."""
    processQueue()
    state = catalog_state(_catalog())
    if state is None:
        return render()
    found = RENDERED.get((state, key))
    if found is None:
        found = render()
        for older in list(RENDERED):
            if older[0] != state or len(RENDERED) >= RENDERED_SIZE:
                RENDERED.pop(older, None)
        RENDERED[(state, key)] = found
    return found


def recounted():
    """{figure name: rows} counted from scratch from the catalog's indexes
    (what the running counts must always equal)."""
    processQueue()
    catalog = _catalog()
    totals = Totals(figure_counts.recount(catalog), catalog)
    return {figure.name: figure.count(totals) for figure in FIGURES}


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
