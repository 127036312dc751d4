"""A request whose every attempt conflicts with other writes answers 503 with
Retry-After, in JSON for the API and as a page for browsers, and saves nothing."""

import pytest
import requests
import transaction
from builders import certified_course
from plone import api
from ZODB.POSException import ConflictError
from ZPublisher.HTTPRequest import HTTPRequest

from qgis.certification.browser.home import ProgrammeHome
from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments import orders
from qgis.certification.payments.orders import orders_of


pytestmark = pytest.mark.server

IBAN = "CH9300762011623852957"


def collide(*args, **kwargs):
    raise ConflictError("another transaction wrote the same object")


@pytest.fixture
def always_conflicting(monkeypatch):
    """No retries, so that the test does not wait for Zope's back-off."""
    monkeypatch.setattr(HTTPRequest, "retry_max_count", 0)
    return monkeypatch


@pytest.fixture
def organisation(server_site):
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("iban", IBAN, interface=IInvoiceSettings)
        organisation, _course, _people = certified_course(server_site)
    transaction.commit()
    return organisation


def test_an_order_that_keeps_conflicting_answers_503_and_orders_nothing(
    always_conflicting, organisation, sessions_for
):
    always_conflicting.setattr(orders, "invoice_numbers", collide)
    owner = sessions_for("owner")["owner"]

    response = owner.post(
        f"{organisation.absolute_url()}/@credit-orders", json={"credits": 2, "method": "invoice"}
    )

    assert response.status_code == 503, response.text
    assert response.headers["Retry-After"] == "2"
    error = response.json()["error"]
    assert error["type"] == "ServiceUnavailable"
    assert "nothing of yours was saved" in error["message"]
    transaction.begin()
    assert len(orders_of(organisation, create=True)) == 0


def test_a_page_that_keeps_conflicting_answers_a_readable_503(always_conflicting, server_site):
    always_conflicting.setattr(ProgrammeHome, "welcome", collide)

    response = requests.get(
        f"{server_site.absolute_url()}/en", headers={"Accept": "text/html"}, timeout=30
    )

    assert response.status_code == 503
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Retry-After"] == "2"
    assert "<h1>Please try again</h1>" in response.text
    assert "Traceback" not in response.text
