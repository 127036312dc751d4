"""Credits and certificates driven over HTTP, through plone.restapi, on the
server layer: the organisation's owner, the certification team, outsiders and
the anonymous public who verify a code.

Set-up data is made in test code and committed so that the server thread sees
it; what the server changes is read back after ``transaction.begin()``.
"""

import threading
import time

import pytest
import transaction
from builders import ATTENDEES
from builders import PASSWORD
from builders import certified_course
from builders import course_data
from builders import top_up
from plone import api
from plone.testing.zope import WSGI_SERVER_FIXTURE
from rest_helpers import error_message

from qgis.certification.certificates import codes
from qgis.certification.payments.credits import ledger_of


pytestmark = pytest.mark.server

DENIED = (401, 403)
EMAILS = tuple(email for _first, _last, email in ATTENDEES)


# -- set-up -------------------------------------------------------------------


@pytest.fixture
def site(server_site):
    return server_site


@pytest.fixture
def actors(site, sessions_for):
    return sessions_for("owner", "stranger", "team", "convener", "psc_member")


class Academy:
    """A certified organisation with one published course of three attendees."""

    def __init__(self, portal, title="Geo Academy", credits=0):
        with api.env.adopt_roles(["Manager"]):
            organisation, course, people = certified_course(portal, title=title)
            if credits:
                top_up(organisation, credits)
        self.org = organisation.absolute_url()
        self.course = course.absolute_url()
        self.uids = [person.UID() for person in people]
        self.attendee_urls = [person.absolute_url() for person in people]
        transaction.commit()

    def add_course(self, title):
        """A second published course of the same organisation, with three attendees."""
        organisation = obj_at(self.org)
        with api.env.adopt_roles(["Manager"]):
            parts = (
                organisation["qgis-for-beginners"],
                organisation["ana-trainer"],
                organisation["cluj-centre"],
            )
            course = api.content.create(
                container=organisation, type="Course", **course_data(*parts, title=title)
            )
            for index, (first, last, email) in enumerate(ATTENDEES):
                api.content.create(
                    container=course,
                    type="Attendee",
                    id=f"attendee-{index}",
                    first_name=first,
                    last_name=last,
                    email=email,
                )
            api.content.transition(obj=course, transition="publish")
        url = course.absolute_url()
        transaction.commit()
        return url


@pytest.fixture
def academy(site):
    return Academy(site, credits=5)


# -- helpers ------------------------------------------------------------------


def obj_at(url):
    transaction.begin()
    portal = api.portal.get()
    path = url[len(portal.absolute_url()) :].lstrip("/")
    return portal.unrestrictedTraverse(path)


def balance(org_url):
    return ledger_of(obj_at(org_url)).balance


def entries(org_url):
    return ledger_of(obj_at(org_url)).entries()


def certificates_in(course_url):
    course = obj_at(course_url)
    return [item for item in course.objectValues() if item.portal_type == "Certificate"]


def issue(session, course_url, attendees="all", certificate_type="completion"):
    return session.post(
        f"{course_url}/@issue-certificates",
        json={"attendees": attendees, "certificate_type": certificate_type},
    )


def issued(response):
    assert response.status_code == 201, (response.status_code, response.text)
    return response.json()


def verify(session, code):
    return session.get(f"/@verify/{code}")


def wrong_check_symbol(code):
    """The code with another check symbol: a typo the check symbol must catch."""
    check = code[-1]
    other = next(symbol for symbol in codes.ALPHABET if symbol != check)
    return code[:-1] + other


# -- credits ------------------------------------------------------------------


def test_owner_and_team_read_the_credits(actors, academy):
    for reader in ("owner", "team"):
        response = actors[reader].get(f"{academy.org}/@credits")
        assert response.status_code == 200, (reader, response.text)
        body = response.json()
        assert body["balance"] == 5
        assert body["price"] == {"amount": "20.00", "currency": "EUR"}
        assert [(e["amount"], e["reason"]) for e in body["entries"]] == [(5, "top-up")]

    for outsider in ("stranger", "convener", "psc_member"):
        response = actors[outsider].get(f"{academy.org}/@credits")
        assert response.status_code in DENIED, (outsider, response.status_code, response.text)
    assert actors["anonymous"].get(f"{academy.org}/@credits").status_code == 401


def test_team_adjusts_the_credits(actors, academy):
    url = f"{academy.org}/@credits"
    response = actors["team"].post(url, json={"amount": 3, "reason": "Paid by invoice 12"})
    assert response.status_code == 201, response.text
    entry = response.json()
    assert entry["amount"] == 3
    assert entry["reason"] == "adjustment"
    assert entry["reference"] == "Paid by invoice 12"
    assert entry["user"] == "team"
    assert entry["balance"] == 8

    response = actors["team"].post(url, json={"amount": -8, "reason": "Refunded by bank"})
    assert response.status_code == 201, response.text
    assert response.json()["balance"] == 0
    assert balance(academy.org) == 0
    assert [e["amount"] for e in entries(academy.org)] == [5, 3, -8]

    for outsider in ("owner", "stranger", "convener", "anonymous"):
        response = actors[outsider].post(url, json={"amount": 100, "reason": "Free money"})
        assert response.status_code in DENIED, (outsider, response.status_code, response.text)
    assert balance(academy.org) == 0
    assert len(entries(academy.org)) == 3


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": 0, "reason": "Nothing"}, "amount"),
        ({"amount": "5", "reason": "A string"}, "amount"),
        ({"amount": 1.5, "reason": "A fraction"}, "amount"),
        ({"amount": True, "reason": "A boolean"}, "amount"),
        ({"reason": "No amount"}, "amount"),
        ({"amount": 5}, "reason"),
        ({"amount": 5, "reason": "   "}, "reason"),
        ({"amount": -6, "reason": "More than the balance"}, "credits"),
    ],
)
def test_bad_adjustments_change_nothing(actors, academy, body, field):
    response = actors["team"].post(f"{academy.org}/@credits", json=body)
    assert response.status_code == 400, response.text
    assert field in error_message(response)
    assert balance(academy.org) == 5
    assert len(entries(academy.org)) == 1


# -- issuing ------------------------------------------------------------------


def test_owner_issues_certificates_to_all(actors, academy):
    response = issue(actors["owner"], academy.course)
    body = issued(response)
    assert body["balance"] == 2
    assert sorted(item["name"] for item in body["issued"]) == [
        "Ioana Ștefănescu",
        "John Smith",
        "Åsa Öberg",
    ]
    assert sorted(item["attendee"] for item in body["issued"]) == sorted(academy.uids)
    for item in body["issued"]:
        assert item["code"] == codes.normalize(item["code"])
        assert item["@id"].startswith(academy.course + "/")

    certificates = certificates_in(academy.course)
    assert sorted(c.absolute_url() for c in certificates) == sorted(
        item["@id"] for item in body["issued"]
    )
    assert {c.certificate_type for c in certificates} == {"completion"}
    ledger = entries(academy.org)
    assert [e["reason"] for e in ledger] == ["top-up"] + ["certificate"] * 3
    assert {e["reference"] for e in ledger[1:]} == {item["code"] for item in body["issued"]}
    assert balance(academy.org) == 2

    # The owner reads the certificate; the credits page shows the debits.
    response = actors["owner"].get(body["issued"][0]["@id"])
    assert response.status_code == 200, response.text
    assert actors["owner"].get(f"{academy.org}/@credits").json()["balance"] == 2

    # Never twice for the same attendee and type.
    response = issue(actors["owner"], academy.course, [academy.uids[0]])
    assert response.status_code == 409, response.text
    error_message(response)
    response = issue(actors["owner"], academy.course)
    assert response.status_code == 409, response.text
    error_message(response)
    assert len(certificates_in(academy.course)) == 3
    assert balance(academy.org) == 2

    # Another type is another certificate, and the team may issue it too.
    body = issued(issue(actors["team"], academy.course, [academy.uids[1]], "attendance"))
    assert [item["attendee"] for item in body["issued"]] == [academy.uids[1]]
    assert body["balance"] == 1
    assert len(certificates_in(academy.course)) == 4


def test_not_enough_credits_issues_nothing(actors, site):
    academy = Academy(site, credits=2)
    response = issue(actors["owner"], academy.course)
    assert response.status_code == 402, response.text
    message = error_message(response)
    assert "3 needed" in message
    assert "2 available" in message
    error = response.json()["error"]
    assert (error["needed"], error["balance"], error["shortfall"]) == (3, 2, 1)
    assert certificates_in(academy.course) == []
    assert balance(academy.org) == 2
    assert len(entries(academy.org)) == 1

    # What the credits cover is issued.
    body = issued(issue(actors["owner"], academy.course, academy.uids[:2]))
    assert body["balance"] == 0
    assert len(certificates_in(academy.course)) == 2


@pytest.mark.parametrize(
    ("attendees", "certificate_type", "status"),
    [
        ("all", "diploma", 400),
        ("all", "", 400),
        (["not-an-attendee-uid"], "completion", 400),
        ("everyone", "completion", 400),
        ([], "completion", 400),
        (5, "completion", 400),
        ([5], "completion", 400),
        (None, "completion", 400),
    ],
)
def test_bad_issue_requests_change_nothing(actors, academy, attendees, certificate_type, status):
    response = issue(actors["owner"], academy.course, attendees, certificate_type)
    assert response.status_code == status, response.text
    error_message(response)
    assert certificates_in(academy.course) == []
    assert balance(academy.org) == 5


def test_bad_issue_bodies_change_nothing(actors, academy):
    url = f"{academy.course}/@issue-certificates"
    response = actors["owner"].post(url, data="not json", headers={"Content-Type": "text/plain"})
    assert response.status_code == 400, response.text
    error_message(response)
    response = actors["owner"].post(url, json=["all", "completion"])
    assert response.status_code == 400, response.text
    error_message(response)
    # An attendee of another course is not an attendee of this one.
    other = academy.add_course("QGIS for beginners, autumn")
    other_uid = obj_at(other)["attendee-0"].UID()
    response = issue(actors["owner"], academy.course, [academy.uids[0], other_uid])
    assert response.status_code == 400, response.text
    assert other_uid in error_message(response)
    assert certificates_in(academy.course) == []
    assert certificates_in(other) == []
    assert balance(academy.org) == 5


def test_only_the_organisation_and_the_team_issue(actors, academy):
    for outsider in ("stranger", "convener", "psc_member"):
        response = issue(actors[outsider], academy.course)
        assert response.status_code in DENIED, (outsider, response.status_code, response.text)
    assert issue(actors["anonymous"], academy.course).status_code == 401
    assert certificates_in(academy.course) == []
    assert balance(academy.org) == 5


# -- verification ---------------------------------------------------------------


def test_anyone_verifies_a_code(actors, academy):
    body = issued(issue(actors["owner"], academy.course, [academy.uids[0]]))
    code = body["issued"][0]["code"]
    anonymous = actors["anonymous"]

    response = verify(anonymous, code)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["valid"] is True
    assert result["state"] == "issued"
    assert result["code"] == code
    assert result["name"] == "Ioana Ștefănescu"
    assert result["certificate_type"] == "completion"
    assert result["certificate_type_title"] == "Completion"
    assert result["course"] == "QGIS for beginners"
    assert result["organisation"] == "Geo Academy"
    assert result["issue_date"] == certificates_in(academy.course)[0].issue_date.isoformat()
    assert result["start_date"] == "2026-11-02"
    for email in EMAILS:
        assert email not in response.text
    assert "@example.org" not in response.text

    # As a person types it: lower case, spaces instead of hyphens, no prefix.
    for typed in (code.lower(), code.lower().replace("-", " "), code[len("QGIS-") :]):
        response = verify(anonymous, typed)
        assert response.status_code == 200, (typed, response.text)
        assert response.json()["code"] == code

    # A well-formed code nobody was given.
    unknown = codes.new_code()
    while unknown == code:
        unknown = codes.new_code()
    response = verify(anonymous, unknown)
    assert response.status_code == 404, response.text
    assert "No certificate" in error_message(response)

    # A typo: the check symbol no longer matches.
    typo = wrong_check_symbol(code)
    response = verify(anonymous, typo)
    assert response.status_code == 400, response.text
    assert "not a valid certificate code" in error_message(response)
    response = verify(anonymous, "QGIS-1234")
    assert response.status_code == 400, response.text
    error_message(response)


def test_certificates_and_attendees_are_never_public(actors, academy):
    body = issued(issue(actors["owner"], academy.course))
    certificate_url = body["issued"][0]["@id"]
    for url in (certificate_url, academy.attendee_urls[0]):
        for outsider in ("anonymous", "stranger"):
            response = actors[outsider].get(url)
            assert response.status_code in DENIED, (outsider, url, response.status_code)
            for email in EMAILS:
                assert email not in response.text
    assert actors["convener"].get(certificate_url).status_code == 200
    assert actors["team"].get(certificate_url).status_code == 200


# -- revoking -------------------------------------------------------------------


def test_owner_revokes_within_the_window_and_is_refunded(actors, academy):
    body = issued(issue(actors["owner"], academy.course))
    first, second, _third = body["issued"]
    assert balance(academy.org) == 2

    # Without a reason nothing changes.
    for data in ({}, {"comment": "   "}, {"refund": True}):
        response = actors["owner"].post(f"{first['@id']}/@revoke", json=data)
        assert response.status_code == 400, (data, response.text)
        assert "comment" in error_message(response)
    assert api.content.get_state(obj_at(first["@id"])) == "issued"
    assert balance(academy.org) == 2
    assert verify(actors["anonymous"], first["code"]).json()["valid"] is True

    response = actors["owner"].post(
        f"{first['@id']}/@revoke", json={"comment": "Issued to the wrong person."}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"state": "revoked", "balance": 3}
    assert api.content.get_state(obj_at(first["@id"])) == "revoked"
    assert balance(academy.org) == 3
    last = entries(academy.org)[-1]
    assert (last["amount"], last["reason"], last["reference"]) == (1, "refund", first["code"])

    response = verify(actors["anonymous"], first["code"])
    assert response.status_code == 200, response.text
    assert response.json()["valid"] is False
    assert response.json()["state"] == "revoked"

    # A revoked certificate is not revoked twice.
    response = actors["owner"].post(f"{first['@id']}/@revoke", json={"comment": "Again."})
    assert response.status_code in (400, *DENIED), response.text
    assert balance(academy.org) == 3

    # The plain workflow transition works too, and refunds as well.
    response = actors["owner"].post(
        f"{second['@id']}/@workflow/revoke", json={"comment": "Duplicate."}
    )
    assert response.status_code == 200, response.text
    assert api.content.get_state(obj_at(second["@id"])) == "revoked"
    assert balance(academy.org) == 4
    assert verify(actors["anonymous"], second["code"]).json()["state"] == "revoked"

    # After a revocation, the attendee may be certified again.
    body = issued(issue(actors["owner"], academy.course, [first["attendee"]]))
    assert body["balance"] == 3
    assert body["issued"][0]["code"] != first["code"]


def test_outsiders_do_not_revoke(actors, academy):
    body = issued(issue(actors["owner"], academy.course, [academy.uids[0]]))
    url = body["issued"][0]["@id"]
    for outsider in ("stranger", "convener", "anonymous"):
        response = actors[outsider].post(
            f"{url}/@revoke", json={"comment": "Not mine.", "refund": True}
        )
        assert response.status_code in DENIED, (outsider, response.status_code, response.text)
    assert api.content.get_state(obj_at(url)) == "issued"
    assert balance(academy.org) == 4


def test_team_chooses_whether_to_refund(actors, academy):
    body = issued(issue(actors["owner"], academy.course))
    first, second, _third = body["issued"]

    response = actors["team"].post(
        f"{first['@id']}/@revoke", json={"comment": "Fraud.", "refund": False}
    )
    assert response.status_code == 200, response.text
    assert response.json()["balance"] == 2
    assert api.content.get_state(obj_at(first["@id"])) == "revoked"
    assert balance(academy.org) == 2

    response = actors["team"].post(
        f"{second['@id']}/@revoke", json={"comment": "Our mistake.", "refund": True}
    )
    assert response.status_code == 200, response.text
    assert response.json()["balance"] == 3
    assert balance(academy.org) == 3
    assert [e["reason"] for e in entries(academy.org)][-1] == "refund"


# -- correcting -----------------------------------------------------------------


def test_owner_corrects_the_name_within_the_window(actors, academy):
    body = issued(issue(actors["owner"], academy.course, [academy.uids[0]]))
    url, code = body["issued"][0]["@id"], body["issued"][0]["code"]

    response = actors["owner"].post(f"{url}/@correct", json={"first_name": "Ioana"})
    assert response.status_code == 400, response.text
    assert "name" in error_message(response)
    response = actors["owner"].post(
        f"{url}/@correct", json={"first_name": "Ioana", "last_name": "  "}
    )
    assert response.status_code == 400, response.text
    for outsider in ("stranger", "convener", "anonymous"):
        response = actors[outsider].post(
            f"{url}/@correct", json={"first_name": "Mallory", "last_name": "Evil"}
        )
        assert response.status_code in DENIED, (outsider, response.status_code, response.text)
    assert obj_at(url).printed_name == "Ioana Ștefănescu"

    response = actors["owner"].post(
        f"{url}/@correct", json={"first_name": "Ioana", "last_name": "Ștefănescu-Pop"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "Ioana Ștefănescu-Pop"
    assert obj_at(url).printed_name == "Ioana Ștefănescu-Pop"
    assert verify(actors["anonymous"], code).json()["name"] == "Ioana Ștefănescu-Pop"
    assert balance(academy.org) == 4


# -- concurrency -------------------------------------------------------------------


def test_concurrent_issuing_never_overspends(actors, site, rest_session):
    """Two courses of one organisation issue at the same moment, with credits
    for only one of them: exactly one request is served, the other is refused
    with 402, and the ledger never goes below zero."""
    # The race is only meaningful if the server handles requests in parallel.
    assert WSGI_SERVER_FIXTURE.server.adj.threads > 1
    overlaps = 0
    rounds = 4
    for round_ in range(rounds):
        academy = Academy(site, title=f"Race Academy {round_}", credits=3)
        courses = [academy.course, academy.add_course("QGIS for beginners, autumn")]
        sessions = [rest_session("owner", PASSWORD) for _course in courses]
        barrier = threading.Barrier(len(courses))
        results = [None] * len(courses)

        def post(index, sessions=sessions, barrier=barrier, results=results, courses=courses):
            barrier.wait()
            started = time.monotonic()
            response = issue(sessions[index], courses[index])
            results[index] = (response, started, time.monotonic())

        threads = [threading.Thread(target=post, args=(i,)) for i in range(len(courses))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert all(result is not None for result in results), results

        statuses = sorted(response.status_code for response, _start, _end in results)
        assert statuses == [201, 402], [(r.status_code, r.text[:300]) for r, _s, _e in results]
        (start_a, end_a), (start_b, end_b) = [(s, e) for _r, s, e in results]
        if start_a < end_b and start_b < end_a:
            overlaps += 1

        winner = next(r for r, _s, _e in results if r.status_code == 201)
        assert len(winner.json()["issued"]) == 3
        assert winner.json()["balance"] == 0
        loser = next(r for r, _s, _e in results if r.status_code == 402)
        assert loser.json()["error"]["needed"] == 3

        ledger = ledger_of(obj_at(academy.org))
        assert ledger.balance == 0
        assert ledger.recomputed_balance() == 0
        assert [e["reason"] for e in ledger.entries()].count("certificate") == 3
        assert sorted(len(certificates_in(course)) for course in courses) == [0, 3]
    # The requests are sent together; the server (waitress, 4 threads) serves
    # them at once, so in practice they overlap in most rounds.
    print(f"requests overlapped in {overlaps} of {rounds} rounds")
