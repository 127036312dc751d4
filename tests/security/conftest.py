"""Set-up of the security tests: the server's site with the programme's
people and user groups, a session per user, and what each may do read back
over HTTP only."""

import pytest
import transaction
from plone import api


DENIED = (401, 403)
USERS = ("owner", "stranger", "reviewer_ro", "reviewer_se", "team", "psc_member", "convener")


@pytest.fixture
def actors(server_site, sessions_for):
    return sessions_for(*USERS, "site_manager")


@pytest.fixture
def commit():
    """``commit()``: make the test's changes visible to the server."""
    return transaction.commit


def obj_at(url):
    """The object behind ``url``, as the server committed it."""
    transaction.begin()
    portal = api.portal.get()
    return portal.unrestrictedTraverse(url[len(portal.absolute_url()) :].lstrip("/"))


def allowed(response):
    assert response.status_code in (200, 201, 204, *DENIED), (
        response.status_code,
        response.text[:300],
    )
    return response.status_code not in DENIED
