"""What the feeds read from a brain's metadata, whatever an older release stored."""

from datetime import date

import pytest

from qgis.certification.public import feeds


class Brain:
    def __init__(self, **metadata):
        self.__dict__.update(metadata)


@pytest.mark.parametrize(
    "geo",
    [
        [float("nan"), 23.6],
        [46.7, float("inf")],
        [91.0, 23.6],
        [46.7, -181.0],
        ["46.7", 23.6],
        [46.7],
        None,
    ],
)
def test_a_position_that_is_no_place_is_left_off(geo):
    assert feeds.position(Brain(qgis_geo=geo)) is None


def test_a_position_is_kept():
    assert feeds.position(Brain(qgis_geo=(46.77, 23.6))) == [46.77, 23.6]


@pytest.mark.parametrize(
    "summary",
    [
        {"start_date": "9999-12-30", "end_date": "9999-12-31"},
        {"start_date": "2027-03-03", "end_date": "2027-03-01"},
        {"start_date": "2027-13-01", "end_date": "2027-03-01"},
        {"start_date": None, "end_date": "2027-03-01"},
        {},
    ],
)
def test_course_dates_no_calendar_holds_are_left_off(summary):
    assert feeds.course_dates(Brain(qgis_course=summary)) is None


def test_course_dates_are_read():
    brain = Brain(qgis_course={"start_date": "2027-03-01", "end_date": "2027-03-03"})
    assert feeds.course_dates(brain) == (date(2027, 3, 1), date(2027, 3, 3))


def test_an_unsafe_website_is_not_served():
    assert feeds.website(Brain(qgis_website="javascript:alert(1)")) is None
    assert feeds.website(Brain(qgis_website="https://x.example")) == "https://x.example"
