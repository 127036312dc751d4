"""The programme in figures, against a programme built with the builders: only
certified organisations, public courses and issued certificates count."""

from datetime import date

import pytest
import transaction
from builders import ATTENDEES
from builders import bring_to
from builders import certified_course
from builders import course_data
from builders import create_application
from builders import do
from builders import top_up
from plone import api

from qgis.certification.builders import courses
from qgis.certification.builders import training
from qgis.certification.certificates import issuing
from qgis.certification.public import figure_counts
from qgis.certification.public import statistics


THIS_YEAR = str(date.today().year)
THIS_MONTH = date.today().strftime("%Y-%m")


def issue(course, count):
    attendees = [brain.UID for brain in issuing.attendees_of(course)][:count]
    with api.env.adopt_user(username="owner"):
        return issuing.issue_certificates(course, attendees, "completion", "owner")[0]


def swedish_course(site):
    """A certified organisation in Sweden, its course in September 2026 (teaching the
    same course type, by title, as the Romanian one), with three attendees."""
    organisation = bring_to(create_application(site, "Stockholm Geo", country="SE"), "published")
    with api.env.adopt_roles(["Manager"]):
        convener = training.add_convener(organisation, "Lars Trainer", "convener")
        centre = training.add_training_centre(organisation, "Stockholm centre", "SE")
    parts = (organisation["qgis-for-beginners"], convener, centre)
    with api.env.adopt_user(username="owner"):
        course = courses.add_course(
            organisation,
            **course_data(*parts, start_date=date(2026, 9, 7), end_date=date(2026, 9, 8)),
        )
        for index, (first, last, email) in enumerate(ATTENDEES):
            courses.add_attendee(course, first, last, email, object_id=f"attendee-{index}")
    do(course, "owner", "publish")
    return organisation, course


@pytest.fixture
def programme_in_figures(site):
    """Romania: a certified organisation (course since November 2026, two certificates,
    one of them revoked) and an archived one (its course no longer public, its
    certificate still valid), a draft application; Sweden: a certified
    organisation (course in September 2026, three certificates) and an unpublished course."""
    romanian, course, _people = certified_course(site)
    top_up(romanian, 5)
    revoked, _kept = issue(course, 2)
    do(revoked, "team", "revoke", comment="Wrong person.")
    archived, archived_course, _people = certified_course(site, title="Former Academy")
    top_up(archived, 5)
    issue(archived_course, 1)
    do(archived, "team", "archive")
    create_application(site, "Draft Academy")
    swedish, swedish_course_ = swedish_course(site)
    top_up(swedish, 5)
    issue(swedish_course_, 3)
    with api.env.adopt_user(username="owner"):
        parts = (
            swedish["qgis-for-beginners"],
            swedish["lars-trainer"],
            swedish["stockholm-centre"],
        )
        courses.add_course(swedish, **course_data(*parts, title="Not yet announced"))
    return site


@pytest.mark.parametrize(
    ("figure", "rows"),
    [
        ("organisations-per-country", [("RO", 1), ("SE", 1)]),
        ("organisations-over-time", [(THIS_YEAR, 2, 2)]),
        ("courses-per-month", [("2026-09", 1), ("2026-10", 0), ("2026-11", 1)]),
        ("certificates-per-year", [(THIS_YEAR, 5)]),
        ("certificates-per-country", [("RO", 2), ("SE", 3)]),
        ("certificates-per-course-type", [("QGIS for beginners", 5)]),
        ("trainers-per-country", []),
        ("trainers-over-time", []),
    ],
)
def test_each_figure_counts_the_public_programme(programme_in_figures, figure, rows):
    assert statistics.counted()[figure] == rows


def test_figures_show_country_names_largest_first(programme_in_figures):
    shown = {figure["name"]: figure for figure in statistics.figures()}
    assert shown["certificates-per-country"]["rows"] == [["Sweden", 3], ["Romania", 2]]
    assert shown["courses-per-month"]["chart"] == "bar"
    assert [figure["name"] for figure in statistics.figures()] == [
        figure.name for figure in statistics.FIGURES
    ]


def test_an_empty_programme_counts_nothing(site):
    counted = statistics.counted()
    assert set(counted) == {figure.name for figure in statistics.FIGURES}
    assert all(rows == [] for rows in counted.values())


def test_an_organisation_counts_from_the_month_it_was_first_certified(site):
    organisation, _course, _people = certified_course(site)
    brain = api.content.find(UID=organisation.UID())[0]
    counts = figure_counts.Counts(api.portal.get_tool("portal_catalog"))
    assert brain.getRID() in counts.ids("qgis_month", THIS_MONTH)


def test_the_counts_are_kept_until_the_catalog_changes(site):
    certified_course(site)
    transaction.commit()
    first = statistics.counted()
    assert statistics.counted() is first
    create_application(site, "Another Academy")
    # uncommitted changes are counted, never kept
    assert statistics.counted() is not first
    transaction.commit()
    again = statistics.counted()
    assert again is not first
    assert statistics.counted() is again


@pytest.mark.parametrize(
    ("first", "last", "months"),
    [
        ("2026-11", "2027-02", ["2026-11", "2026-12", "2027-01", "2027-02"]),
        ("2027-03", "2027-03", ["2027-03"]),
    ],
)
def test_months_between(first, last, months):
    assert statistics.months_between(first, last) == months


class FakeIndex:
    """An index as ZCatalog keeps one: value -> ids (one id kept as an int),
    and id -> value (a list of them for a keyword index)."""

    def __init__(self, values):
        self._index, self._unindex = {}, {}
        for docid, value in values.items():
            self._unindex[docid] = value
            for one in [value] if isinstance(value, str) else value:
                self._index.setdefault(one, set()).add(docid)
        self._index = {
            key: next(iter(ids)) if len(ids) == 1 else ids for key, ids in self._index.items()
        }

    def numObjects(self):
        return len(self._unindex)


class FakeCatalog:
    def __init__(self, **indexes):
        self._catalog = type("Catalog", (), {"indexes": indexes})


@pytest.mark.parametrize("among", [{1, 2}, {1, 2, 3, 4, 5}], ids=["looked-up", "matched"])
@pytest.mark.parametrize(
    "values",
    [
        {1: "RO", 2: "SE", 3: "RO", 4: "RO", 5: "NO", 6: "SE"},
        {1: ["RO"], 2: ["SE", "RO"], 3: ["RO"], 4: ["RO"], 5: ["NO"], 6: ["SE"]},
    ],
    ids=["field", "keyword"],
)
def test_both_ways_of_counting_agree(values, among):
    counts = figure_counts.Counts(FakeCatalog(qgis_countries=FakeIndex(values)))
    expected = {}
    for docid in among:
        for value in [values[docid]] if isinstance(values[docid], str) else values[docid]:
            expected[value] = expected.get(value, 0) + 1
    assert counts.by("qgis_countries", among) == expected
    assert counts.by("qgis_month", among) == {}
