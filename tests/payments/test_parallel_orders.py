"""Invoice orders placed at once over HTTP, and an invoice paid twice.

Every 201 names the invoice it made, whatever the server had to retry to make
it; invoice numbers stay unique and gapless.
"""

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal

import pytest
import transaction
from builders import certified_course
from plone import api

from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments.credits import ledger_of


pytestmark = pytest.mark.server

IBAN = "CH9300762011623852957"
ORDERS = 20
YEAR = date.today().year


@pytest.fixture
def organisation_url(server_site):
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("iban", IBAN, interface=IInvoiceSettings)
        api.portal.set_registry_record("tax_rate", Decimal("19"), interface=IInvoiceSettings)
        organisation, _course, _people = certified_course(server_site)
    transaction.commit()
    return organisation.absolute_url()


@pytest.fixture
def actors(server_site, sessions_for):
    return sessions_for("owner", "team")


def obj_at(url):
    transaction.begin()
    portal = api.portal.get()
    return portal.unrestrictedTraverse(url[len(portal.absolute_url()) :].lstrip("/"))


def invoices_in(organisation_url):
    organisation = obj_at(organisation_url)
    return api.content.find(context=organisation, portal_type="Invoice", unrestricted=True)


def test_every_parallel_order_names_its_invoice(organisation_url, rest_session):
    from builders import PASSWORD

    def place(index):
        # one session per thread: requests sessions are not thread-safe
        session = rest_session("owner", PASSWORD)
        return session.post(
            f"{organisation_url}/@credit-orders", json={"credits": index + 1, "method": "invoice"}
        )

    with ThreadPoolExecutor(max_workers=ORDERS) as pool:
        responses = list(pool.map(place, range(ORDERS)))

    placed = [(index, r.json()) for index, r in enumerate(responses) if r.status_code == 201]
    # a few may lose the race for the invoice number past the publisher's retries:
    # they are told to try again, and nothing of theirs was saved
    assert len(placed) >= ORDERS // 2, [r.status_code for r in responses]
    busy = [r for r in responses if r.status_code != 201]
    assert {(r.status_code, r.headers["Retry-After"]) for r in busy} <= {(503, "2")}
    assert len(invoices_in(organisation_url)) == len(placed)
    missing = [body for _index, body in placed if "invoice" not in body]
    assert missing == []
    for index, body in placed:
        assert body["credits"] == index + 1
        assert body["invoice"]["@id"].startswith(f"{organisation_url}/")
        assert re.fullmatch(rf"QGIS-CERT-{YEAR}-\d{{4}}", body["invoice"]["number"])
        invoice = obj_at(body["invoice"]["@id"])
        assert (invoice.number, invoice.order_id, invoice.credits) == (
            body["invoice"]["number"],
            body["id"],
            index + 1,
        )
    numbers = sorted(int(body["invoice"]["number"][-4:]) for _index, body in placed)
    assert numbers == list(range(1, len(placed) + 1))


def test_paying_an_invoice_twice_is_refused(organisation_url, actors):
    response = actors["owner"].post(
        f"{organisation_url}/@credit-orders", json={"credits": 3, "method": "invoice"}
    )
    assert response.status_code == 201, response.text
    invoice_url = response.json()["invoice"]["@id"]

    response = actors["team"].post(f"{invoice_url}/@workflow/mark_paid", json={})
    assert response.status_code == 200, response.text
    response = actors["team"].post(f"{invoice_url}/@workflow/mark_paid", json={})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "WorkflowException"
    assert "'mark_paid' is not available" in error["message"]
    assert "'paid'" in error["message"]
    invoice = obj_at(invoice_url)
    assert api.content.get_state(invoice) == "paid"
    history = invoice.workflow_history["qgis_invoice_workflow"]
    assert [item["action"] for item in history].count("mark_paid") == 1
    assert ledger_of(invoice.__parent__, create=False).balance == 3
