"""Which ruleset each public view has, and the headers its responses carry over
HTTP: anonymous ones cacheable (ETag, 304, kept in RAM), authenticated ones never
shared."""

import pytest
import requests
import transaction
from builders import PASSWORD
from caching_helpers import CALENDAR
from caching_helpers import HTML
from caching_helpers import JSON
from plone import api
from plone.app.caching.interfaces import IPloneCacheSettings
from plone.cachepurging.interfaces import ICachePurgingSettings
from plone.caching.interfaces import ICacheSettings
from plone.registry.interfaces import IRegistry
from Products.CMFCore.indexing import processQueue
from z3c.caching.registry import lookup
from zope.component import getUtility

from qgis.certification.browser.certificates import CourseView
from qgis.certification.browser.certificates import VerifyView
from qgis.certification.browser.feeds import UpcomingCoursesCalendar
from qgis.certification.browser.home import ProgrammeHome
from qgis.certification.browser.listings import OrganisationsListing
from qgis.certification.browser.listings import UpcomingCoursesListing
from qgis.certification.browser.organisation import OrganisationView
from qgis.certification.browser.statistics import StatisticsView
from qgis.certification.browser.trainers import TrainersDirectory
from qgis.certification.services.certificates.verify import VerifyGet
from qgis.certification.services.ogc.endpoint import OgcApi
from qgis.certification.services.public.any_client import FeedForAnyClient
from qgis.certification.services.public.geojson import CoursesGeoJsonGet
from qgis.certification.services.public.geojson import TrainingCentersGeoJsonGet
from qgis.certification.services.public.organisations import OrganisationsGet
from qgis.certification.services.public.statistics import StatisticsGet
from qgis.certification.services.trainers.directory import TrainersGet


PAGE = "qgis.certification.page"
FEED = "qgis.certification.feed"
MAX_AGE = {PAGE: 120, FEED: 300}
RAM_HIT = "X-RAMCache"

# view class -> ruleset
RULESETS = [
    (ProgrammeHome, PAGE),
    (OrganisationsListing, PAGE),
    (UpcomingCoursesListing, PAGE),
    (OrganisationView, PAGE),
    (CourseView, PAGE),
    (VerifyView, PAGE),
    (TrainersDirectory, PAGE),
    (UpcomingCoursesCalendar, FEED),
    (OrganisationsGet, FEED),
    (TrainingCentersGeoJsonGet, FEED),
    (CoursesGeoJsonGet, FEED),
    (VerifyGet, FEED),
    (TrainersGet, FEED),
    (FeedForAnyClient, FEED),
    (OgcApi, FEED),
    (StatisticsView, PAGE),
    (StatisticsGet, FEED),
]

# public URL (relative to the site) -> Accept header, ruleset
PUBLIC = [
    ("en", HTML, PAGE),
    ("ro", HTML, PAGE),
    ("sv/@@certified-organisations?country=RO", HTML, PAGE),
    ("en/@@upcoming-courses", HTML, PAGE),
    ("{org}", HTML, PAGE),
    ("{course}", HTML, PAGE),
    ("verify", HTML, PAGE),
    ("verify/{code}", HTML, PAGE),
    ("verify/{org_code}", HTML, PAGE),
    ("@organisations", JSON, FEED),
    ("@organisations?country=RO", JSON, FEED),
    ("@training-centers-geojson", JSON, FEED),
    ("@courses-geojson", JSON, FEED),
    ("@courses-geojson?when=past", JSON, FEED),
    ("@verify/{code}", JSON, FEED),
    ("@trainers?country=RO", JSON, FEED),
    ("en/@@trainers", HTML, PAGE),
    ("@@upcoming-courses.ics", CALENDAR, FEED),
    ("{org}/@@upcoming-courses.ics", CALENDAR, FEED),
    # the feeds for clients that do not ask for JSON, and the OGC API
    ("@training-centers-geojson", HTML, FEED),
    ("@courses-geojson?when=past", CALENDAR, FEED),
    ("ogc/collections/training-centres/items", JSON, FEED),
    ("ogc/collections/upcoming-courses/items?f=html", HTML, FEED),
    ("sv/@@statistics", HTML, PAGE),
    ("en/@@statistics/certificates-per-year.csv", "text/csv", PAGE),
    ("@statistics", JSON, FEED),
]

pytestmark = pytest.mark.server


def get(url, accept, user=None, **headers):
    auth = (user, PASSWORD) if user else None
    response = requests.get(url, headers={"Accept": accept, **headers}, auth=auth, timeout=60)
    assert response.status_code in (200, 304), (url, response.status_code, response.text[:300])
    return response


# -- configuration -------------------------------------------------------------


@pytest.mark.parametrize(("view", "ruleset"), RULESETS, ids=[view.__name__ for view, _ in RULESETS])
def test_each_public_view_has_its_ruleset(view, ruleset):
    published = view.__new__(view)
    assert lookup(published) == ruleset


def test_the_profile_turns_caching_on(server_site):
    registry = getUtility(IRegistry)
    settings = registry.forInterface(ICacheSettings)
    assert settings.enabled is True
    for ruleset in (PAGE, FEED):
        assert settings.operationMapping[ruleset] == "plone.app.caching.moderateCaching"
        prefix = f"plone.app.caching.moderateCaching.{ruleset}"
        assert registry[f"{prefix}.smaxage"] == MAX_AGE[ruleset]
        assert registry[f"{prefix}.ramCache"] is True
        assert registry[f"{prefix}.anonOnly"] is True
        assert "qgisCatalog" in registry[f"{prefix}.etags"]
        assert "userid" in registry[f"{prefix}.etags"]
    purged = registry.forInterface(IPloneCacheSettings).purgedContentTypes
    programme_types = {"CertifyingOrganisation", "Course", "TrainingCenter", "Certificate"}
    assert programme_types | {"TrainerNomination"} <= set(purged)
    # Plone's own types stay purged too
    assert {"File", "Image"} <= set(purged)
    purging = registry.forInterface(ICachePurgingSettings)
    assert purging.enabled is True
    assert not purging.cachingProxies  # no proxy by default: nothing is sent
    assert (
        api.portal.get_tool("portal_setup").getLastVersionForProfile("plone.app.caching:default")
        != "unknown"
    )


# -- anonymous -----------------------------------------------------------------


@pytest.mark.parametrize(("path", "accept", "ruleset"), PUBLIC, ids=[row[0] for row in PUBLIC])
def test_anonymous_responses_are_cacheable(programme, path, accept, ruleset):
    url = programme.url(path)
    first = get(url, accept)
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == (
        f"max-age=0, s-maxage={MAX_AGE[ruleset]}, must-revalidate"
    )
    assert "Accept" in first.headers["Vary"]
    etag = first.headers["ETag"]
    assert etag.startswith('"|')
    assert etag.endswith('"')
    # what an earlier test left in RAM is never served for this test's content
    assert RAM_HIT not in first.headers

    second = get(url, accept)
    assert second.status_code == 200
    assert second.headers[RAM_HIT]
    assert second.headers["ETag"] == etag
    assert second.content == first.content
    assert second.headers["Content-Type"] == first.headers["Content-Type"]

    revalidated = get(url, accept, **{"If-None-Match": etag})
    assert revalidated.status_code == 304
    assert revalidated.content == b""

    stale = get(url, accept, **{"If-None-Match": '"|an-old-etag"'})
    assert stale.status_code == 200


def test_an_etag_changes_at_midnight(programme, monkeypatch):
    """Feeds of upcoming courses change with the date, without any edit."""
    from datetime import date
    from datetime import timedelta

    from qgis.certification import caching

    url = programme.url("@courses-geojson")
    etag = get(url, JSON).headers["ETag"]

    class Tomorrow(date):
        @classmethod
        def today(cls):
            return date.today() + timedelta(days=1)

    monkeypatch.setattr(caching, "date", Tomorrow)
    response = get(url, JSON, **{"If-None-Match": etag})
    assert response.status_code == 200
    assert response.headers["ETag"] != etag
    assert RAM_HIT not in response.headers


def test_a_reused_catalog_counter_does_not_serve_old_pages(programme):
    """After restoring an older backup the catalog counter can repeat a number it
    had with other content: the ETag (and so the RAM cache key) still differs."""
    url = programme.url("@organisations")
    get(url, JSON)
    before = get(url, JSON)
    assert before.headers[RAM_HIT]
    catalog = api.portal.get_tool("portal_catalog")
    counter = catalog.getCounter()
    organisation = api.portal.get().unrestrictedTraverse(programme.organisation_path)
    organisation.title = "Restored Academy"
    organisation.reindexObject()
    processQueue()
    assert catalog.getCounter() > counter
    catalog._counter.set(counter)
    transaction.commit()
    after = get(url, JSON)
    assert RAM_HIT not in after.headers
    assert after.headers["ETag"] != before.headers["ETag"]
    assert "Restored Academy" in after.text


# -- authenticated ---------------------------------------------------------------


@pytest.mark.parametrize(("path", "accept", "ruleset"), PUBLIC, ids=[row[0] for row in PUBLIC])
@pytest.mark.parametrize("user", ["owner", "team"])
def test_authenticated_responses_are_never_shared(programme, path, accept, ruleset, user):
    url = programme.url(path)
    anonymous_etag = get(url, accept).headers["ETag"]
    get(url, accept)  # now in RAM for anonymous visitors

    first = get(url, accept, user)
    second = get(url, accept, user, **{"If-None-Match": first.headers["ETag"]})
    for response in (first, second):
        assert response.status_code == 200
        control = response.headers["Cache-Control"]
        assert "private" in control
        assert "public" not in control
        assert "s-maxage" not in control
        assert RAM_HIT not in response.headers
        assert response.headers["ETag"] != anonymous_etag
    # a random ETag: not even the same user gets a 304
    assert first.headers["ETag"] != second.headers["ETag"]
    assert get(url, accept, user, **{"If-None-Match": anonymous_etag}).status_code == 200


def test_what_only_the_owner_sees_stays_with_the_owner(programme):
    """The owner's page (with the credits section) is never what a visitor gets."""
    url = programme.url("{org}")
    owner_page = get(url, HTML, "owner")
    anonymous_page = get(url, HTML)
    assert 'id="credits"' in owner_page.text
    assert 'id="credits"' not in anonymous_page.text
    assert RAM_HIT not in anonymous_page.headers
    again = get(url, HTML)
    assert again.headers[RAM_HIT]
    assert 'id="credits"' not in again.text
