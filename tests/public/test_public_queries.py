"""The public lists and feeds read the catalog only: without Plone's
effective-date filter (a date-range index over every catalogued object), with
sorts bounded by what is shown, and without waking a content object."""

import pytest
import transaction
from feed_world import World
from feed_world import add_course
from feed_world import days
from plone import api
from plone.app.testing import logout
from Products.ZCatalog.ZCatalog import ZCatalog

from qgis.certification.public import feeds
from qgis.certification.public import listings
from qgis.certification.public import soonest
from qgis.certification.public.features import course_features
from qgis.certification.public.features import training_centre_features
from qgis.certification.public.queries import Addresses
from qgis.certification.public.queries import contents_of


@pytest.fixture
def world(site):
    world = World.__new__(World)
    with api.env.adopt_roles(["Manager"]):
        world.build(site)
        # two more courses starting with the Berlin course: order by title on the same day
        add_course(world.geo, world.cluj, "Alpha course", days(10), days(11))
        add_course(world.geo, world.cluj, "Zeta course", days(10), days(12))
    transaction.commit()
    logout()
    return world


@pytest.fixture
def queries(monkeypatch):
    """Every query the catalog is asked, as it reaches ZCatalog."""
    seen = []
    original = ZCatalog.searchResults

    def spy(self, query=None, **kw):
        seen.append({**(query or {}), **kw})
        return original(self, query, **kw)

    monkeypatch.setattr(ZCatalog, "searchResults", spy)
    return seen


def titles(pairs):
    return [course.Title for course, _organisation in pairs]


PUBLIC_READS = {
    "organisations": lambda: list(listings.search_organisations(b_size=20)),
    "organisation countries": listings.organisation_countries,
    "next courses": lambda: listings.upcoming_courses(limit=5),
    "upcoming courses": listings.upcoming_courses,
    "past courses": lambda: listings.courses(when="past"),
    "training centres": training_centre_features,
    "course features": lambda: course_features(when="upcoming"),
}


def test_public_reads_skip_the_effective_date_filter(world, queries):
    for name, read in PUBLIC_READS.items():
        del queries[:]
        read()
        searched = [query for query in queries if "portal_type" in query]
        if name != "organisation countries":  # read from the running counts
            assert searched, name
        for query in searched:
            assert "effectiveRange" not in query, (name, query)
            assert query["allowedRolesAndUsers"] == ["Anonymous"], (name, query)
    # what they leave out: Plone adds it to a plain anonymous search
    api.content.find(portal_type="Course")
    assert "effectiveRange" in queries[-1]


def test_an_organisations_contents_skip_the_effective_date_filter(world, queries):
    found = contents_of(world.geo, "Course")

    # the published ones (the draft is not the visitor's to see), by title
    assert [brain.Title for brain in found] == [
        "Alpha course",
        "Autumn course",
        "Ends today",
        "Spring course",
        "Yesterday course",
        "Zeta course",
    ]
    assert "effectiveRange" not in queries[-1]
    assert queries[-1]["allowedRolesAndUsers"] == ["Anonymous"]


def test_the_organisations_are_sorted_only_up_to_the_page(world, queries):
    found = listings.search_organisations(b_start=1, b_size=1)
    assert queries[-1]["b_size"] == 1
    assert queries[-1]["b_start"] == 1
    assert found.actual_result_count == 2
    assert [brain.Title for brain in found] == ["Geo Academy"]
    # the countries offered are those of the certified organisations
    assert listings.organisation_countries() == {"RO", "DE"}


def test_the_next_courses_are_the_first_of_all(world, queries, monkeypatch):
    everything = titles(listings.upcoming_courses())
    # same start day: by title; "Old course" (archived organisation) is left out
    assert everything == ["Alpha course", "Berlin course", "Zeta course", "Spring course"]
    for ask in (2, soonest.ASK):
        monkeypatch.setattr(soonest, "ASK", ask)
        for limit in range(1, 7):
            del queries[:]
            assert titles(listings.upcoming_courses(limit=limit)) == everything[:limit]
            courses = [query for query in queries if query.get("portal_type") == "Course"]
            assert courses
            assert all(query["sort_limit"] >= limit for query in courses)


def test_no_content_object_is_woken(world):
    shown = [world.geo, world.berlin, world.old, world.draft, world.cluj, world.spring]
    shown.append(world.berlin_course)
    world.geo._p_jar.cacheMinimize()
    assert all(item._p_changed is None for item in shown)  # ghosts
    for read in PUBLIC_READS.values():
        read()
    assert feeds.published_organisations()
    woken = [item.getId() for item in shown if item._p_changed is not None]
    assert woken == []
    # the addresses made from the portal's are those the brains give
    urls = Addresses()
    brains = api.content.find(portal_type=["CertifyingOrganisation", "Course"])
    assert brains
    assert [urls(brain) for brain in brains] == [brain.getURL() for brain in brains]
