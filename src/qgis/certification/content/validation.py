"""Field constraints shared by the content schemas: each raises a validation
error whose message says what is wrong, in forms and through REST alike."""

import re

from plone import api
from zope.interface import Invalid
from zope.schema import ValidationError

from qgis.certification import _


EMAIL_RE = re.compile(
    r"^[^@\s<>\"',;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


class InvalidEmail(ValidationError):
    __doc__ = _("This is not a valid e-mail address (name@example.org).")


class UnknownUser(ValidationError):
    __doc__ = _("There is no user with this user name on the site.")


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
