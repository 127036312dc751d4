"""The public feeds other QGIS sites embed, over HTTP on the server layer:
``@organisations``, ``@training-centers-geojson``, ``@courses-geojson`` and the
iCalendar feeds ``@@upcoming-courses.ics``. Anonymous, published data only,
read from the catalog.

Set-up data is made in test code and committed so that the server thread sees it.
"""

from urllib.parse import urlparse

import icalendar
import pytest
import requests
from builders import PASSWORD
from feed_world import days
from feed_world import world_in_test
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain


pytestmark = pytest.mark.server


@pytest.fixture
def world(server, shared_feed_world):
    return world_in_test(server, shared_feed_world)


@pytest.fixture
def anonymous(rest_session):
    return rest_session()


@pytest.fixture
def portal_url(server):
    return server["portal"].absolute_url()


# -- helpers ------------------------------------------------------------------


def ok(response, content_type="application/json"):
    assert response.status_code == 200, (response.status_code, response.text[:500])
    assert response.headers["Content-Type"].startswith(content_type), response.headers
    return response.json()


def geojson(response):
    return ok(response, "application/geo+json")


def bad_request(response, field):
    assert response.status_code == 400, (response.status_code, response.text[:500])
    assert response.headers["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == field
    assert error["message"]
    return error


def titles(body):
    return [item["title"] for item in body["items"]]


def feature_titles(collection):
    return [feature["properties"]["title"] for feature in collection["features"]]


def calendar_of(response):
    assert response.status_code == 200, (response.status_code, response.text[:500])
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def ics(url):
    return requests.get(f"{url}/@@upcoming-courses.ics", headers={"Accept": "text/calendar"})


# -- @organisations -------------------------------------------------------------


def test_organisations_lists_only_certified_ones(world, anonymous, portal_url):
    body = ok(anonymous.get("/@organisations"))
    assert body["@id"] == f"{portal_url}/@organisations"
    assert body["items_total"] == 2
    assert titles(body) == ["Berlin GIS", "Geo Academy"]  # by title
    assert body["items"][1] == {
        "@id": world.urls["geo"],
        "UID": world.uids["geo"],
        "title": "Geo Academy",
        "description": "QGIS courses in Cluj.",
        "country": "RO",
        "country_name": "Romania",
        "website": "https://geo-academy.example",
    }
    berlin = body["items"][0]
    assert (berlin["country"], berlin["country_name"], berlin["website"]) == (
        "DE",
        "Germany",
        None,
    )
    assert "batching" in body


def test_organisations_by_country(world, anonymous):
    assert titles(ok(anonymous.get("/@organisations", params={"country": "RO"}))) == ["Geo Academy"]
    assert titles(ok(anonymous.get("/@organisations", params={"country": "de"}))) == ["Berlin GIS"]
    body = ok(anonymous.get("/@organisations", params={"country": "SE"}))
    assert (body["items_total"], body["items"]) == (0, [])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("geo", ["Geo Academy"]),
        ("acad", ["Geo Academy"]),  # a word's beginning is enough
        ("Berlin gi", ["Berlin GIS"]),  # every word must match
        ("gis academy", []),
        ("g", ["Berlin GIS", "Geo Academy"]),  # Geo, GIS
        ("GEO ACADEMY", ["Geo Academy"]),
        ("Ştefan ăîâ", []),
        ("not or and", []),
        ("*", ["Berlin GIS", "Geo Academy"]),  # no word: no filter
        ('"geo" (acad* -', ["Geo Academy"]),  # no query syntax: only words count
        ("old", []),  # archived
        ("draft", []),  # not certified
        ("", ["Berlin GIS", "Geo Academy"]),
    ],
)
def test_organisations_search_names(world, anonymous, query, expected):
    assert titles(ok(anonymous.get("/@organisations", params={"q": query}))) == expected


def test_organisations_paging(world, anonymous, portal_url):
    first = ok(anonymous.get("/@organisations", params={"b_size": 1}))
    assert first["items_total"] == 2
    assert titles(first) == ["Berlin GIS"]
    assert first["@id"] == f"{portal_url}/@organisations"
    batching = first["batching"]
    assert {"@id", "first", "last", "next"} <= set(batching)
    assert "prev" not in batching

    second = ok(anonymous.get(batching["next"]))
    assert titles(second) == ["Geo Academy"]
    assert "next" not in second["batching"]
    assert ok(anonymous.get(second["batching"]["prev"]))["items"] == first["items"]

    body = ok(anonymous.get("/@organisations", params={"b_start": 1, "b_size": 20}))
    assert titles(body) == ["Geo Academy"]
    assert ok(anonymous.get("/@organisations", params={"b_start": 5}))["items"] == []
    body = ok(anonymous.get("/@organisations", params={"b_size": 100, "country": "RO"}))
    assert body["@id"] == f"{portal_url}/@organisations?country=RO"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"country": "ROU"}, "country"),
        ({"country": "R"}, "country"),
        ({"country": "Romania"}, "country"),
        ({"b_size": "0"}, "b_size"),
        ({"b_size": "101"}, "b_size"),
        ({"b_size": "-5"}, "b_size"),
        ({"b_size": "ten"}, "b_size"),
        ({"b_start": "-1"}, "b_start"),
        ({"b_start": "1.5"}, "b_start"),
        ({"country": ["RO", "SE"]}, "country"),
    ],
)
def test_organisations_bad_parameters(world, anonymous, params, field):
    bad_request(anonymous.get("/@organisations", params=params), field)


# -- @training-centers-geojson ------------------------------------------------


def test_training_centres_geojson(world, anonymous):
    response = anonymous.get("/@training-centers-geojson")
    collection = geojson(response)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert collection["type"] == "FeatureCollection"
    # only located centres of certified organisations
    assert feature_titles(collection) == ["Berlin centre", "Cluj centre"]
    cluj = collection["features"][1]
    assert cluj == {
        "type": "Feature",
        "id": world.uids["cluj"],
        "geometry": {"type": "Point", "coordinates": [23.6, 46.77]},  # longitude first
        "properties": {
            "title": "Cluj centre",
            "url": world.urls["cluj"],
            "organisation": "Geo Academy",
            "organisation_url": world.urls["geo"],
            "country": "RO",
        },
    }
    berlin = collection["features"][0]
    assert berlin["geometry"]["coordinates"] == [13.405, 52.52]
    assert berlin["properties"]["organisation_url"] == world.urls["berlin"]


def test_geojson_media_type_and_api_traversal(world, portal_url):
    """GeoJSON clients ask for application/geo+json; ++api++ needs no Accept header."""
    response = requests.get(
        f"{portal_url}/@training-centers-geojson", headers={"Accept": "application/geo+json"}
    )
    assert ok(response, "application/geo+json")["type"] == "FeatureCollection"
    response = requests.get(f"{portal_url}/++api++/@courses-geojson")
    assert ok(response, "application/geo+json")["type"] == "FeatureCollection"
    response = requests.get(f"{portal_url}/++api++/@organisations")
    assert ok(response)["items_total"] == 2


# -- @courses-geojson -------------------------------------------------------------


def test_upcoming_courses_geojson(world, anonymous):
    collection = geojson(anonymous.get("/@courses-geojson"))
    assert collection["type"] == "FeatureCollection"
    # published courses of certified organisations, ending today or later, by start date;
    # never the draft course, nor the course of the archived organisation
    assert feature_titles(collection) == ["Ends today", "Berlin course", "Spring course"]
    assert geojson(anonymous.get("/@courses-geojson", params={"when": "upcoming"})) == collection

    spring = collection["features"][2]
    assert spring == {
        "type": "Feature",
        "id": world.uids["spring"],
        "geometry": {"type": "Point", "coordinates": [23.6, 46.77]},
        "properties": {
            "title": "Spring course",
            "url": world.urls["spring"],
            "organisation": "Geo Academy",
            "organisation_url": world.urls["geo"],
            "start_date": days(30).isoformat(),
            "end_date": days(32).isoformat(),
            "language": "ro",
            "country": "RO",
            "course_type": "QGIS for beginners",
            "training_center": "Cluj centre",
        },
    }
    berlin = collection["features"][1]
    assert berlin["geometry"]["coordinates"] == [13.405, 52.52]
    assert berlin["properties"]["country"] == "DE"
    assert berlin["properties"]["organisation_url"] == world.urls["berlin"]


def test_past_courses_geojson(world, anonymous):
    collection = geojson(anonymous.get("/@courses-geojson", params={"when": "past"}))
    assert feature_titles(collection) == ["Autumn course", "Yesterday course"]


def test_courses_by_country(world, anonymous):
    def titles_in(country, when="upcoming"):
        params = {"country": country, "when": when}
        return feature_titles(geojson(anonymous.get("/@courses-geojson", params=params)))

    assert titles_in("RO") == ["Ends today", "Spring course"]
    assert titles_in("de") == ["Berlin course"]
    assert titles_in("SE") == []
    assert titles_in("DE", "past") == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"when": "tomorrow"}, "when"),
        ({"when": "PAST"}, "when"),
        ({"country": "XX"}, "country"),
        ({"country": "DEU"}, "country"),
    ],
)
def test_courses_bad_parameters(world, anonymous, params, field):
    bad_request(anonymous.get("/@courses-geojson", params=params), field)


def test_archived_organisation_courses_never_appear(world, anonymous):
    """Even the course published before its organisation was archived."""
    for when in ("upcoming", "past"):
        collection = geojson(anonymous.get("/@courses-geojson", params={"when": when}))
        assert "Old course" not in feature_titles(collection)
    events = calendar_of(ics(anonymous.base_url)).walk("VEVENT")
    assert "Old course" not in [str(event["SUMMARY"]) for event in events]
    # nor for those who may see the archived organisation
    team = requests.Session()
    team.auth = ("team", PASSWORD)
    response = team.get(
        f"{world.urls['old']}/@@upcoming-courses.ics", headers={"Accept": "text/calendar"}
    )
    assert calendar_of(response).walk("VEVENT") == []
    team.close()


def test_a_moved_training_centre_moves_its_courses(world, rest_session, anonymous):
    owner = rest_session("owner", PASSWORD)
    response = owner.patch(
        world.urls["cluj"],
        json={"title": "Brasov centre", "latitude": 45.65, "longitude": 25.6},
    )
    assert response.status_code == 204, response.text

    collection = geojson(anonymous.get("/@courses-geojson"))
    spring = next(f for f in collection["features"] if f["properties"]["title"] == "Spring course")
    assert spring["geometry"]["coordinates"] == [25.6, 45.65]
    assert spring["properties"]["training_center"] == "Brasov centre"
    centres = geojson(anonymous.get("/@training-centers-geojson"))
    assert feature_titles(centres) == ["Berlin centre", "Brasov centre"]

    # to another country: the country filter follows
    response = owner.patch(world.urls["cluj"], json={"country": "MD"})
    assert response.status_code == 204, response.text
    moved = geojson(anonymous.get("/@courses-geojson", params={"country": "MD"}))
    assert feature_titles(moved) == ["Ends today", "Spring course"]
    assert (
        feature_titles(geojson(anonymous.get("/@courses-geojson", params={"country": "RO"}))) == []
    )


def test_a_renamed_course_type_renames_it_in_the_feed(world, rest_session, anonymous):
    owner = rest_session("owner", PASSWORD)
    course_type = f"{world.urls['geo']}/qgis-for-beginners"
    response = owner.patch(course_type, json={"title": "QGIS basics"})
    assert response.status_code == 204, response.text
    collection = geojson(anonymous.get("/@courses-geojson", params={"country": "RO"}))
    assert {f["properties"]["course_type"] for f in collection["features"]} == {"QGIS basics"}


# -- iCalendar --------------------------------------------------------------------


def test_site_calendar(world, portal_url):
    response = ics(portal_url)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    calendar = calendar_of(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [
        "Ends today",
        "Berlin course",
        "Spring course",
    ]
    spring = events[2]
    host = urlparse(portal_url).hostname
    assert str(spring["UID"]) == f"{world.uids['spring']}@{host}"
    assert spring["DTSTART"].dt == days(30)
    assert spring["DTEND"].dt == days(33)  # the day after the last one
    assert spring["DTSTART"].params.get("VALUE") == "DATE"
    assert str(spring["LOCATION"]) == "Cluj centre, Romania"
    assert str(spring["URL"]) == world.urls["spring"]
    assert "DTSTAMP" in spring
    assert str(events[1]["LOCATION"]) == "Berlin centre, Germany"
    # the same event keeps its UID from one read to the next
    again = calendar_of(ics(portal_url)).walk("VEVENT")
    assert [str(event["UID"]) for event in again] == [str(event["UID"]) for event in events]


def test_organisation_calendar(world):
    events = calendar_of(ics(world.urls["geo"])).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Ends today", "Spring course"]
    events = calendar_of(ics(world.urls["berlin"])).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Berlin course"]


def test_draft_organisation_is_not_public(world, anonymous):
    """Its page, and so its calendar, is not for anonymous visitors."""
    response = requests.get(
        f"{world.draft.absolute_url()}/@@upcoming-courses.ics", allow_redirects=False
    )
    assert response.status_code in (302, 401, 403)


# -- read from the catalog only -------------------------------------------------


def test_feeds_wake_no_object(world, anonymous, portal_url, monkeypatch):
    def woken(brain, *args, **kwargs):
        raise AssertionError(f"the feed woke {brain.getPath()}")

    monkeypatch.setattr(AbstractCatalogBrain, "getObject", woken)
    monkeypatch.setattr(AbstractCatalogBrain, "_unrestrictedGetObject", woken)
    ok(anonymous.get("/@organisations", params={"q": "geo", "country": "RO"}))
    geojson(anonymous.get("/@training-centers-geojson"))
    geojson(anonymous.get("/@courses-geojson"))
    geojson(anonymous.get("/@courses-geojson", params={"when": "past"}))
    calendar_of(ics(portal_url))
    calendar_of(ics(world.urls["geo"]))
