"""The content schemas' bounds: course dates, finite coordinates, lengths."""

from datetime import date
from datetime import timedelta
from decimal import Decimal

import pytest
from zope.schema.interfaces import ValidationError

from qgis.certification.content.attendee import IAttendee
from qgis.certification.content.course import ICourse
from qgis.certification.content.course_type import ICourseType
from qgis.certification.content.invoice import IInvoice
from qgis.certification.content.organisation import ICertifyingOrganisation
from qgis.certification.content.training_center import ITrainingCenter
from qgis.certification.content.urls import UnsafeURL
from qgis.certification.content.user_group import IUserGroup
from qgis.certification.content.validation import CourseDateOutOfRange
from qgis.certification.content.validation import NotFinite
from qgis.certification.content.validation import latest_course_date
from qgis.certification.interfaces import ICertificateSettings
from qgis.certification.interfaces import IMapSettings


TODAY = date.today()


@pytest.mark.parametrize("name", ["start_date", "end_date"])
@pytest.mark.parametrize(
    "value",
    [date(9999, 12, 31), date(2000, 1, 1), date(1, 1, 1), latest_course_date() + timedelta(1)],
)
def test_course_dates_out_of_bounds(name, value):
    with pytest.raises(CourseDateOutOfRange):
        ICourse[name].validate(value)


@pytest.mark.parametrize("value", [date(2000, 1, 2), TODAY, latest_course_date()])
def test_course_dates_within_bounds(value):
    ICourse["start_date"].validate(value)
    ICourse["end_date"].validate(value)


def test_ten_years_from_a_leap_day():
    assert latest_course_date(date(2028, 2, 29)) == date(2038, 2, 28)


@pytest.mark.parametrize("name", ["latitude", "longitude"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_coordinates_are_finite(name, value):
    with pytest.raises(ValidationError):
        ITrainingCenter[name].validate(value)


def test_nan_is_refused_as_not_a_number():
    with pytest.raises(NotFinite):
        ITrainingCenter["latitude"].validate(float("nan"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (ICertifyingOrganisation["address"], "x" * 1_000_000),
        (ICertifyingOrganisation["phone"], "1" * 51),
        (ICertifyingOrganisation["website"], "https://example.org/" + "a" * 2000),
        (IAttendee["first_name"], "A" * 201),
        (ITrainingCenter["address"], "x" * 5001),
        (ICourse["trained_competence"], "x" * 5001),
        (ICourseType["instruction_hours"], 10**40),
    ],
)
def test_huge_values_are_refused(field, value):
    with pytest.raises(ValidationError):
        field.validate(value)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("sNaN")])
def test_amounts_are_finite(value):
    with pytest.raises(NotFinite):
        IInvoice["total"].validate(value)
    with pytest.raises(NotFinite):
        ICertificateSettings["credit_price"].validate(value)


@pytest.mark.parametrize(
    "field",
    [ICertifyingOrganisation["website"], IUserGroup["website"], ICourseType["url"]],
)
@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,hi", "/relative"])
def test_address_fields_refuse_unsafe_addresses(field, value):
    with pytest.raises(UnsafeURL):
        field.validate(value)


def test_the_map_tiles_address_is_a_web_address():
    IMapSettings["tile_url"].validate("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    with pytest.raises(UnsafeURL):
        IMapSettings["tile_url"].validate("javascript:alert(1)//{z}/{x}/{y}")
