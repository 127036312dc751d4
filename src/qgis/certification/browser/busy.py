"""What a request answers when it kept colliding with others' writes.

Zope retries a request whose transaction conflicts with another one (three times
by default). When the last attempt conflicts too, nothing of it was committed:
the visitor is told so with 503 and ``Retry-After`` (JSON in the product's error
shape for API requests), never with a server error.
"""

import json

from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.services.base import error_body


RETRY_AFTER_SECONDS = 2

BUSY = _(
    "The site was busy with other changes at the same moment, and nothing of "
    "yours was saved. Please try again in a few seconds."
)
BUSY_TITLE = _("Please try again")

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body><main><h1>{title}</h1><p>{message}</p></main></body></html>
"""


def wants_json(request):
    accept = request.getHeader("Accept", "") or ""
    return IAPIRequest.providedBy(request) or "application/json" in accept


class BusyView(BrowserView):
    def __call__(self):
        response = self.request.response
        response.setStatus(503, lock=True)
        response.setHeader("Retry-After", str(RETRY_AFTER_SECONDS))
        response.setHeader("Cache-Control", "no-store")
        if wants_json(self.request):
            response.setHeader("Content-Type", "application/json")
            return json.dumps(error_body(self.request, 503, BUSY))
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        return PAGE.format(
            lang=self.language(),
            title=translate(BUSY_TITLE, context=self.request),
            message=translate(BUSY, context=self.request),
        )

    def language(self):
        negotiated = getattr(self.request, "LANGUAGE", "") or "en"
        return negotiated.split("-")[0]
