"""Field constraints shared by the content schemas: each raises a validation
error whose message says what is wrong, in forms and through REST alike."""

import math
import re
from datetime import date
from decimal import Decimal

from plone import api
from zope.interface import Invalid
from zope.schema import ValidationError

from qgis.certification import _


# Length limits no real value reaches: they keep a typo or a script from
# storing megabytes in a field that every page then renders.
LINE_LENGTH = 200
EMAIL_LENGTH = 254
PHONE_LENGTH = 50
TEXT_LENGTH = 5000
MAX_LIST_LENGTH = 100

# A course takes place after 2000-01-01 and at most ten years from today.
EARLIEST_COURSE_DATE = date(2000, 1, 1)
COURSE_YEARS_AHEAD = 10

EMAIL_RE = re.compile(
    r"^[^@\s<>\"',;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


class InvalidEmail(ValidationError):
    __doc__ = _("This is not a valid e-mail address (name@example.org).")


class UnknownUser(ValidationError):
    __doc__ = _("There is no user with this user name on the site.")


class NotFinite(ValidationError):
    __doc__ = _("Give a number, not infinity or NaN.")


class CourseDateOutOfRange(ValidationError):
    __doc__ = _("A course takes place after 1 January 2000 and at most ten years from today.")


def is_finite(value):
    """A float or a decimal that is a number: NaN and the infinities are refused."""
    if value is None:
        return True
    finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
    if not finite:
        raise NotFinite(value)
    return True


def latest_course_date(today=None):
    today = today or date.today()
    try:
        return today.replace(year=today.year + COURSE_YEARS_AHEAD)
    except ValueError:  # 29 February, ten years later
        return today.replace(year=today.year + COURSE_YEARS_AHEAD, day=28)


def is_course_date(value):
    if value is not None and not EARLIEST_COURSE_DATE < value <= latest_course_date():
        raise CourseDateOutOfRange(value)
    return True


def is_email(value):
    if value and not EMAIL_RE.match(value.strip()):
        raise InvalidEmail(value)
    return True


def is_site_user(value):
    if value and api.user.get(userid=value) is None:
        raise UnknownUser(value)
    return True


def are_site_users(values):
    for value in values or ():
        is_site_user(value)
    return True


def dates_in_order(data):
    start = getattr(data, "start_date", None)
    end = getattr(data, "end_date", None)
    if start and end and end < start:
        raise Invalid(_("The course cannot end before it starts."))
