"""Every product POST endpoint that reads a JSON body, over HTTP: a member of the
wrong type, malformed JSON and a body that is not a JSON object answer 400 in
the one error shape, naming the member, and write nothing."""

import pytest
import transaction
from builders import bring_to
from builders import certified_course
from builders import create_application
from builders import top_up
from builders import with_questionnaires
from plone import api

from qgis.certification.certificates import codes
from qgis.certification.certificates import issuing


pytestmark = pytest.mark.server


class Targets:
    """The objects the endpoints act on, committed for the server."""

    def __init__(self, portal):
        with_questionnaires(portal)
        with api.env.adopt_roles(["Manager"]):
            organisation, course, people = certified_course(portal)
            top_up(organisation, 5)
            certificates, _balance = issuing.issue_certificates(
                course, [people[0].UID()], "completion", "owner"
            )
            draft = create_application(portal, title="Draft School", answered=False)
            in_review = bring_to(
                create_application(portal, title="Map School"), "user_group_review"
            )
        self.urls = {
            "organisation": organisation.absolute_url(),
            "course": course.absolute_url(),
            "certificate": certificates[0].absolute_url(),
            "draft": draft.absolute_url(),
            "in_review": in_review.absolute_url(),
        }
        transaction.commit()


@pytest.fixture
def targets(server_site):
    return Targets(server_site)


@pytest.fixture
def actors(server_site, sessions_for):
    return sessions_for("owner", "team", "reviewer_ro")


# endpoint -> (who posts, on what)
ENDPOINTS = {
    "@issue-certificates": ("owner", "course"),
    "@mail-certificates": ("owner", "course"),
    "@correct": ("owner", "certificate"),
    "@revoke": ("owner", "certificate"),
    "@credits": ("team", "organisation"),
    "@credit-orders": ("owner", "organisation"),
    "@user-group-opinion": ("reviewer_ro", "in_review"),
    "@questionnaire": ("owner", "draft"),
    "@review-checklist": ("team", "in_review"),
}

# (endpoint, body, the member at fault)
WRONG_TYPES = [
    ("@issue-certificates", {"attendees": "all", "certificate_type": ["completion"]},
     "certificate_type"),
    ("@issue-certificates", {"attendees": "all", "certificate_type": {"id": "completion"}},
     "certificate_type"),
    ("@issue-certificates", {"attendees": {"all": True}, "certificate_type": "completion"},
     "attendees"),
    ("@issue-certificates", {"attendees": [5], "certificate_type": "completion"}, "attendees"),
    ("@mail-certificates", {"certificates": 5}, "certificates"),
    ("@mail-certificates", {"certificates": [{"uid": "x"}]}, "certificates"),
    ("@correct", {"first_name": ["Ioana"], "last_name": "Popescu"}, "first_name"),
    ("@correct", {"first_name": "Ioana", "last_name": {"name": "Popescu"}}, "last_name"),
    ("@revoke", {"comment": 5}, "comment"),
    ("@revoke", {"comment": "Issued to the wrong person.", "refund": "yes"}, "refund"),
    ("@credits", {"amount": "5", "reason": "A gift"}, "amount"),
    ("@credits", {"amount": 5, "reason": ["A gift"]}, "reason"),
    ("@credit-orders", {"credits": [3], "method": "invoice"}, "credits"),
    ("@credit-orders", {"credits": 3, "method": {"invoice": True}}, "method"),
    ("@user-group-opinion", {"opinion": "recommend", "comment": 5}, "comment"),
    ("@user-group-opinion", {"opinion": ["recommend"], "comment": "Fine."}, "opinion"),
    ("@user-group-opinion", {"opinion": "recommend", "comment": "Fine.", "user_group": 3},
     "user_group"),
    ("@questionnaire", {"answers": ["teaching"]}, "answers"),
    ("@review-checklist", {"answers": "Yes"}, "answers"),
]  # fmt: skip

NOT_OBJECTS = [
    ("malformed JSON", {"data": '{"comment": ', "headers": {"Content-Type": "application/json"}}),
    ("a JSON array", {"json": ["comment", "Fine."]}),
    ("a JSON string", {"json": "Fine."}),
]


def last_transaction(portal):
    """The id of the ZODB's last committed transaction, as this thread sees it."""
    transaction.begin()
    return portal._p_jar.db().lastTransaction()


def post(actors, targets, endpoint, **kwargs):
    actor, target = ENDPOINTS[endpoint]
    return actors[actor].post(f"{targets.urls[target]}/{endpoint}", **kwargs)


def error_of(response):
    """The error of a 400 answer, in the one shape."""
    assert response.status_code == 400, (response.status_code, response.text[:500])
    assert response.headers["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["message"]
    assert isinstance(error["errors"], list)
    return error


def test_a_member_of_the_wrong_type_is_named_and_nothing_is_written(server_site, targets, actors):
    before = last_transaction(server_site)
    wrong = []
    for endpoint, body, field in WRONG_TYPES:
        response = post(actors, targets, endpoint, json=body)
        if response.status_code != 400:
            wrong.append((endpoint, body, response.status_code, response.text[:300]))
            continue
        error = error_of(response)
        named = [e["field"] for e in error["errors"]]
        if (error["field"], named) != (field, [field]) or field not in error["message"]:
            wrong.append((endpoint, body, error))
    assert wrong == []
    assert last_transaction(server_site) == before


@pytest.mark.parametrize(("case", "body"), NOT_OBJECTS, ids=[case for case, _body in NOT_OBJECTS])
def test_a_body_that_is_not_a_json_object_is_refused(server_site, targets, actors, case, body):
    before = last_transaction(server_site)
    wrong = []
    for endpoint in ENDPOINTS:
        response = post(actors, targets, endpoint, **body)
        if response.status_code != 400:
            wrong.append((endpoint, response.status_code, response.text[:300]))
            continue
        error = error_of(response)
        if error["errors"] != [] or "JSON object" not in error["message"]:
            wrong.append((endpoint, error))
    assert wrong == []
    assert last_transaction(server_site) == before


def test_a_good_body_is_written(server_site, targets, actors):
    # The check above could fail: an accepted request does commit.
    before = last_transaction(server_site)
    response = post(
        actors, targets, "@correct", json={"first_name": " Ioana ", "last_name": "Popescu"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "Ioana Popescu"
    assert last_transaction(server_site) != before


def test_a_refusal_of_the_domain_has_the_same_shape(server_site, targets, actors):
    response = post(
        actors, targets, "@issue-certificates", json={"attendees": "all", "certificate_type": "x"}
    )
    error = error_of(response)
    assert "Unknown certificate type" in error["message"]
    assert error["errors"] == [{"field": "certificate_type", "message": error["message"]}]
    response = post(actors, targets, "@credit-orders", json={"credits": 0, "method": "invoice"})
    error = error_of(response)
    assert error["field"] == "credits"
    assert error["errors"] == [{"field": "credits", "message": error["message"]}]


def test_verify_and_the_public_feeds_answer_the_same_shape(server_site, targets, actors):
    anonymous = actors["anonymous"]
    response = anonymous.get(f"/@verify/{codes.new_code()}")
    assert response.status_code == 404, response.text
    error = response.json()["error"]
    assert (error["type"], error["errors"]) == ("NotFound", [])
    response = anonymous.get("/@organisations", params={"b_size": "0"})
    error = error_of(response)
    assert error["field"] == "b_size"
    assert error["errors"] == [{"field": "b_size", "message": error["message"]}]
    response = anonymous.get("/@courses-geojson", params={"when": "tomorrow"})
    assert [e["field"] for e in error_of(response)["errors"]] == ["when"]
