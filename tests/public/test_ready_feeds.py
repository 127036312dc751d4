"""The GeoJSON and calendar feeds are built once for each state of what they
show and then served from memory (``public.ready_answers``). Every publish,
retract and edit is seen by the next request, also when another instance
committed it (this instance's memory is never told of it).

Each request has its own query string, so that plone.app.caching's RAM cache
never answers: what is checked is the product's own memory."""

import itertools

import pytest
import requests
import transaction
from builders import do
from feed_world import add_course
from feed_world import build_world
from feed_world import days
from plone import api

from qgis.certification.public import ready_answers
from qgis.certification.services.public.geojson import CoursesGeoJsonGet


pytestmark = pytest.mark.server

FRESH = itertools.count()
JSON = {"Accept": "application/json"}


@pytest.fixture
def world(server):
    return build_world(server)


@pytest.fixture
def site_url(server):
    return server["portal"].absolute_url()


def get(url, headers=JSON):
    joiner = "&" if "?" in url else "?"
    response = requests.get(f"{url}{joiner}fresh={next(FRESH)}", headers=headers, timeout=60)
    assert response.status_code == 200, (response.status_code, response.text[:300])
    return response


def course_titles(site_url, when="upcoming"):
    body = get(f"{site_url}/@courses-geojson?when={when}").json()
    return sorted(feature["properties"]["title"] for feature in body["features"])


def centre_titles(site_url):
    body = get(f"{site_url}/@training-centers-geojson").json()
    return sorted(feature["properties"]["title"] for feature in body["features"])


def calendar_titles(site_url):
    text = get(f"{site_url}/@@upcoming-courses.ics", {"Accept": "text/calendar"}).text
    return sorted(
        line[len("SUMMARY:") :].strip() for line in text.splitlines() if "SUMMARY:" in line
    )


def shown(site_url):
    return {
        "courses": course_titles(site_url),
        "past": course_titles(site_url, "past"),
        "centres": centre_titles(site_url),
        "calendar": calendar_titles(site_url),
    }


def change(action):
    with api.env.adopt_roles(["Manager"]):
        found = action()
    transaction.commit()
    return found


def test_a_feed_is_built_once_for_a_state(world, site_url, monkeypatch):
    built = []
    original = CoursesGeoJsonGet.build

    def counted(self, *parameters):
        built.append(parameters)
        return original(self, *parameters)

    monkeypatch.setattr(CoursesGeoJsonGet, "build", counted)
    first = get(f"{site_url}/@courses-geojson").text
    assert get(f"{site_url}/@courses-geojson").text == first
    assert built == [("courses", "upcoming", None)]
    get(f"{site_url}/@courses-geojson?country=DE")
    assert len(built) == 2  # other parameters, another answer


def test_publish_edit_and_retract_are_seen_at_once(world, site_url):
    before = shown(site_url)
    assert "Berlin course" in before["courses"]
    course = change(lambda: add_course(world.geo, world.cluj, "Summer course", days(40), days(41)))
    now = shown(site_url)
    assert "Summer course" in now["courses"]
    assert "Summer course" in now["calendar"]

    def rename():
        course.title = "Summer school"
        course.reindexObject()

    change(rename)
    now = shown(site_url)
    assert "Summer school" in now["courses"]
    assert "Summer course" not in now["calendar"]
    change(lambda: do(course, "owner", "retract"))
    assert shown(site_url) == before


def test_a_moved_centre_and_an_archived_organisation_are_seen_at_once(world, site_url):
    def rename_centre():
        world.cluj.title = "Cluj-Napoca centre"
        world.cluj.reindexObject()

    change(rename_centre)
    assert "Cluj-Napoca centre" in centre_titles(site_url)
    change(lambda: do(world.geo, "team", "archive"))
    now = shown(site_url)
    assert now["centres"] == ["Berlin centre"]
    assert now["courses"] == ["Berlin course"]
    assert now["past"] == []


def test_a_change_committed_by_another_instance_is_seen(world, site_url, monkeypatch):
    before = shown(site_url)  # kept in this instance's memory
    kept = dict(ready_answers.answers().entries)
    assert kept
    other_instance = ready_answers.ReadyAnswers()
    monkeypatch.setattr(ready_answers, "ANSWERS", other_instance)
    change(
        lambda: add_course(
            world.berlin, world.berlin["berlin-centre"], "Night course", days(3), days(4)
        )
    )
    assert "Night course" in shown(site_url)["courses"]  # the other instance's answer
    # back to this instance: its memory is as it was, unaware of the change
    monkeypatch.setattr(ready_answers, "ANSWERS", ready_answers.ReadyAnswers())
    ready_answers.answers().entries.update(kept)
    now = shown(site_url)
    assert "Night course" in now["courses"]
    assert "Night course" in now["calendar"]
    assert now["centres"] == before["centres"]
