"""No input breaks a public page, over HTTP: course dates have bounds, numbers
are finite and bounded, texts have a length limit (each refused with a 400
naming the field), and the feeds answer 200 with valid data whatever was
stored before the checks."""

import json
from datetime import date
from datetime import timedelta

import pytest
import transaction
from builders import COURSE_START
from builders import certified_course
from plone import api
from rest_helpers import error_message
from security_helpers import obj_at
from security_helpers import store
from security_helpers import store_metadata


pytestmark = pytest.mark.server

TODAY = date.today()
BIG_TEXT = "x" * 1_000_000


@pytest.fixture
def academy(server_site):
    with api.env.adopt_roles(["Manager"]):
        organisation, course, _people = certified_course(server_site)
    transaction.commit()
    return organisation, course


@pytest.fixture
def actors(server_site, sessions_for):
    return sessions_for("owner", "team")


def refused(response, field=None):
    assert response.status_code == 400, (response.status_code, response.text[:500])
    assert error_message(response)
    if field:
        assert field in response.text
    return response


def strict_json(response):
    """The body parsed as JSON proper: NaN and Infinity are not JSON."""

    def no_constant(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(response.text, parse_constant=no_constant)


# -- course dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    "dates",
    [
        {"start_date": "9999-12-30", "end_date": "9999-12-31"},
        {"start_date": "1999-12-30", "end_date": "1999-12-31"},
        {"start_date": "0001-01-01", "end_date": "0001-01-02"},
        {"start_date": str(TODAY + timedelta(days=11 * 366)), "end_date": str(TODAY)},
        {"start_date": "2027-03-03", "end_date": "2027-03-01"},
    ],
)
def test_course_dates_out_of_bounds_are_refused(academy, actors, dates):
    _organisation, course = academy
    refused(actors["owner"].patch(course.absolute_url(), json=dates))
    assert obj_at(course.absolute_url()).start_date == COURSE_START


def test_course_dates_within_bounds_are_kept(academy, actors):
    _organisation, course = academy
    dates = {
        "start_date": str(TODAY + timedelta(days=3)),
        "end_date": str(TODAY + timedelta(days=4)),
    }
    response = actors["owner"].patch(course.absolute_url(), json=dates)
    assert response.status_code == 204, response.text


def test_feeds_hold_with_a_course_in_year_9999(academy, actors):
    organisation, course = academy
    with api.env.adopt_roles(["Manager"]):
        store(course, start_date=date(9999, 12, 30), end_date=date(9999, 12, 31))
    anonymous = actors["anonymous"]
    for url in (api.portal.get().absolute_url(), organisation.absolute_url()):
        response = anonymous.get(
            f"{url}/@@upcoming-courses.ics", headers={"Accept": "text/calendar"}
        )
        assert response.status_code == 200, (url, response.text[:500])
        assert b"BEGIN:VCALENDAR" in response.content
        assert b"9999" not in response.content
    for path in ("/en/@@upcoming-courses", "/en"):
        response = anonymous.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 200, (path, response.text[:500])
    response = anonymous.get(organisation.absolute_url(), headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text[:500]
    assert anonymous.get("/@courses-geojson").status_code == 200


# -- coordinates --------------------------------------------------------------------


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "1e308"])
def test_non_finite_or_huge_coordinates_are_refused(academy, actors, number):
    organisation, _course = academy
    body = (
        '{"@type": "TrainingCenter", "title": "Nowhere", "country": "RO", '
        f'"latitude": {number}, "longitude": 23.6}}'
    )
    response = actors["owner"].post(
        organisation.absolute_url(), data=body, headers={"Content-Type": "application/json"}
    )
    refused(response, "latitude")
    assert "nowhere" not in obj_at(organisation.absolute_url()).objectIds()
    centre = organisation["cluj-centre"].absolute_url()
    body = f'{{"longitude": {number}}}'
    response = actors["owner"].patch(
        centre, data=body, headers={"Content-Type": "application/json"}
    )
    refused(response, "longitude")
    assert obj_at(centre).longitude == 23.6


def test_feeds_skip_a_stored_non_finite_position(academy, actors):
    organisation, _course = academy
    centre = organisation["cluj-centre"]
    store(centre, latitude=float("nan"))
    store_metadata(centre, qgis_geo=[float("nan"), 23.6])
    anonymous = actors["anonymous"]
    response = anonymous.get("/@training-centers-geojson")
    assert response.status_code == 200, response.text[:300]
    assert strict_json(response)["features"] == []
    course = organisation["qgis-for-beginners-spring"]
    store_metadata(course, qgis_geo=[float("inf"), 23.6])
    response = anonymous.get("/@courses-geojson", params={"when": "past"})
    assert response.status_code == 200, response.text[:300]
    strict_json(response)
    response = anonymous.get("/@courses-geojson")
    assert not [f for f in strict_json(response)["features"] if f["id"] == course.UID()]


# -- numbers and texts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("qgis-for-beginners", {"instruction_hours": 10**40}, "instruction_hours"),
        ("", {"address": BIG_TEXT}, "address"),
        ("", {"phone": BIG_TEXT}, "phone"),
        ("cluj-centre", {"address": BIG_TEXT}, "address"),
        ("qgis-for-beginners-spring", {"trained_competence": BIG_TEXT}, "trained_competence"),
    ],
)
def test_huge_values_are_refused(academy, actors, path, body, field):
    organisation, _course = academy
    url = f"{organisation.absolute_url()}/{path}".rstrip("/")
    refused(actors["team"].patch(url, json=body), field)
    assert getattr(obj_at(url), field) != body[field]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": 10**40, "reason": "Too many"}, "amount"),
        ({"amount": -(10**40), "reason": "Too few"}, "amount"),
        ({"amount": 1_000_001, "reason": "Just over"}, "amount"),
        ({"amount": 1, "reason": BIG_TEXT}, "reason"),
    ],
)
def test_credit_adjustments_are_bounded(academy, actors, body, field):
    organisation, _course = academy
    response = actors["team"].post(f"{organisation.absolute_url()}/@credits", json=body)
    assert refused(response).json()["error"]["field"] == field
    assert actors["team"].get(f"{organisation.absolute_url()}/@credits").json()["balance"] == 0


def test_a_corrected_name_is_bounded(academy, actors):
    organisation, course = academy
    team = actors["team"]
    assert team.post(
        f"{organisation.absolute_url()}/@credits", json={"amount": 3, "reason": "Test"}
    ).ok
    response = actors["owner"].post(
        f"{course.absolute_url()}/@issue-certificates",
        json={"attendees": "all", "certificate_type": "completion"},
    )
    assert response.status_code == 201, response.text
    url = response.json()["issued"][0]["@id"]
    for body in (
        {"first_name": BIG_TEXT, "last_name": "Pop"},
        {"first_name": "Ioana", "last_name": "x" * 201},
        {"first_name": 10**40, "last_name": "Pop"},
    ):
        refused(actors["owner"].post(f"{url}/@correct", json=body))
    assert len(obj_at(url).first_name) < 200
