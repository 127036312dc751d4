"""The OGC API - Features service read by the clients QGIS users use: GDAL's
OGC API - Features driver (``ogrinfo OAPIF:...``, as QGIS's GDAL-based layers
read it) and OWSLib's ``Features`` client (QGIS plugins and Python scripts).
GDAL is Debian's ``gdal-bin`` (``TEST_DEBIAN_PACKAGES``)."""

import pytest
from gdal_helpers import ogrinfo
from gdal_helpers import read_titles
from owslib.ogcapi.features import Features


pytestmark = pytest.mark.server


def test_gdal_lists_the_layers(world, ogc_url):
    report = ogrinfo("-so", f"OAPIF:{ogc_url}")
    assert "1: training-centres (title: Training centres) (Point)" in report
    assert "2: upcoming-courses (title: Upcoming courses) (Point)" in report
    assert "3: past-courses (title: Past courses) (Point)" in report


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        ("training-centres", ["Berlin centre", "Cluj centre"]),
        ("upcoming-courses", ["Ends today", "Berlin course", "Spring course"]),
        ("past-courses", ["Autumn course", "Yesterday course"]),
    ],
)
def test_gdal_reads_the_features(world, ogc_url, layer, expected):
    report = ogrinfo("-al", "-q", f"OAPIF:{ogc_url}", layer)
    assert read_titles(report) == expected


def test_gdal_reads_a_course_with_its_dates_and_place(world, ogc_url):
    report = ogrinfo(
        "-al", "-q", "-where", "title = 'Spring course'", f"OAPIF:{ogc_url}", "upcoming-courses"
    )
    assert read_titles(report) == ["Spring course"]
    assert "POINT (23.6 46.77)" in report
    assert "organisation (String) = Geo Academy" in report
    assert "start_date (Date) =" in report


def test_gdal_pages_through_the_items(world, ogc_url):
    """GDAL follows the ``next`` links of small pages (its PAGE_SIZE is ``limit``)."""
    report = ogrinfo("-al", "-q", "-oo", "PAGE_SIZE=1", f"OAPIF:{ogc_url}", "upcoming-courses")
    assert read_titles(report) == ["Ends today", "Berlin course", "Spring course"]


@pytest.mark.parametrize(
    ("layer", "box", "expected"),
    [
        ("training-centres", ("20", "43", "30", "49"), ["Cluj centre"]),
        ("training-centres", ("0", "0", "1", "1"), []),
        ("upcoming-courses", ("13", "52", "14", "53"), ["Berlin course"]),
    ],
)
def test_gdal_filters_by_bbox(world, ogc_url, layer, box, expected):
    report = ogrinfo("-al", "-q", "-spat", *box, f"OAPIF:{ogc_url}", layer)
    assert read_titles(report) == expected


def test_owslib_reads_the_service(world, ogc_url):
    service = Features(ogc_url)
    assert service.links
    conformance = service.conformance()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in conformance
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" in conformance
    ids = [collection["id"] for collection in service.collections()["collections"]]
    assert ids == ["training-centres", "upcoming-courses", "past-courses"]
    assert service.collection("past-courses")["title"] == "Past courses"
    assert service.api()["openapi"].startswith("3.0")


def test_owslib_reads_items_with_filters(world, ogc_url):
    service = Features(ogc_url)
    everything = service.collection_items("training-centres")
    assert everything["numberMatched"] == 2
    romania = service.collection_items("training-centres", bbox=[20, 43, 30, 49])
    assert [feature["properties"]["title"] for feature in romania["features"]] == ["Cluj centre"]
    first = service.collection_items("upcoming-courses", limit=1)
    assert [feature["properties"]["title"] for feature in first["features"]] == ["Ends today"]
    uid = world.uids["spring"]
    item = service.collection_item("upcoming-courses", uid)
    assert item["properties"]["title"] == "Spring course"
