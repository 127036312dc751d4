"""The OGC API - Features service at ``/ogc`` over HTTP, anonymous: the
landing page, conformance, the API definition, the collections and their items
(paging, ``bbox``, ``datetime``), the HTML encoding in the visitor's language,
and the OGC exception JSON of every bad request. The programme is
``feed_world.World``: two certified organisations, one archived, one draft."""

import pytest
import requests
from feed_world import days


pytestmark = pytest.mark.server

JSON = "application/json"
GEOJSON = "application/geo+json"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
CONFORMANCE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/"


def get(url, params=None, **headers):
    return requests.get(url, params=params, headers=headers, timeout=60)


def answer(response, content_type):
    assert response.status_code == 200, (response.status_code, response.text[:500])
    assert response.headers["Content-Type"].startswith(content_type), response.headers
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.json() if content_type != "text/html" else response.text


def titles(collection):
    return [feature["properties"]["title"] for feature in collection["features"]]


def link(document, rel, media_type=None):
    return next(
        found["href"]
        for found in document["links"]
        if found["rel"] == rel and media_type in (None, found["type"])
    )


# -- the service's documents ---------------------------------------------------


def test_landing_page(ogc_url):
    landing = answer(get(ogc_url), JSON)
    assert landing["title"] == "QGIS Certification Programme"
    assert link(landing, "self", JSON) == f"{ogc_url}?f=json"
    assert link(landing, "alternate", "text/html") == f"{ogc_url}?f=html"
    assert link(landing, "service-desc", OPENAPI) == f"{ogc_url}/api?f=json"
    assert link(landing, "service-doc", "text/html") == f"{ogc_url}/api?f=html"
    assert link(landing, "conformance") == f"{ogc_url}/conformance?f=json"
    assert link(landing, "data") == f"{ogc_url}/collections?f=json"
    # a GeoJSON client asking with a list of media types gets the same
    assert answer(get(ogc_url, Accept="application/geo+json, application/json"), JSON) == landing


def test_conformance(ogc_url):
    conformance = answer(get(f"{ogc_url}/conformance"), JSON)
    classes = ["core", "geojson", "html", "oas30"]
    assert conformance["conformsTo"] == [CONFORMANCE + name for name in classes]


def test_api_definition(ogc_url):
    response = get(f"{ogc_url}/api")
    assert response.headers["Content-Type"] == OPENAPI
    definition = answer(response, OPENAPI)
    assert definition["openapi"].startswith("3.0.")
    assert definition["servers"] == [{"url": ogc_url}]
    assert set(definition["paths"]) == {
        "/",
        "/conformance",
        "/api",
        "/collections",
        "/collections/{collectionId}",
        "/collections/{collectionId}/items",
        "/collections/{collectionId}/items/{featureId}",
    }
    limit = definition["components"]["parameters"]["limit"]["schema"]
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, 1000, 10)
    collection_ids = definition["components"]["parameters"]["collectionId"]["schema"]["enum"]
    assert collection_ids == ["training-centres", "upcoming-courses", "past-courses"]


def test_collections(world, ogc_url):
    body = answer(get(f"{ogc_url}/collections"), JSON)
    assert [found["id"] for found in body["collections"]] == [
        "training-centres",
        "upcoming-courses",
        "past-courses",
    ]
    centres, upcoming, past = body["collections"]
    assert centres["title"] == "Training centres"
    assert centres["itemType"] == "feature"
    # the box of the located centres of certified organisations: Berlin and Cluj
    assert centres["extent"]["spatial"]["bbox"] == [[13.405, 46.77, 23.6, 52.52]]
    assert "temporal" not in centres["extent"]
    assert upcoming["extent"]["temporal"]["interval"] == [
        [f"{days(-2)}T00:00:00Z", f"{days(32)}T23:59:59Z"]
    ]
    assert past["extent"]["temporal"]["interval"] == [
        [f"{days(-60)}T00:00:00Z", f"{days(-1)}T23:59:59Z"]
    ]
    assert link(centres, "items", GEOJSON) == f"{ogc_url}/collections/training-centres/items?f=json"
    one = answer(get(f"{ogc_url}/collections/past-courses"), JSON)
    assert one == past


# -- items ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "expected"),
    [
        # never the archived or draft organisations' centres, nor an unlocated one
        ("training-centres", ["Berlin centre", "Cluj centre"]),
        # published courses only, by start date; not the archived organisation's
        ("upcoming-courses", ["Ends today", "Berlin course", "Spring course"]),
        ("past-courses", ["Autumn course", "Yesterday course"]),
    ],
)
def test_items(world, ogc_url, collection, expected):
    body = answer(get(f"{ogc_url}/collections/{collection}/items"), GEOJSON)
    assert body["type"] == "FeatureCollection"
    assert titles(body) == expected
    assert (body["numberMatched"], body["numberReturned"]) == (len(expected), len(expected))
    assert body["timeStamp"].endswith("Z")
    assert link(body, "collection") == f"{ogc_url}/collections/{collection}?f=json"
    assert not [found for found in body["links"] if found["rel"] in ("next", "prev")]


def test_an_item_is_the_feeds_feature(world, ogc_url):
    """The course as ``@courses-geojson`` has it (whose values test_feeds checks)."""
    uid = world.uids["spring"]
    item = answer(get(f"{ogc_url}/collections/upcoming-courses/items/{uid}"), GEOJSON)
    feed = answer(get(ogc_url.replace("/ogc", "/@courses-geojson")), GEOJSON)
    feature = next(found for found in feed["features"] if found["id"] == uid)
    assert {name: item[name] for name in ("type", "id", "geometry", "properties")} == feature
    assert item["geometry"] == {"type": "Point", "coordinates": [23.6, 46.77]}
    assert item["properties"]["start_date"] == days(30).isoformat()
    assert link(item, "self") == f"{ogc_url}/collections/upcoming-courses/items/{uid}?f=json"


def test_paging_walks_every_item_once(world, ogc_url):
    url = f"{ogc_url}/collections/upcoming-courses/items?limit=1"
    seen, pages = [], []
    while url:
        body = answer(get(url), GEOJSON)
        assert body["numberMatched"] == 3
        assert body["numberReturned"] == 1
        seen.extend(titles(body))
        pages.append(body)
        url = next((found["href"] for found in body["links"] if found["rel"] == "next"), None)
    assert seen == ["Ends today", "Berlin course", "Spring course"]
    previous = link(pages[2], "prev")
    assert "offset=1" in previous
    assert "limit=1" in previous
    assert titles(answer(get(previous), GEOJSON)) == ["Berlin course"]
    beyond = answer(get(f"{ogc_url}/collections/upcoming-courses/items?offset=10"), GEOJSON)
    assert (beyond["features"], beyond["numberMatched"]) == ([], 3)


def test_a_limit_over_the_maximum_is_bounded(world, ogc_url):
    body = answer(get(f"{ogc_url}/collections/past-courses/items", {"limit": 100000}), GEOJSON)
    assert titles(body) == ["Autumn course", "Yesterday course"]


# (collection, bbox, titles of the items kept): one world for the whole table
BBOXES = [
    ("training-centres", "20,43,30,49", ["Cluj centre"]),  # Romania
    ("training-centres", "13,52,14,53", ["Berlin centre"]),
    ("training-centres", "-180,-90,180,90", ["Berlin centre", "Cluj centre"]),
    ("training-centres", "0,0,1,1", []),
    ("training-centres", "170,-90,-170,90", []),  # across the antimeridian
    ("training-centres", "20,-90,13,90", ["Cluj centre"]),  # from 20 east round to 13 east
    ("training-centres", "13,52,0,14,53,100", ["Berlin centre"]),  # with heights
    ("upcoming-courses", "20,43,30,49", ["Ends today", "Spring course"]),
    ("past-courses", "13,52,14,53", []),
]


def test_bbox(world, ogc_url):
    for collection, bbox, expected in BBOXES:
        body = answer(get(f"{ogc_url}/collections/{collection}/items", {"bbox": bbox}), GEOJSON)
        assert titles(body) == expected, (collection, bbox)
        assert "bbox=" in link(body, "self")


# (collection, datetime, titles of the items kept)
INTERVALS = [
    ("upcoming-courses", days(31).isoformat(), ["Spring course"]),
    ("upcoming-courses", f"{days(30)}T09:00:00Z", ["Spring course"]),
    ("upcoming-courses", f"../{days(0)}", ["Ends today"]),
    ("upcoming-courses", f"{days(10)}/..", ["Berlin course", "Spring course"]),
    ("upcoming-courses", f"{days(11)}/{days(29)}", ["Berlin course"]),
    ("upcoming-courses", "../..", ["Ends today", "Berlin course", "Spring course"]),
    ("past-courses", days(-59).isoformat(), ["Autumn course"]),
    ("past-courses", f"{days(-3)}/", ["Yesterday course"]),
    # training centres have no dates: always there
    ("training-centres", days(-59).isoformat(), ["Berlin centre", "Cluj centre"]),
]


def test_datetime(world, ogc_url):
    for collection, when, expected in INTERVALS:
        url = f"{ogc_url}/collections/{collection}/items"
        assert titles(answer(get(url, {"datetime": when}), GEOJSON)) == expected, (collection, when)


# -- refusals --------------------------------------------------------------------


def refused(response, status, code, field=None):
    assert response.status_code == status, (response.url, response.status_code, response.text[:500])
    assert response.headers["Content-Type"].startswith(JSON)
    body = response.json()
    assert body["code"] == code
    assert body["description"]
    # the product's own error shape too
    assert body["error"]["message"] == body["description"]
    assert body["error"].get("field") == field
    return body


ITEMS = "collections/upcoming-courses/items"


# (path, parameters, the parameter named at fault)
BAD_PARAMETERS = [
    (ITEMS, {"bbox": "-200,0,0,1"}, "bbox"),
    (ITEMS, {"bbox": "0,-91,1,1"}, "bbox"),
    (ITEMS, {"bbox": "0,10,1,5"}, "bbox"),  # south above north
    (ITEMS, {"bbox": "1,2,3"}, "bbox"),
    (ITEMS, {"bbox": "a,b,c,d"}, "bbox"),
    (ITEMS, {"bbox": "nan,0,1,1"}, "bbox"),
    (ITEMS, {"bbox": "0,0,inf,1"}, "bbox"),
    (ITEMS, {"limit": "-1"}, "limit"),
    (ITEMS, {"limit": "0"}, "limit"),
    (ITEMS, {"limit": "ten"}, "limit"),
    (ITEMS, {"limit": "1.5"}, "limit"),
    (ITEMS, {"limit": ["1", "2"]}, "limit"),
    (ITEMS, {"offset": "-1"}, "offset"),
    (ITEMS, {"datetime": "tomorrow"}, "datetime"),
    (ITEMS, {"datetime": "2027-13-01"}, "datetime"),
    (ITEMS, {"datetime": "2027-03-31/2027-03-01"}, "datetime"),
    (ITEMS, {"datetime": "2027-03-01/next-week"}, "datetime"),
    (ITEMS, {"f": "xml"}, "f"),
    (ITEMS, {"colour": "red"}, "colour"),
    ("collections", {"limit": "5"}, "limit"),
    ("", {"f": "pdf"}, "f"),
]


def test_bad_parameters_answer_400(world, ogc_url):
    for path, params, field in BAD_PARAMETERS:
        url = f"{ogc_url}/{path}" if path else ogc_url
        refused(get(url, params), 400, "InvalidParameterValue", field)


# (path, the part named at fault)
UNKNOWN = [
    ("collections/courses", "collectionId"),
    ("collections/courses/items", "collectionId"),
    ("collections/training-centres/items/not-an-id", "featureId"),
    ("collections/training-centres/things", None),
    ("collections/training-centres/items/x/y", None),
    ("features", None),
]


def test_unknown_resources_answer_404(world, ogc_url):
    for path, field in UNKNOWN:
        refused(get(f"{ogc_url}/{path}"), 404, "NotFound", field)


def test_an_item_of_another_collection_is_not_found(world, ogc_url):
    uid = world.uids["spring"]
    refused(get(f"{ogc_url}/collections/past-courses/items/{uid}"), 404, "NotFound", "featureId")


def test_refusals_in_the_visitors_language(world, ogc_url):
    response = get(f"{ogc_url}/{ITEMS}", {"limit": "-1"}, Cookie="I18N_LANGUAGE=ro")
    body = refused(response, 400, "InvalidParameterValue", "limit")
    assert body["description"] != "'limit' must be a whole number, 1 or more."


# -- HTML --------------------------------------------------------------------------


def test_html_pages(world, ogc_url):
    landing = answer(get(ogc_url, {"f": "html"}), "text/html")
    assert f'href="{ogc_url}/collections?f=json"' in landing
    collections = answer(get(f"{ogc_url}/collections", {"f": "html"}), "text/html")
    assert f'href="{ogc_url}/collections/training-centres?f=html"' in collections
    items = answer(get(f"{ogc_url}/{ITEMS}", {"f": "html"}), "text/html")
    for title in ("Ends today", "Berlin course", "Spring course", "Romania", "Germany"):
        assert title in items
    assert "Old course" not in items
    uid = world.uids["cluj"]
    item = answer(get(f"{ogc_url}/collections/training-centres/items/{uid}?f=html"), "text/html")
    assert "Cluj centre" in item
    assert world.urls["geo"] in item
    for page in ("conformance", "api"):
        assert "ogc-table" in answer(get(f"{ogc_url}/{page}", {"f": "html"}), "text/html")


def test_a_browser_gets_html_and_a_client_json_at_one_address(world, ogc_url):
    """Also when Zope keeps the first answer in RAM: the encoding is in the ETag."""
    url = f"{ogc_url}/collections/training-centres/items"
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    for _round in range(2):
        assert titles(answer(get(url, Accept="application/geo+json"), GEOJSON))
        assert "Cluj centre" in answer(get(url, Accept=browser), "text/html")
        assert titles(answer(get(url, Accept="*/*"), GEOJSON))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ro", ["Cursuri viitoare", "Țară", "România"]),
        ("sv", ["Kommande kurser", "Land", "Rumänien"]),
    ],
)
def test_html_in_the_visitors_language(world, ogc_url, language, expected):
    page = answer(
        get(f"{ogc_url}/{ITEMS}", {"f": "html"}, Cookie=f"I18N_LANGUAGE={language}"), "text/html"
    )
    for text in expected:
        assert text in page
