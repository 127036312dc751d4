"""Helpers of the security tests: what the server committed, and whether
an answer says yes or no."""

import transaction
from plone import api


DENIED = (401, 403)


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
