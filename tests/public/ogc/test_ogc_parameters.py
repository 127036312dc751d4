"""The OGC API's item parameters and filters as plain functions (no Plone
layer): ``limit``, ``offset``, ``bbox`` and ``datetime``, which features a box
and an interval keep, and the extent of a collection."""

from datetime import date

import pytest

from qgis.certification.public import ogc


def refused(read, given, field):
    with pytest.raises(ogc.OgcRefusal) as caught:
        read(given)
    assert caught.value.status == 400
    assert caught.value.details == {"field": field}


@pytest.mark.parametrize(
    ("given", "expected"),
    [(None, 10), ("1", 1), ("250", 250), ("1000", 1000), ("1001", 1000), ("99999999999", 1000)],
)
def test_limit(given, expected):
    assert ogc.read_limit(given) == expected


@pytest.mark.parametrize("given", ["0", "-1", "ten", "1.5", " 5", "1e3", "５"])
def test_bad_limit(given):
    refused(ogc.read_limit, given, "limit")


@pytest.mark.parametrize(("given", "expected"), [(None, 0), ("0", 0), ("30", 30)])
def test_offset(given, expected):
    assert ogc.read_offset(given) == expected


@pytest.mark.parametrize("given", ["-1", "x", "2.0"])
def test_bad_offset(given):
    refused(ogc.read_offset, given, "offset")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, None),
        ("20,43,30,49", [20.0, 43.0, 30.0, 49.0]),
        ("-180,-90,180,90", [-180.0, -90.0, 180.0, 90.0]),
        ("170,-10,-170,10", [170.0, -10.0, -170.0, 10.0]),  # across the antimeridian
        ("20,43,-5,30,49,100", [20.0, 43.0, 30.0, 49.0]),  # heights left out
        ("1.5,2.5,3.5,4.5", [1.5, 2.5, 3.5, 4.5]),
    ],
)
def test_bbox(given, expected):
    assert ogc.read_bbox(given) == expected


@pytest.mark.parametrize(
    "given",
    [
        "-181,0,0,1",
        "0,0,181,1",
        "0,-90.5,1,1",
        "0,0,1,91",
        "0,10,1,5",
        "1,2,3",
        "1,2,3,4,5",
        "a,b,c,d",
        "nan,0,1,1",
        "0,0,inf,1",
        "",
        ",,,",
    ],
)
def test_bad_bbox(given):
    refused(ogc.read_bbox, given, "bbox")


D = date.fromisoformat


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, None),
        ("2027-03-01", (D("2027-03-01"), D("2027-03-01"))),
        ("2027-03-01T09:30:00Z", (D("2027-03-01"), D("2027-03-01"))),
        ("2027-03-01t23:30:00+02:00", (D("2027-03-01"), D("2027-03-01"))),
        ("2027-03-01/2027-03-31", (D("2027-03-01"), D("2027-03-31"))),
        ("2027-03-01/..", (D("2027-03-01"), None)),
        ("../2027-03-31", (None, D("2027-03-31"))),
        ("/2027-03-31", (None, D("2027-03-31"))),
        ("2027-03-01/", (D("2027-03-01"), None)),
        ("../..", (None, None)),
    ],
)
def test_datetime(given, expected):
    assert ogc.read_datetime(given) == expected


@pytest.mark.parametrize(
    "given",
    ["tomorrow", "2027-02-30", "2027-03-31/2027-03-01", "2027-03-01/soon", "01/03/2027", "2027"],
)
def test_bad_datetime(given):
    refused(ogc.read_datetime, given, "datetime")


def centre(longitude, latitude):
    return {"geometry": {"type": "Point", "coordinates": [longitude, latitude]}, "properties": {}}


def course(start, end, longitude=23.6, latitude=46.77):
    found = centre(longitude, latitude)
    found["properties"] = {"start_date": start, "end_date": end}
    return found


@pytest.mark.parametrize(
    ("bbox", "inside"),
    [
        ([20, 43, 30, 49], True),
        ([23.6, 46.77, 23.6, 46.77], True),  # edges count
        ([0, 0, 1, 1], False),
        ([20, 47, 30, 49], False),  # north of Cluj
        ([170, -90, 30, 90], True),  # across the antimeridian, east to 30
        ([170, -90, 20, 90], False),
    ],
)
def test_in_bbox(bbox, inside):
    assert ogc.in_bbox(centre(23.6, 46.77), bbox) is inside


@pytest.mark.parametrize(
    ("interval", "meets"),
    [
        ((D("2027-03-01"), D("2027-03-01")), True),  # its first day
        ((D("2027-03-03"), D("2027-03-03")), True),  # its last day
        ((D("2027-03-04"), None), False),
        ((None, D("2027-02-28")), False),
        ((D("2027-02-01"), D("2027-04-01")), True),
        ((None, None), True),
    ],
)
def test_during(interval, meets):
    assert ogc.during(course("2027-03-01", "2027-03-03"), interval) is meets


@pytest.mark.parametrize(("start", "end"), [(None, "2027-03-03"), ("someday", "2027-03-03")])
def test_a_course_with_unreadable_days_meets_no_interval(start, end):
    assert ogc.during(course(start, end), (None, None)) is False


def test_select_applies_both_filters():
    found = [course("2027-03-01", "2027-03-03"), course("2027-05-01", "2027-05-02", 13.4, 52.5)]
    assert ogc.select(found) == found
    assert ogc.select(found, bbox=[13, 52, 14, 53]) == found[1:]
    assert ogc.select(found, interval=(None, D("2027-04-01"))) == found[:1]
    assert ogc.select(found, [13, 52, 14, 53], (None, D("2027-04-01"))) == []


def test_extent():
    courses = ogc.collection("upcoming-courses")
    found = [course("2027-03-01", "2027-03-03"), course("2027-05-01", "2027-05-02", 13.4, 52.5)]
    assert ogc.extent(courses, found) == {
        "spatial": {"bbox": [[13.4, 46.77, 23.6, 52.5]], "crs": ogc.CRS84},
        "temporal": {
            "interval": [["2027-03-01T00:00:00Z", "2027-05-02T23:59:59Z"]],
            "trs": ogc.GREGORIAN,
        },
    }
    empty = ogc.extent(courses, [])
    assert empty["spatial"]["bbox"] == [ogc.WORLD]
    assert empty["temporal"]["interval"] == [[None, None]]
    assert ogc.extent(ogc.collection("training-centres"), []) == {
        "spatial": {"bbox": [ogc.WORLD], "crs": ogc.CRS84}
    }


def test_collections():
    assert [found.id for found in ogc.COLLECTIONS] == [
        "training-centres",
        "upcoming-courses",
        "past-courses",
    ]
    assert ogc.collection("courses") is None
    assert [found.temporal for found in ogc.COLLECTIONS] == [False, True, True]
