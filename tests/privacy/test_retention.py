"""Retention: attendee records without a certificate go a set number of months
after their course ended; those with a certificate, and recent ones, stay."""

from datetime import date

import pytest
from builders import certified_course
from builders import course_data
from builders import top_up
from plone import api

from qgis.certification.builders import certificates
from qgis.certification.builders import courses
from qgis.certification.interfaces import IPrivacySettings
from qgis.certification.privacy.register import audit_log
from qgis.certification.privacy.retention import months_before
from qgis.certification.privacy.retention import remove_expired_attendees


TODAY = date(2030, 6, 15)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2030, 6, 15), 24, date(2028, 6, 15)),
        (date(2030, 3, 31), 1, date(2030, 2, 28)),
        (date(2028, 3, 31), 1, date(2028, 2, 29)),
        (date(2030, 1, 10), 1, date(2029, 12, 10)),
        (date(2030, 5, 31), 13, date(2029, 4, 30)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.fixture
def courses_of_two_ages(site):
    """An old course (ended 2027-03-03) with one certified attendee of three, and
    a course that ended on 2028-07-01."""
    with api.env.adopt_roles(["Manager"]):
        organisation, old, _people = certified_course(site)
        top_up(organisation, 3)
        certificates.issue(old, "owner", attendees=[old["attendee-0"]])
        parts = (organisation["qgis-for-beginners"], organisation["ana-trainer"])
        recent = courses.add_course(
            organisation,
            **course_data(
                *parts,
                organisation["cluj-centre"],
                title="Recent course",
                start_date=date(2028, 6, 28),
                end_date=date(2028, 7, 1),
            ),
        )
        courses.add_attendee(recent, "Recent", "Person", "recent@example.org", "recent-person")
    return old, recent


def attendee_ids(course):
    return sorted(item.getId() for item in course.objectValues() if item.portal_type == "Attendee")


def test_expired_attendees_without_a_certificate_are_removed(courses_of_two_ages):
    old, recent = courses_of_two_ages
    assert remove_expired_attendees(TODAY) == 2
    assert attendee_ids(old) == ["attendee-0"]
    assert len(attendee_ids(recent)) == 1
    assert audit_log()[-1]["kind"] == "retention"
    assert audit_log()[-1]["outcome"] == "2 attendee records removed"
    assert remove_expired_attendees(TODAY) == 0


def test_the_retention_period_is_a_setting(courses_of_two_ages):
    old, recent = courses_of_two_ages
    api.portal.set_registry_record(
        name="attendee_retention_months", value=12, interface=IPrivacySettings
    )
    assert remove_expired_attendees(TODAY) == 3
    assert attendee_ids(old) == ["attendee-0"]
    assert attendee_ids(recent) == []


def test_nothing_is_removed_before_the_period_ends(courses_of_two_ages):
    old, _recent = courses_of_two_ages
    assert remove_expired_attendees(date(2029, 3, 2)) == 0
    assert len(attendee_ids(old)) == 3
