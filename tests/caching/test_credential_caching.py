"""Open Badges and caching: a certificate's change purges its revocation list,
which is cached as a feed; a credential and the issuer profile, which show the
current key, are not cached."""

import pytest
import requests
import transaction
from builders import certified_course
from builders import top_up
from plone import api
from plone.cachepurging.utils import getPathsToPurge
from zope.globalrequest import getRequest

from qgis.certification.builders import certificates as build


def one_certificate(portal):
    """An attendee's certificate of a certified organisation's course."""
    with api.env.adopt_roles(["Manager"]):
        organisation, course, people = certified_course(portal)
        top_up(organisation, 1)
        return build.issue(course, "owner", attendees=people[:1])[0]


@pytest.fixture
def certificate(site):
    return one_certificate(site)


def test_a_certificate_purges_its_status_list(certificate):
    paths = set(getPathsToPurge(certificate, getRequest()))
    site = "/" + api.portal.get().virtual_url_path()
    assert f"{site}/@credential-status/1" in paths


@pytest.mark.server
@pytest.mark.parametrize(
    ("path", "cached"),
    [("@credential-status/1", True), ("@credential/{code}", False), ("@issuer", False)],
)
def test_credentials_are_cached_as_feeds(server_site, path, cached):
    issued = one_certificate(server_site)
    transaction.commit()
    url = f"{server_site.absolute_url()}/{path.format(code=issued.code)}"
    response = requests.get(url, headers={"Accept": "application/json"}, timeout=60)
    assert response.status_code == 200
    assert ("s-maxage=300" in response.headers.get("Cache-Control", "")) is cached
