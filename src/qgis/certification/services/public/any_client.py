"""The feeds at their documented addresses for every client.

plone.rest answers ``@training-centers-geojson`` and the other feeds only to a
request whose ``Accept`` header names exactly one JSON media type (or under
``++api++``): GDAL and QGIS, a browser following a link or ``curl`` got 404.
These pages, registered under the same names, answer the others: they mark the
request as the feed's REST request (as plone.rest does for a JSON client's GET)
and let the feed's own service answer, so the answer is the same whatever the
client asks for. A ``HEAD`` request gets the GET's headers (the server sends
no body).
"""

from plone.rest.interfaces import IAPIRequest
from plone.rest.negotiation import lookup_service_id
from Products.Five.browser import BrowserView
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

from qgis.certification.public.features import GEOJSON


# feed -> the media type its service answers
MEDIA_TYPES = {
    "@training-centers-geojson": GEOJSON,
    "@courses-geojson": GEOJSON,
    "@organisations": "application/json",
}


class FeedForAnyClient(BrowserView):
    """A feed's answer, whatever the ``Accept`` header."""

    def __call__(self):
        service_id = lookup_service_id("GET", MEDIA_TYPES[self.__name__])
        alsoProvides(self.request, IAPIRequest)
        self.request._rest_service_id = service_id
        self.request._rest_cors_preflight = False
        return getMultiAdapter((self.context, self.request), name=service_id + self.__name__)()
