"""REST writes with the login cookie must prove they come from this site.

A browser logged in through the login form holds the ``__ac`` cookie; a page
on another site can make it send a ``text/plain`` POST (a form, or ``fetch`` in
``no-cors`` mode) to the REST API. Such writes are refused with 403 and change
nothing, unless they are JSON or carry the site's own ``Origin``. Writes with
an ``Authorization`` header are not concerned.
"""

import json
from decimal import Decimal

import pytest
import requests
import transaction
from builders import PASSWORD
from builders import certified_course
from builders import top_up
from plone import api

from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments import orders


pytestmark = pytest.mark.server

IBAN = "CH9300762011623852957"
FOREIGN_ORIGIN = "https://attacker.example"


class Academy:
    """A certified organisation with credits and one published course."""

    def __init__(self, portal):
        with api.env.adopt_roles(["Manager"]):
            api.portal.set_registry_record("iban", IBAN, interface=IInvoiceSettings)
            api.portal.set_registry_record("tax_rate", Decimal("19"), interface=IInvoiceSettings)
            organisation, course, _people = certified_course(portal)
            top_up(organisation, 5)
        self.portal = portal.absolute_url()
        self.org = organisation.absolute_url()
        self.course = course.absolute_url()
        transaction.commit()

    def api_url(self, url):
        return url.replace(self.portal, f"{self.portal}/++api++", 1)


@pytest.fixture
def academy(server_site):
    return Academy(server_site)


@pytest.fixture
def browser(academy):
    """A session logged in as the owner through the login form: it holds ``__ac``."""
    session = requests.Session()
    response = session.post(
        f"{academy.portal}/login",
        data={"__ac_name": "owner", "__ac_password": PASSWORD, "buttons.login": "Log in"},
        timeout=60,
    )
    assert response.status_code == 200, response.status_code
    assert "__ac" in session.cookies
    yield session
    session.close()


def obj_at(url):
    transaction.begin()
    portal = api.portal.get()
    return portal.unrestrictedTraverse(url[len(portal.absolute_url()) :].lstrip("/"))


def state(academy):
    """What the three writes would change: orders, certificates, the course's state."""
    organisation = obj_at(academy.org)
    course = organisation.unrestrictedTraverse(academy.course[len(academy.org) + 1 :])
    certificates = [item for item in course.objectValues() if item.portal_type == "Certificate"]
    return (
        len(orders.orders_of(organisation)),
        len(certificates),
        api.content.get_state(course),
    )


WRITES = {
    "credit-orders": ("org", "@credit-orders", {"credits": 3, "method": "invoice"}),
    "issue-certificates": (
        "course",
        "@issue-certificates",
        {"attendees": "all", "certificate_type": "completion"},
    ),
    "retract": ("course", "@workflow/retract", {}),
}


def post(session, academy, write, content_type, **headers):
    target, service, body = WRITES[write]
    url = f"{academy.api_url(getattr(academy, target))}/{service}"
    headers = {"Content-Type": content_type, "Accept": "application/json", **headers}
    return session.post(url, data=json.dumps(body), headers=headers, timeout=60)


def assert_refused(response):
    assert response.status_code == 403, (response.status_code, response.text[:300])
    assert response.headers["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["type"] == "Forbidden"
    assert "application/json" in error["message"]
    assert error["errors"] == []


@pytest.mark.parametrize("write", WRITES)
def test_plain_text_write_with_the_cookie_is_refused(academy, browser, write):
    before = state(academy)
    assert_refused(post(browser, academy, write, "text/plain"))
    assert state(academy) == before


@pytest.mark.parametrize("write", WRITES)
def test_write_from_a_foreign_origin_is_refused(academy, browser, write):
    before = state(academy)
    response = post(browser, academy, write, "text/plain", Origin=FOREIGN_ORIGIN)
    assert_refused(response)
    response = post(browser, academy, write, "application/x-www-form-urlencoded")
    assert_refused(response)
    assert state(academy) == before


def test_json_writes_with_the_cookie_work(academy, browser):
    response = post(browser, academy, "credit-orders", "application/json")
    assert response.status_code == 201, response.text
    response = post(browser, academy, "issue-certificates", "application/json; charset=utf-8")
    assert response.status_code == 201, response.text
    response = post(browser, academy, "retract", "application/json")
    assert response.status_code == 200, response.text
    assert state(academy) == (1, 3, "draft")


def test_write_from_the_sites_own_origin_works(academy, browser):
    origin = academy.portal.split("/plone", 1)[0]
    response = post(browser, academy, "retract", "text/plain", Origin=origin)
    assert response.status_code == 200, response.text
    assert state(academy)[2] == "draft"


def test_basic_auth_is_not_concerned(academy, rest_session):
    session = rest_session("owner", PASSWORD)
    response = post(session, academy, "credit-orders", "text/plain", Origin=FOREIGN_ORIGIN)
    assert response.status_code == 201, response.text
    response = post(session, academy, "retract", "text/plain")
    assert response.status_code == 200, response.text
    assert state(academy) == (1, 0, "draft")


def test_reading_with_the_cookie_is_not_concerned(academy, browser):
    response = browser.get(
        f"{academy.api_url(academy.org)}/@credits", headers={"Accept": "application/json"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["balance"] == 5
