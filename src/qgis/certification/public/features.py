"""The GeoJSON features of the public feeds and of the OGC API (RFC 7946:
coordinates are [longitude, latitude]), built from catalog brains only."""

from qgis.certification.public import feeds
from qgis.certification.public import listings
from qgis.certification.public.queries import Addresses


GEOJSON = "application/geo+json"


def point(geo):
    """The GeoJSON point of a [latitude, longitude] position."""
    latitude, longitude = geo
    return {"type": "Point", "coordinates": [longitude, latitude]}


def feature_collection(features):
    return {"type": "FeatureCollection", "features": features}


def centre_feature(centre, organisation, urls):
    """The feature of a located training centre of a certified organisation
    (``urls``: the request's ``queries.Addresses``)."""
    return {
        "type": "Feature",
        "id": centre.UID,
        "geometry": point(feeds.position(centre)),
        "properties": {
            "title": centre.Title,
            "url": urls(centre),
            "organisation": organisation.Title,
            "organisation_url": urls(organisation),
            "country": feeds.country_of(centre),
        },
    }


def course_feature(course, organisation, urls):
    """The feature of a published course at its training centre; None when the
    centre has no position."""
    geo = feeds.position(course)
    if not geo:
        return None
    summary = feeds.value(course, "qgis_course", {})
    return {
        "type": "Feature",
        "id": course.UID,
        "geometry": point(geo),
        "properties": {
            "title": course.Title,
            "url": urls(course),
            "organisation": organisation.Title,
            "organisation_url": urls(organisation),
            "start_date": summary.get("start_date"),
            "end_date": summary.get("end_date"),
            "language": summary.get("language"),
            "country": feeds.country_of(course),
            "course_type": summary.get("course_type"),
            "training_center": summary.get("training_center"),
        },
    }


def training_centre_features():
    """The features of the located training centres of certified organisations, by title."""
    urls = Addresses()
    return [centre_feature(*pair, urls) for pair in feeds.training_centres()]


def course_features(**query):
    """The features of the located published courses of certified organisations
    (``query`` as for ``listings.courses``), by start date."""
    urls = Addresses()
    found = (course_feature(*pair, urls) for pair in listings.courses(**query))
    return [feature for feature in found if feature is not None]
