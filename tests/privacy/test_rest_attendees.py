"""Attendees' data requests end to end over HTTP: the mailed link, the data it
opens, erasure confirmed by the certification team, withdrawn certificates,
and afterwards no trace of the e-mail address in the database or the catalog."""

import re

import pytest
import transaction
from builders import certified_course
from builders import top_up
from mail_helpers import parsed
from plone import api
from privacy_helpers import catalog_holding
from privacy_helpers import pickles_holding
from rest_helpers import error_message

from qgis.certification.builders import certificates
from qgis.certification.privacy.register import audit_log


pytestmark = pytest.mark.server

EMAIL = "k7q.holder@mailbox.example"
ATTENDEES = (
    ("Zoltana", "Quennerby", EMAIL),
    ("Åsa", "Öberg", "asa@example.org"),
)
ANSWER = "If we hold data for this address, we sent a link to it."
LINK = re.compile(r"(http\S+@@attendee-data\?token=(\S+))")


@pytest.fixture
def site(server_site):
    return server_site


@pytest.fixture
def holder(site):
    """A course whose first attendee holds a certificate; returns its code."""
    with api.env.adopt_roles(["Manager"]):
        organisation, course, _people = certified_course(site, attendees=ATTENDEES)
        top_up(organisation, 5)
        issued = certificates.issue(course, "owner", attendees=[course["attendee-0"]])
    transaction.commit()
    return issued[0].code


def mails_to(portal, address):
    transaction.begin()
    return [mail for mail in parsed(portal.MailHost.messages) if mail["To"] == address]


def forget_mails_to(portal, address):
    """The test mail host keeps every mail in the database: those to the address go."""
    transaction.begin()
    kept = [raw for raw in portal.MailHost.messages if address.encode() not in bytes(raw)]
    portal.MailHost.messages[:] = kept
    transaction.commit()


def link_token(portal, address=EMAIL):
    (mail,) = mails_to(portal, address)
    return LINK.search(mail.get_content()).group(2)


def ask_link(session, address=EMAIL):
    return session.post("/@data-request", json={"email": address})


def test_the_answer_is_the_same_whether_or_not_data_is_held(site, holder, rest_session):
    anonymous = rest_session()
    known, unknown = ask_link(anonymous), ask_link(anonymous, "nobody@mailbox.example")
    assert known.status_code == unknown.status_code == 200
    assert known.json() == unknown.json()
    assert known.json()["message"].startswith(ANSWER)
    assert len(mails_to(site, EMAIL)) == 1
    assert mails_to(site, "nobody@mailbox.example") == []


def test_a_bad_address_answers_400_naming_the_field(site, rest_session):
    response = rest_session().post("/@data-request", json={"email": "not an address"})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "email"


def test_an_address_may_ask_three_times_a_day(site, holder, rest_session):
    anonymous = rest_session()
    assert [ask_link(anonymous).status_code for _ in range(3)] == [200, 200, 200]
    refused = ask_link(anonymous)
    assert refused.status_code == 429
    assert "too often" in error_message(refused)
    assert ask_link(anonymous, "asa@example.org").status_code == 200


def test_the_link_opens_the_attendees_data(site, holder, rest_session):
    anonymous = rest_session()
    ask_link(anonymous)
    response = anonymous.get("/@attendee-data", params={"token": link_token(site)})
    assert response.status_code == 200
    data = response.json()
    (record,) = data["attendee_records"]
    assert (record["first_name"], record["last_name"], record["email"]) == (
        "Zoltana",
        "Quennerby",
        EMAIL,
    )
    assert [certificate["code"] for certificate in data["certificates"]] == [holder]
    assert data["certificates"][0]["name"] == "Zoltana Quennerby"


@pytest.mark.parametrize("token", ["", "abc", "abc.def", "x" * 500, "été.été"])
def test_a_wrong_token_is_refused(site, holder, rest_session, token):
    response = rest_session().get("/@attendee-data", params={"token": token})
    assert response.status_code in (400, 403)
    assert response.json()["error"]["field"] == "token"


def test_a_changed_token_is_refused(site, holder, rest_session):
    anonymous = rest_session()
    ask_link(anonymous)
    payload, signature = link_token(site).split(".")
    forged = f"{payload}.{signature[:-2]}AA"
    assert anonymous.get("/@attendee-data", params={"token": forged}).status_code == 403


def ask_erasure(site, session, withdraw):
    ask_link(session)
    response = session.post(
        "/@erasure-request", json={"token": link_token(site), "withdraw_certificates": withdraw}
    )
    assert response.status_code == 201, response.text
    assert response.json()["state"] == "pending"
    return response.json()["id"]


def test_only_the_team_sees_and_confirms_erasure_requests(site, holder, sessions_for):
    actors = sessions_for("team", "owner", "stranger")
    request_id = ask_erasure(site, actors["anonymous"], withdraw=False)
    for refused in ("anonymous", "owner", "stranger"):
        assert actors[refused].get("/@erasure-requests").status_code in (401, 403)
        confirm = actors[refused].post("/@erasure-requests", json={"id": request_id})
        assert confirm.status_code in (401, 403)
    (item,) = actors["team"].get("/@erasure-requests").json()["items"]
    assert item["id"] == request_id
    assert item["state"] == "pending"
    assert item["attendee_records"] == 1
    assert EMAIL not in repr(item)


def confirm(sessions, request_id):
    response = sessions["team"].post("/@erasure-requests", json={"id": request_id})
    assert response.status_code == 200, response.text
    return response.json()


def test_erasure_removes_the_address_and_keeps_the_certificate(site, holder, sessions_for):
    actors = sessions_for("team")
    request_id = ask_erasure(site, actors["anonymous"], withdraw=False)
    forget_mails_to(site, EMAIL)
    assert pickles_holding(site._p_jar.db(), EMAIL) != []  # the attendee record, before
    done = confirm(actors, request_id)
    assert (done["attendee_records"], done["certificates_withdrawn"]) == (1, 0)
    again = actors["team"].post("/@erasure-requests", json={"id": request_id})
    assert again.status_code == 409
    verified = actors["anonymous"].get(f"/@verify/{holder}").json()
    assert (verified["valid"], verified["name"]) == (True, "Zoltana Quennerby")
    forget_mails_to(site, EMAIL)
    assert pickles_holding(site._p_jar.db(), EMAIL) == []
    assert catalog_holding(api.portal.get_tool("portal_catalog"), EMAIL) == []
    # the address now has no data: asking again mails nothing
    ask_link(actors["anonymous"])
    assert mails_to(site, EMAIL) == []


def test_a_withdrawn_certificate_never_shows_the_name_again(site, holder, sessions_for):
    actors = sessions_for("team")
    request_id = ask_erasure(site, actors["anonymous"], withdraw=True)
    catalog = api.portal.get_tool("portal_catalog")
    # before: the name is in the listings' column and sort index (never in a text index)
    assert catalog_holding(catalog, "Quennerby") == ["metadata", "sortable_title"]
    confirm(actors, request_id)
    verified = actors["anonymous"].get(f"/@verify/{holder}").json()
    assert verified["valid"] is False
    assert verified["state"] == "withdrawn"
    assert verified["name"] is None
    assert verified["message"] == "Withdrawn at the holder's request."
    page = actors["anonymous"].get(f"/verify/{holder}", headers={"Accept": "text/html"})
    assert "withdrawn at the holder" in page.text
    assert "Quennerby" not in page.text
    pdf = actors["anonymous"].get(f"/verify/{holder}/certificate.pdf")
    assert pdf.status_code == 404
    transaction.begin()
    for text in ("Quennerby", "Zoltana", EMAIL):
        assert catalog_holding(catalog, text) == []


def test_the_audit_log_names_requests_never_people(site, holder, sessions_for):
    actors = sessions_for("team")
    confirm(actors, ask_erasure(site, actors["anonymous"], withdraw=True))
    transaction.begin()
    log = audit_log()
    kinds = [entry["kind"] for entry in log]
    assert kinds == ["data-link", "erasure", "erasure"]
    assert log[-1]["outcome"].startswith("confirmed: 1 records erased, 1 certificates withdrawn")
    assert all(set(entry) == {"id", "kind", "date", "outcome"} for entry in log)
    assert not any(text in repr(log) for text in (EMAIL, "Zoltana", "Quennerby"))


@pytest.mark.parametrize(
    ("endpoint", "body", "field"),
    [
        ("@data-request", {"email": 5}, "email"),
        ("@data-request", {"email": ["a@example.org"]}, "email"),
        ("@erasure-request", {"token": 1}, "token"),
        (
            "@erasure-request",
            {"token": "a.b", "withdraw_certificates": "yes"},
            "withdraw_certificates",
        ),
        ("@erasure-request", {"token": "a.b"}, "token"),
    ],
)
def test_a_wrong_body_is_named_and_changes_nothing(
    site, holder, rest_session, endpoint, body, field
):
    response = rest_session().post(endpoint, json=body)
    assert response.status_code in (400, 403)
    assert response.json()["error"]["field"] == field
    transaction.begin()
    assert [entry["kind"] for entry in audit_log()] == []


def test_the_team_gets_400_for_a_wrong_request_id(site, sessions_for):
    team = sessions_for("team")["team"]
    assert team.post("/@erasure-requests", json={"id": ["x"]}).status_code == 400
    unknown = team.post("/@erasure-requests", json={"id": "nothing"})
    assert unknown.status_code == 404
    assert unknown.json()["error"]["field"] == "id"
    assert team.post("/@erasure-requests", data="{not json").status_code == 400
