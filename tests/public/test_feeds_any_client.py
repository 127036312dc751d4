"""Every public feed answers its own format at its documented address, whatever
the ``Accept`` header: GDAL (and so QGIS's "Add vector layer" from a URL), a
browser following a link and ``curl`` get the GeoJSON, JSON or iCalendar that
a JSON client gets. The front page links to these addresses, and each opens."""

import re

import icalendar
import pytest
import requests
from feed_world import world_in_test
from gdal_helpers import ogrinfo
from gdal_helpers import read_titles


pytestmark = pytest.mark.server

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
# what each client sends: nothing (GDAL, Python), curl, a browser, JSON clients
ACCEPT = [None, "*/*", BROWSER, "application/json", "application/geo+json", "text/calendar"]


@pytest.fixture
def world(server, shared_feed_world):
    return world_in_test(server, shared_feed_world)


@pytest.fixture
def portal_url(world, server):
    return server["portal"].absolute_url()


def fetch(url, accept):
    headers = {"Accept": accept} if accept else {}
    response = requests.get(url, headers=headers, timeout=60)
    assert response.status_code == 200, (accept, response.status_code, response.text[:300])
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response


def feature_titles(response):
    assert response.headers["Content-Type"].startswith("application/geo+json"), response.headers
    return [feature["properties"]["title"] for feature in response.json()["features"]]


@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        ("@training-centers-geojson", ["Berlin centre", "Cluj centre"]),
        ("@courses-geojson", ["Ends today", "Berlin course", "Spring course"]),
        ("@courses-geojson?when=past&country=RO", ["Autumn course", "Yesterday course"]),
    ],
)
def test_geojson_feeds_for_any_client(portal_url, feed, expected):
    for accept in ACCEPT:
        assert feature_titles(fetch(f"{portal_url}/{feed}", accept)) == expected, accept


def test_organisations_for_any_client(portal_url):
    for accept in ACCEPT:
        response = fetch(f"{portal_url}/@organisations?country=RO", accept)
        assert response.headers["Content-Type"].startswith("application/json"), accept
        assert [item["title"] for item in response.json()["items"]] == ["Geo Academy"]


def test_calendar_for_any_client(portal_url):
    for accept in ACCEPT:
        response = fetch(f"{portal_url}/@@upcoming-courses.ics", accept)
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8", accept
        events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        summaries = [str(event["SUMMARY"]) for event in events]
        assert summaries == ["Ends today", "Berlin course", "Spring course"], accept


@pytest.mark.parametrize(
    "feed", ["@training-centers-geojson", "@courses-geojson", "@organisations", "ogc"]
)
def test_head_answers_the_headers_of_get(portal_url, feed):
    """``curl -I`` and link checkers ask with HEAD."""
    response = requests.head(f"{portal_url}/{feed}", timeout=60)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/")
    assert response.content == b""


def test_a_bad_parameter_is_still_refused(portal_url):
    response = requests.get(f"{portal_url}/@courses-geojson?when=tomorrow", timeout=60)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "when"


@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        ("@training-centers-geojson", ["Berlin centre", "Cluj centre"]),
        ("@courses-geojson", ["Ends today", "Berlin course", "Spring course"]),
        ("@courses-geojson?when=past", ["Autumn course", "Yesterday course"]),
    ],
)
def test_gdal_opens_each_geojson_feed(portal_url, feed, expected):
    """As ``ogrinfo GeoJSON:<url>``, which is how QGIS opens a GeoJSON URL."""
    report = ogrinfo("-al", "-q", f"GeoJSON:{portal_url}/{feed}")
    assert sorted(read_titles(report)) == sorted(expected)
    assert "POINT (" in report


def test_the_front_page_links_to_addresses_that_open_as_they_are(portal_url):
    page = requests.get(f"{portal_url}/en", timeout=60).text
    section = page[page.index('id="open-data"') :]
    links = re.findall(r'<a href="([^"]+)"', section[: section.index("</section>")])
    assert [link.removeprefix(portal_url) for link in links] == [
        "/ogc",
        "/@training-centers-geojson",
        "/@courses-geojson",
        "/@courses-geojson?when=past",
        "/@@upcoming-courses.ics",
    ]
    for link in links:
        fetch(link.replace("&amp;", "&"), BROWSER)
    report = ogrinfo("-so", f"OAPIF:{links[0]}")
    assert "training-centres" in report
