"""What the OGC API - Features service publishes, and what a request for items
may ask: the collections (training centres, upcoming and past courses), their
features (those of the public feeds, see ``features``), and the ``limit``,
``offset``, ``bbox`` and ``datetime`` parameters of OGC API - Features Part 1.

Features are filtered by place and date here, from catalog brains: the catalog
has no spatial index, and a course's days are an interval while the catalog
indexes its start and end apart. A parameter that cannot be used raises an
``OgcRefusal`` naming it (HTTP 400).
"""

import math
import re
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from functools import partial

from qgis.certification import _
from qgis.certification.public.features import course_features
from qgis.certification.public.features import training_centre_features
from qgis.certification.refusals import Refusal


DEFAULT_LIMIT = 10
# a larger limit is answered with this many, as Part 1 asks (not refused)
MAX_LIMIT = 1000
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
WORLD = [-180.0, -90.0, 180.0, 90.0]
OPEN = ("", "..")
DIGITS = re.compile(r"[0-9]+")  # ASCII digits only: \d takes any script's


class OgcRefusal(Refusal):
    """A parameter the service cannot use: HTTP 400, ``InvalidParameterValue``."""

    def __init__(self, field, message):
        super().__init__(400, message, field=field)


@dataclass(frozen=True)
class Collection:
    id: str
    title: str
    description: str
    features: object  # () -> list of GeoJSON features
    temporal: bool = False


COLLECTIONS = (
    Collection(
        "training-centres",
        _("Training centres"),
        _("The training centres of the organisations certified by the QGIS programme."),
        training_centre_features,
    ),
    Collection(
        "upcoming-courses",
        _("Upcoming courses"),
        _("Courses of certified organisations that have not ended, at their training centre."),
        partial(course_features, when="upcoming"),
        temporal=True,
    ),
    Collection(
        "past-courses",
        _("Past courses"),
        _("Courses of certified organisations that have ended, at their training centre."),
        partial(course_features, when="past"),
        temporal=True,
    ),
)


def collection(collection_id):
    """The collection with that id, or None."""
    return next((found for found in COLLECTIONS if found.id == collection_id), None)


# -- parameters ----------------------------------------------------------------


def read_limit(given):
    """How many features a page holds: ``DEFAULT_LIMIT`` when not given, at most ``MAX_LIMIT``."""
    if given is None:
        return DEFAULT_LIMIT
    if not DIGITS.fullmatch(given) or int(given) < 1:
        raise OgcRefusal("limit", _("'limit' must be a whole number, 1 or more."))
    return min(int(given), MAX_LIMIT)


def read_offset(given):
    if given is None:
        return 0
    if not DIGITS.fullmatch(given):
        raise OgcRefusal("offset", _("'offset' must be a whole number, 0 or more."))
    return int(given)


def _numbers(given):
    try:
        numbers = [float(part) for part in given.split(",")]
    except ValueError:
        return None
    return numbers if all(math.isfinite(number) for number in numbers) else None


def read_bbox(given):
    """[west, south, east, north] in WGS 84 longitude and latitude, or None.

    Six numbers (with heights) are accepted, the heights ignored; a box whose west
    edge is east of its east edge crosses the antimeridian."""
    if given is None:
        return None
    numbers = _numbers(given)
    if numbers is not None and len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    message = _(
        "'bbox' must be four numbers: west, south, east, north, longitudes from -180 "
        "to 180 and latitudes from -90 to 90, south not above north."
    )
    if numbers is None or len(numbers) != 4:
        raise OgcRefusal("bbox", message)
    west, south, east, north = numbers
    longitudes_fit = all(-180 <= number <= 180 for number in (west, east))
    if not longitudes_fit or not -90 <= south <= north <= 90:
        raise OgcRefusal("bbox", message)
    return numbers


def _day(text):
    """The day of an RFC 3339 date or date-time (courses last whole days)."""
    try:
        if "T" in text.upper():
            return datetime.fromisoformat(text.upper().replace("Z", "+00:00")).date()
        return date.fromisoformat(text)
    except ValueError:
        raise OgcRefusal(
            "datetime",
            _(
                "'datetime' must be a date or date-time (2027-03-01, "
                "2027-03-01T09:00:00Z) or an interval of them (2027-03-01/2027-03-31, "
                "2027-03-01/.., ../2027-03-31)."
            ),
        ) from None


def read_datetime(given):
    """(first day, last day) of the instant or interval asked for, either None
    when open; None when not given."""
    if given is None:
        return None
    if "/" not in given:
        day = _day(given)
        return day, day
    start, _slash, end = given.partition("/")
    first = None if start in OPEN else _day(start)
    last = None if end in OPEN else _day(end)
    if first and last and last < first:
        raise OgcRefusal("datetime", _("The end of 'datetime' must not be before its start."))
    return first, last


# -- selecting features --------------------------------------------------------


def in_bbox(feature, bbox):
    longitude, latitude = feature["geometry"]["coordinates"]
    west, south, east, north = bbox
    if not south <= latitude <= north:
        return False
    if west <= east:
        return west <= longitude <= east
    return longitude >= west or longitude <= east


def _stored_day(text):
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def during(feature, interval):
    """Whether a course's days meet the interval (first day, last day); a course
    whose stored days cannot be read meets none."""
    properties = feature["properties"]
    start, end = _stored_day(properties["start_date"]), _stored_day(properties["end_date"])
    if start is None or end is None:
        return False
    first, last = interval
    return (first is None or end >= first) and (last is None or start <= last)


def select(found, bbox=None, interval=None):
    """The features among ``found`` in the box and the interval (either None: no filter)."""
    if bbox is not None:
        found = [feature for feature in found if in_bbox(feature, bbox)]
    if interval is not None:
        found = [feature for feature in found if during(feature, interval)]
    return found


def extent(collection, found):
    """The OGC extent of the features: their bounding box, and for courses the
    first and last day (the whole world and an open interval when there are none)."""
    coordinates = [feature["geometry"]["coordinates"] for feature in found]
    box = WORLD
    if coordinates:
        longitudes, latitudes = zip(*coordinates, strict=True)
        box = [min(longitudes), min(latitudes), max(longitudes), max(latitudes)]
    spatial = {"bbox": [box], "crs": CRS84}
    if not collection.temporal:
        return {"spatial": spatial}
    days = [feature["properties"] for feature in found if during(feature, (None, None))]
    starts = [properties["start_date"] for properties in days]
    ends = [properties["end_date"] for properties in days]
    interval = [f"{min(starts)}T00:00:00Z" if starts else None]
    interval.append(f"{max(ends)}T23:59:59Z" if ends else None)
    return {"spatial": spatial, "temporal": {"interval": [interval], "trs": GREGORIAN}}
