"""Human labels for what the pages show: people by their full name, dates in
the viewer's locale, workflow states and opinions by their titles."""

from datetime import date
from datetime import datetime

from plone import api
from zope.i18n import translate

from qgis.certification import _


OPINION_TITLES = {"recommend": _("Recommend"), "oppose": _("Oppose")}
ORDER_METHOD_TITLES = {"invoice": _("Invoice (bank transfer)"), "card": _("Card payment")}
ORDER_STATUS_TITLES = {"unpaid": _("Unpaid"), "paid": _("Paid")}


def person_name(user_id):
    """The full name of a user, else their user id (a removed account)."""
    if not user_id:
        return ""
    user = api.user.get(userid=user_id) or api.user.get(username=user_id)
    return (user.getProperty("fullname", "") if user is not None else "") or user_id


def localized_date(value, long_format=False):
    """A date (a ``DateTime``, a ``datetime``, a ``date`` or an ISO string) in
    the viewer's locale; "" for none."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime) and not long_format:
        value = date(value.year, value.month, value.day)
    return api.portal.get_localized_time(value, long_format=long_format)


def translated(message, request):
    return translate(message, domain="qgis.certification", context=request)


def titled(titles, value, request):
    """The title of ``value`` in ``titles`` (translated), else the value."""
    return translated(titles[value], request) if value in titles else value


def opinion_title(opinion, request):
    return titled(OPINION_TITLES, opinion, request)


def state_title(obj, request):
    workflow = api.portal.get_tool("portal_workflow")
    state = api.content.get_state(obj, default=None)
    if state is None:
        return ""
    return translated(workflow.getTitleForStateOnType(state, obj.portal_type), request)


def brain_state_title(brain, request):
    """The title of a catalog brain's workflow state, in the viewer's language."""
    workflow = api.portal.get_tool("portal_workflow")
    return translated(
        workflow.getTitleForStateOnType(brain.review_state, brain.portal_type), request
    )
