"""Refuse REST writes that another site could have made with the user's cookie.

A page on any other site can make the browser ``POST`` a form, or a ``fetch``
in ``no-cors`` mode, to this site with the logged-in user's ``__ac`` cookie.
Such a request can only carry a "simple" body type (``text/plain``, a form
encoding), so plone.restapi reads it as JSON all the same and carries it out;
plone.protect leaves API calls alone, and only the browser's SameSite=Lax
cookie stood in the way. The rule here, for every REST write (``POST``,
``PUT``, ``PATCH``, ``DELETE`` on a request plone.rest marked as an API call)
authenticated by the cookie: it must send ``Content-Type: application/json``
(which another site cannot send without a CORS preflight, which this site
does not grant) or an ``Origin`` equal to the site's own; otherwise it is
answered 403 before any service runs, so nothing changes. Requests with an
``Authorization`` header (Basic or a JWT) carry their own credentials and
are left alone.

It is one subscriber to ``IPubAfterTraversal`` rather than a check in each
service: traversal has then marked the request as an API call and PAS has
picked the user, and no service code has run yet.
"""

import json

from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.interfaces import IQgisCertificationLayer


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SESSION_COOKIE = "__ac"


class CrossSiteWriteRefused(Forbidden):
    """A cookie-authenticated REST write that could come from another site."""


def media_type(request):
    content_type = request.getHeader("Content-Type") or ""
    return content_type.split(";", 1)[0].strip().lower()


def is_own_origin(request):
    origin = (request.getHeader("Origin") or "").rstrip("/")
    return bool(origin) and origin == request["SERVER_URL"].rstrip("/")


def needs_proof_of_origin(request):
    """A REST write authenticated by the session cookie alone."""
    return (
        IQgisCertificationLayer.providedBy(request)
        and IAPIRequest.providedBy(request)
        and request.get("REQUEST_METHOD", "GET").upper() in WRITE_METHODS
        and SESSION_COOKIE in request.cookies
        # the publisher moves the Authorization header into ``_auth`` (PAS reads it there)
        and not request._auth
    )


def refuse_cross_site_writes(event):
    request = event.request
    if not needs_proof_of_origin(request):
        return
    if media_type(request) == "application/json" or is_own_origin(request):
        return
    raise CrossSiteWriteRefused(
        translate(
            _(
                "A change through the REST API with the login cookie must be sent as "
                "application/json or from this site's own pages: nothing changed."
            ),
            context=request,
        )
    )


class CrossSiteWriteRefusedView(BrowserView):
    """The JSON answer to a refused write, in the shape of the product's REST
    errors (more specific than plone.rest's view for every error of an API call)."""

    def __call__(self):
        response = self.request.response
        response.setStatus(403, lock=True)
        response.setHeader("Content-Type", "application/json")
        body = {"error": {"type": "Forbidden", "message": str(self.context), "errors": []}}
        return json.dumps(body)
