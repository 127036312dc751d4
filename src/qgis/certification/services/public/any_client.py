"""The feeds at their documented addresses for every client.

plone.rest answers ``@training-centers-geojson`` and the other feeds only to a
request whose ``Accept`` header names exactly one JSON media type (or under
``++api++``): GDAL and QGIS, a browser following a link or ``curl`` got 404.
These pages, registered under the same names, answer the others: they mark the
request as the feed's REST request and let the feed's own service answer, so
the answer is the same whatever the client asks for.
"""

from plone.rest.events import mark_as_api_request
from Products.Five.browser import BrowserView
from zope.component import getMultiAdapter

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
        mark_as_api_request(self.request, MEDIA_TYPES[self.__name__])
        name = self.request._rest_service_id + self.__name__
        return getMultiAdapter((self.context, self.request), name=name)()
