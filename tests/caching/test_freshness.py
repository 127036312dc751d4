"""A change is seen by the very next anonymous request, although the pages and
feeds are kept in RAM: an edited title, a newly certified organisation, a
retracted one. Caching proxies are told to drop what changed (PURGE requests)."""

import threading
import time
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

import pytest
import requests
import transaction
from builders import PASSWORD
from builders import bring_to
from builders import create_application
from caching_helpers import CALENDAR
from caching_helpers import HTML
from caching_helpers import JSON
from plone import api
from plone.cachepurging.utils import getPathsToPurge
from zope.globalrequest import getRequest


pytestmark = pytest.mark.server

RAM_HIT = "X-RAMCache"

# the public URLs that name the organisation (relative to the site), with their Accept
SHOWING_THE_ORGANISATION = [
    ("en", HTML),
    ("sv", HTML),
    ("{org}", HTML),
    ("{course}", HTML),
    ("@organisations", JSON),
    ("@organisations?country=RO", JSON),
    ("@training-centers-geojson", JSON),
    ("@courses-geojson", JSON),
    ("@@upcoming-courses.ics", CALENDAR),
    ("verify/{org_code}", HTML),
    ("@courses-geojson?when=upcoming", HTML),  # the feed for clients that do not ask for JSON
    ("ogc/collections/upcoming-courses/items", JSON),
    ("ogc/collections/training-centres/items?f=html", HTML),
]
LISTINGS = [
    ("en", HTML),
    ("ro", HTML),
    ("@organisations", JSON),
    ("@organisations?q=academy", JSON),
]
COURSE_FEEDS = [("@courses-geojson", JSON), ("@@upcoming-courses.ics", CALENDAR)]


def anonymous(url, accept):
    return requests.get(url, headers={"Accept": accept}, timeout=60)


def warm(programme, rows):
    """Request each URL twice, so that the second answer came from RAM."""
    for path, accept in rows:
        url = programme.url(path)
        anonymous(url, accept)
        response = anonymous(url, accept)
        assert response.status_code == 200, (url, response.status_code)
        assert response.headers[RAM_HIT], url


def organisation(programme):
    return api.portal.get().unrestrictedTraverse(programme.organisation_path)


def fresh(programme, path, accept):
    response = anonymous(programme.url(path), accept)
    assert RAM_HIT not in response.headers, path
    return response


def test_an_edited_title_is_seen_at_once(programme):
    warm(programme, SHOWING_THE_ORGANISATION)
    owner = requests.Session()
    owner.auth = ("owner", PASSWORD)
    response = owner.patch(
        programme.url("{org}"),
        json={"title": "Cluj Open GIS School"},
        headers={"Accept": JSON},
        timeout=60,
    )
    assert response.status_code == 204, response.text
    for path, accept in SHOWING_THE_ORGANISATION:
        response = fresh(programme, path, accept)
        assert response.status_code == 200
        assert "Cluj Open GIS School" in response.text, path
        assert "Geo Academy" not in response.text, path


def test_a_newly_certified_organisation_is_listed_at_once(programme):
    warm(programme, LISTINGS)
    with api.env.adopt_roles(["Manager"]):
        new = create_application(api.portal.get(), title="Danube Mapping Academy")
    transaction.commit()
    # an application is not public, and the listings say so
    for path, accept in LISTINGS:
        assert "Danube Mapping Academy" not in anonymous(programme.url(path), accept).text
    bring_to(new, "published")
    transaction.commit()
    for path, accept in LISTINGS:
        assert "Danube Mapping Academy" in fresh(programme, path, accept).text, path


def test_a_retracted_organisation_disappears_at_once(programme):
    warm(programme, [*LISTINGS, *COURSE_FEEDS, ("{org}", HTML)])
    team = requests.Session()
    team.auth = ("team", PASSWORD)
    response = team.post(
        programme.url("{org}/@workflow/archive"), headers={"Accept": JSON}, json={}, timeout=60
    )
    assert response.status_code == 200, response.text
    for path, accept in LISTINGS + COURSE_FEEDS:
        response = fresh(programme, path, accept)
        assert response.status_code == 200
        assert "Geo Academy" not in response.text, path
    page = requests.get(
        programme.url("{org}"), headers={"Accept": HTML}, timeout=60, allow_redirects=False
    )
    assert page.status_code != 200
    assert RAM_HIT not in page.headers


def test_a_revoked_certificate_is_verified_as_revoked_at_once(programme):
    warm(programme, [("@verify/{code}", JSON), ("verify/{code}", HTML)])
    assert anonymous(programme.url("@verify/{code}"), JSON).json()["valid"] is True
    team = requests.Session()
    team.auth = ("team", PASSWORD)
    response = team.post(
        programme.url("{certificate}/@revoke"),
        headers={"Accept": JSON},
        json={"comment": "Issued by mistake.", "refund": True},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    body = fresh(programme, "@verify/{code}", JSON).json()
    assert body["valid"] is False
    assert body["state"] != "issued"
    assert "certificate.pdf" not in fresh(programme, "verify/{code}", HTML).text


# -- purging ---------------------------------------------------------------------


class FakeProxy:
    """A caching proxy that only records the PURGE requests it receives."""

    def __init__(self):
        self.paths = []
        recorded = self.paths

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 - the HTTP method's name
                recorded.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def wait_for(self, paths, seconds=15):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if set(paths) <= set(self.paths):
                return
            time.sleep(0.1)
        missing = sorted(set(paths) - set(self.paths))
        raise AssertionError(f"not purged: {missing}; purged: {sorted(set(self.paths))}")

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(programme):
    fake = FakeProxy()
    api.portal.set_registry_record(
        "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies", (fake.url,)
    )
    transaction.commit()
    yield fake
    fake.stop()


def site_paths(programme, *paths):
    site = "/" + programme.portal_url.rstrip("/").rsplit("/", 1)[1]
    return [f"{site}/{path.format(**programme.paths)}".rstrip("/") for path in paths]


FEEDS_AND_HOMES = (
    "@organisations",
    "@training-centers-geojson",
    "@courses-geojson",
    "@@upcoming-courses.ics",
    "ogc",
    "en",
    "ro/programme-home",
    "sv",
    "en/@@certified-organisations",
    "sv/@@upcoming-courses",
    "@statistics",
    "ro/@@statistics",
    "sv/@@statistics/courses-per-month.csv",
)


def test_an_edit_purges_the_pages_and_feeds_that_show_it(programme, proxy):
    owner = requests.Session()
    owner.auth = ("owner", PASSWORD)
    response = owner.patch(
        programme.url("{course}"), json={"title": "Spring school"}, headers={"Accept": JSON}
    )
    assert response.status_code == 204, response.text
    proxy.wait_for(
        site_paths(programme, "{course}", "{course}/view", "{org}", "{org}/@@upcoming-courses.ics")
        + site_paths(programme, *FEEDS_AND_HOMES)
    )


def test_a_workflow_transition_purges_too(programme, proxy):
    team = requests.Session()
    team.auth = ("team", PASSWORD)
    response = team.post(
        programme.url("{org}/@workflow/archive"), headers={"Accept": JSON}, json={}
    )
    assert response.status_code == 200, response.text
    proxy.wait_for(
        site_paths(programme, "{org}", "{org}/view", "verify/{org_code}", "@verify/{org_code}")
        + site_paths(programme, *FEEDS_AND_HOMES)
    )


def test_a_certificate_purges_its_verification_pages(programme):
    certificate = api.portal.get().unrestrictedTraverse(programme.certificate_path)
    paths = set(getPathsToPurge(certificate, getRequest()))
    assert (
        set(
            site_paths(
                programme,
                "verify/{code}",
                "verify/{code}/certificate.pdf",
                "@verify/{code}",
                "@statistics",
                "en/@@statistics/certificates-per-year.csv",
            )
        )
        <= paths
    )


def test_without_a_proxy_nothing_is_sent_and_edits_work(programme):
    assert not api.portal.get_registry_record(
        "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies"
    )
    with api.env.adopt_roles(["Manager"]):
        item = organisation(programme)
        item.title = "Renamed Academy"
        item.reindexObject()
    transaction.commit()
    assert "Renamed Academy" in fresh(programme, "@organisations", JSON).text
