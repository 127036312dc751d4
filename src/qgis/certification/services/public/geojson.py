"""``@training-centers-geojson`` and ``@courses-geojson``: GeoJSON feature
collections (RFC 7946: coordinates are [longitude, latitude]).

Each answer is built once for each state of what it shows and then served as
it was written (``public.ready_answers``): a request checks its parameters,
reads the feeds' state and looks the answer up. It is kept encoded: the
past courses' feed is megabytes, which every request would encode again."""

import json

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.public.features import GEOJSON
from qgis.certification.public.features import course_features
from qgis.certification.public.features import feature_collection
from qgis.certification.public.features import training_centre_features
from qgis.certification.public.ready_answers import ready
from qgis.certification.services.base import ServiceError
from qgis.certification.services.public.parameters import PublicService


# as plone.restapi writes its answers
JSON_FORMAT = dict(indent=2, sort_keys=True, separators=(", ", ": "))


class ReadyGeoJson(PublicService):
    """A GeoJSON feed served from the ready answers."""

    def render(self):
        response = self.request.response
        response.setHeader("Access-Control-Allow-Origin", "*")
        self.check_permission()
        try:
            parameters = self.parameters()
        except ServiceError as refusal:
            response.setHeader("Content-Type", "application/json")
            return json.dumps(self.refuse(refusal), **JSON_FORMAT)
        response.setHeader("Content-Type", GEOJSON)
        return ready(parameters, lambda: self.encoded(self.build(*parameters)))

    @staticmethod
    def encoded(collection):
        return json.dumps(collection, **JSON_FORMAT).encode("utf-8")

    def parameters(self):
        """The feed's name and its checked parameters (ServiceError when one is bad)."""
        raise NotImplementedError

    def build(self, *parameters):
        raise NotImplementedError


class TrainingCentersGeoJsonGet(ReadyGeoJson):
    """``GET /@training-centers-geojson``: the located training centres of
    certified organisations."""

    def parameters(self):
        return ("training-centres",)

    def build(self, name):
        return feature_collection(training_centre_features())


class CoursesGeoJsonGet(ReadyGeoJson):
    """``GET /@courses-geojson?when=upcoming|past&country=RO``: published courses of
    certified organisations, at their training centre, by start date."""

    def parameters(self):
        when = self.parameter("when") or "upcoming"
        if when not in feeds.WHEN:
            raise ServiceError(400, _("'when' must be 'upcoming' or 'past'."), field="when")
        return ("courses", when, self.country())

    def build(self, name, when, country):
        return feature_collection(course_features(when=when, country=country))
