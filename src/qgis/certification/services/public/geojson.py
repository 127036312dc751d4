"""``@training-centers-geojson`` and ``@courses-geojson``: GeoJSON feature
collections (RFC 7946: coordinates are [longitude, latitude])."""

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.public.features import GEOJSON
from qgis.certification.public.features import course_features
from qgis.certification.public.features import feature_collection
from qgis.certification.public.features import training_centre_features
from qgis.certification.services.base import ServiceError
from qgis.certification.services.public.parameters import PublicService


class TrainingCentersGeoJsonGet(PublicService):
    """``GET /@training-centers-geojson``: the located training centres of
    certified organisations."""

    def answer(self):
        self.content_type = GEOJSON
        return feature_collection(training_centre_features())


class CoursesGeoJsonGet(PublicService):
    """``GET /@courses-geojson?when=upcoming|past&country=RO``: published courses of
    certified organisations, at their training centre, by start date."""

    def answer(self):
        when = self.parameter("when") or "upcoming"
        if when not in feeds.WHEN:
            raise ServiceError(400, _("'when' must be 'upcoming' or 'past'."), field="when")
        country = self.country()
        self.content_type = GEOJSON
        return feature_collection(course_features(when=when, country=country))
