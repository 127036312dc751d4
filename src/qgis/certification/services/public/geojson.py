"""``@training-centers-geojson`` and ``@courses-geojson``: GeoJSON feature
collections (RFC 7946: coordinates are [longitude, latitude])."""

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.public import listings
from qgis.certification.services.base import ServiceError
from qgis.certification.services.public.parameters import PublicService


GEOJSON = "application/geo+json"


def point(geo):
    latitude, longitude = geo
    return {"type": "Point", "coordinates": [longitude, latitude]}


def feature_collection(features):
    return {"type": "FeatureCollection", "features": features}


class TrainingCentersGeoJsonGet(PublicService):
    """``GET /@training-centers-geojson``: the located training centres of
    certified organisations."""

    def answer(self):
        features = [
            {
                "type": "Feature",
                "id": centre.UID,
                "geometry": point(feeds.position(centre)),
                "properties": {
                    "title": centre.Title,
                    "url": centre.getURL(),
                    "organisation": organisation.Title,
                    "organisation_url": organisation.getURL(),
                    "country": feeds.country_of(centre),
                },
            }
            for centre, organisation in feeds.training_centres()
        ]
        self.content_type = GEOJSON
        return feature_collection(features)


class CoursesGeoJsonGet(PublicService):
    """``GET /@courses-geojson?when=upcoming|past&country=RO``: published courses of
    certified organisations, at their training centre, by start date."""

    def answer(self):
        when = self.parameter("when") or "upcoming"
        if when not in feeds.WHEN:
            raise ServiceError(400, _("'when' must be 'upcoming' or 'past'."), field="when")
        country = self.country()
        features = []
        for course, organisation in listings.courses(when=when, country=country):
            geo = feeds.position(course)
            if not geo:
                continue
            summary = feeds.value(course, "qgis_course", {})
            features.append(
                {
                    "type": "Feature",
                    "id": course.UID,
                    "geometry": point(geo),
                    "properties": {
                        "title": course.Title,
                        "url": course.getURL(),
                        "organisation": organisation.Title,
                        "organisation_url": organisation.getURL(),
                        "start_date": summary.get("start_date"),
                        "end_date": summary.get("end_date"),
                        "language": summary.get("language"),
                        "country": feeds.country_of(course),
                        "course_type": summary.get("course_type"),
                        "training_center": summary.get("training_center"),
                    },
                }
            )
        self.content_type = GEOJSON
        return feature_collection(features)
