"""The public feeds other QGIS sites embed: anonymous, published data only.

``@organisations`` (a paged list), ``@training-centers-geojson`` and
``@courses-geojson`` (GeoJSON feature collections, RFC 7946: coordinates are
[longitude, latitude]). All of it is read from the catalog (see
``qgis.certification.public.listings`` and ``feeds``); bad parameters answer 400 with a JSON error.
"""

import re

from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.public import listings


MAX_BATCH_SIZE = 100
GEOJSON = "application/geo+json"
DIGITS = re.compile(r"\d+")


class BadParameter(Exception):
    def __init__(self, field, message):
        super().__init__(field)
        self.field = field
        self.message = message


class PublicService(Service):
    """A GET service anyone may call, from any origin."""

    def render(self):
        self.request.response.setHeader("Access-Control-Allow-Origin", "*")
        return super().render()

    def reply(self):
        try:
            return self.answer()
        except BadParameter as error:
            self.request.response.setStatus(400)
            message = translate(error.message, context=self.request)
            return {"error": {"type": "BadRequest", "message": message, "field": error.field}}

    def answer(self):
        raise NotImplementedError

    def parameter(self, name):
        """A query-string parameter given once, or None when absent or empty."""
        found = self.request.form.get(name)
        if found is None or found == "":
            return None
        if not isinstance(found, str):
            raise BadParameter(
                name, _("Give the parameter '${name}' once.", mapping={"name": name})
            )
        return found.strip()

    def country(self):
        given = self.parameter("country")
        if given is None:
            return None
        code = feeds.known_country(given)
        if code is None:
            raise BadParameter(
                "country",
                _("'country' must be a two-letter ISO 3166 country code, for example RO or SE."),
            )
        return code

    def natural(self, name, minimum, maximum=None):
        given = self.parameter(name)
        if given is None:
            return None
        number = int(given) if DIGITS.fullmatch(given) else None
        if number is None or number < minimum or (maximum is not None and number > maximum):
            if maximum is None:
                message = _(
                    "'${name}' must be a whole number, ${minimum} or more.",
                    mapping={"name": name, "minimum": minimum},
                )
            else:
                message = _(
                    "'${name}' must be a whole number from ${minimum} to ${maximum}.",
                    mapping={"name": name, "minimum": minimum, "maximum": maximum},
                )
            raise BadParameter(name, message)
        return number


def point(geo):
    latitude, longitude = geo
    return {"type": "Point", "coordinates": [longitude, latitude]}


def feature_collection(features):
    return {"type": "FeatureCollection", "features": features}


class OrganisationsGet(PublicService):
    """``GET /@organisations?country=RO&q=geo&b_start=0&b_size=20``"""

    def answer(self):
        country = self.country()
        query = self.parameter("q") or ""
        self.natural("b_start", 0)
        self.natural("b_size", 1, MAX_BATCH_SIZE)
        brains = listings.search_organisations(country=country, text=query)
        batch = HypermediaBatch(self.request, brains)
        names = feeds.CountryNames()
        items = []
        for brain in batch:
            code = feeds.country_of(brain)
            items.append(
                {
                    "@id": brain.getURL(),
                    "UID": brain.UID,
                    "title": brain.Title,
                    "description": brain.Description or "",
                    "country": code,
                    "country_name": names(code),
                    "website": feeds.website(brain),
                }
            )
        return {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": items,
            "batching": batch.links or single_page_links(batch),
        }


def single_page_links(batch):
    """The batching links of a result that fits on one page."""
    first = batch._url_with_params(params={"b_start": 0})
    return {"@id": batch.current_batch_url, "first": first, "last": first}


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
            raise BadParameter("when", _("'when' must be 'upcoming' or 'past'."))
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
