"""``GET /@my-work`` over HTTP, per role: what each person sees, and what they
never see (another country's applications, another owner's organisations,
opinions for the applicant); anonymous callers are asked to log in."""

import pytest
from builders import committed
from my_work_world import CHANGE_REQUEST
from my_work_world import build


pytestmark = pytest.mark.server

BAD_PARAMETERS = (
    ({"b_size": "0"}, 400, "b_size"),
    ({"b_size": "101"}, 400, "b_size"),
    ({"b_start": "-1"}, 400, "b_start"),
    ({"b_start": "x"}, 400, "b_start"),
    ({"section": "psc-decisions"}, 404, "section"),
)

PEOPLE = ("owner", "stranger", "team", "reviewer_ro", "reviewer_se", "psc_member", "convener")


@pytest.fixture
def world(server_site):
    return committed(build, server_site)


@pytest.fixture
def people(world, sessions_for):
    return sessions_for(*PEOPLE)


def my_work(session, **params):
    response = session.get("@my-work", params=params)
    assert response.status_code == 200, response.text
    return {section["id"]: section for section in response.json()["sections"]}


def titles(section):
    return [item["title"] for item in section["items"]]


def everything(sections):
    return {title for section in sections.values() for title in titles(section)}


def test_anonymous_callers_are_asked_to_log_in(server_site, sessions_for):
    response = sessions_for()["anonymous"].get("@my-work")

    assert response.status_code == 401


def test_the_owner_sees_their_organisations_courses_invoices_and_certificates_to_issue(people):
    sections = my_work(people["owner"])

    assert list(sections) == [
        "my-organisations",
        "my-courses",
        "unpaid-invoices",
        "certificates-to-issue",
    ]
    organisations = {item["title"]: item for item in sections["my-organisations"]["items"]}
    assert set(organisations) == {
        "Certified Academy",
        "Deciding Academy",
        "Draft Academy",
        "Returned Academy",
        "Romanian Review",
        "Swedish Review",
        "Waiting Academy",
    }
    draft = organisations["Draft Academy"]
    assert draft["review_state"] == "draft"
    assert draft["review_state_title"] == "Draft"
    assert draft["next_action"] == "Complete the application."
    assert "at least one course type" in draft["missing"]
    returned = organisations["Returned Academy"]
    assert returned["change_request"]["comment"] == CHANGE_REQUEST
    assert returned["missing"] == []
    assert returned["next_action"] == "Submit the application."
    assert returned["next_action_url"].endswith("/@@workflow-transition?transition=submit")
    assert organisations["Certified Academy"]["credits"] == 0
    assert organisations["Certified Academy"]["review_state_title"] == "Certified"
    assert "credits" not in organisations["Waiting Academy"]
    # opinions are never the applicant's to read
    assert "answered" not in organisations["Romanian Review"]
    assert "opinions" not in organisations["Deciding Academy"]
    assert titles(sections["my-courses"]) == [
        "QGIS for beginners, spring",
        "QGIS for beginners, last year",
    ]
    [invoice] = sections["unpaid-invoices"]["items"]
    assert invoice["title"].startswith("QGIS-CERT-")
    assert invoice["total"] == "100.00"
    assert invoice["deadline"] > invoice["since"]
    [ended] = sections["certificates-to-issue"]["items"]
    assert ended["title"] == "QGIS for beginners, last year"
    assert (ended["attendees"], ended["certificates"], ended["without_certificate"]) == (1, 0, 1)
    assert ended["next_action"] == "Issue the certificates."


def test_an_owner_never_sees_another_owners_organisations_in_any_language(people):
    sections = my_work(people["stranger"])

    assert list(sections) == ["my-organisations"]
    assert titles(sections["my-organisations"]) == ["Stranger Academy"]
    assert "Stranger Academy" not in everything(my_work(people["owner"]))
    # titles and states speak the viewer's language
    response = people["stranger"].get("@my-work", headers={"Accept-Language": "ro"})

    [section] = response.json()["sections"]
    assert section["title"] == "Organizațiile mele"
    [draft] = section["items"]
    assert draft["review_state_title"] == "Ciornă"
    assert draft["next_action"] == "Trimiteți cererea."


def test_the_team_sees_every_step_of_the_review(people):
    sections = my_work(people["team"])

    assert list(sections) == [
        "initial-review",
        "user-group-review",
        "waiting-for-psc",
        "invoices-awaiting-payment",
        "overdue-reviews",
    ]
    initial = sections["initial-review"]["items"]
    assert [item["title"] for item in initial] == ["Waiting Academy"]  # the returned one is a draft
    assert initial[0]["age_days"] == 3
    review = {item["title"]: item for item in sections["user-group-review"]["items"]}
    assert list(review) == ["Swedish Review", "Romanian Review"]  # nearest deadline first
    assert review["Romanian Review"]["answered"] == []
    assert review["Romanian Review"]["waiting_for"] == ["QGIS UG-RO"]
    assert review["Romanian Review"]["deadline"] is not None
    assert titles(sections["waiting-for-psc"]) == ["Deciding Academy"]
    assert len(sections["invoices-awaiting-payment"]["items"]) == 1
    assert titles(sections["overdue-reviews"]) == ["Swedish Review"]
    assert "Draft Academy" not in everything(sections)

    # each section is paged, with its total; bad parameters are refused
    response = people["team"].get(
        "@my-work", params={"section": "user-group-review", "b_size": "1"}
    )

    [section] = response.json()["sections"]
    assert section["items_total"] == 2
    assert titles(section) == ["Swedish Review"]
    following = people["team"].get(section["next"]).json()["sections"][0]
    assert titles(following) == ["Romanian Review"]
    assert "next" not in following
    for params, status, field in BAD_PARAMETERS:
        refused = people["team"].get("@my-work", params=params)

        assert refused.status_code == status, params
        assert refused.json()["error"]["field"] == field


def test_a_reviewer_sees_only_their_countrys_applications_until_their_group_answers(people):
    ro = my_work(people["reviewer_ro"])
    se = my_work(people["reviewer_se"])

    assert list(ro) == ["user-group-opinions"]
    [waiting] = ro["user-group-opinions"]["items"]
    assert waiting["title"] == "Romanian Review"
    assert waiting["user_group"] == "QGIS UG-RO"
    assert waiting["deadline"] is not None
    assert waiting["next_action_url"].endswith("/@@give-opinion")
    assert titles(se["user-group-opinions"]) == ["Swedish Review"]
    assert "Swedish Review" not in everything(ro)
    assert "Deciding Academy" not in everything(ro)

    organisation = waiting["@id"]
    given = people["reviewer_ro"].post(
        f"{organisation}/@user-group-opinion",
        json={"opinion": "oppose", "comment": "No material in Romanian."},
    )
    assert given.status_code in (200, 201), given.text

    assert my_work(people["reviewer_ro"])["user-group-opinions"]["items"] == []
    review = {item["title"]: item for item in my_work(people["team"])["user-group-review"]["items"]}
    assert review["Romanian Review"]["answered"] == [
        {"user_group": "QGIS UG-RO", "opinion": "oppose", "opinion_title": "Opposes"}
    ]
    assert review["Romanian Review"]["waiting_for"] == []


def test_the_psc_sees_the_decisions_with_the_opinions_and_the_convener_their_courses(people):
    sections = my_work(people["psc_member"])

    assert list(sections) == ["psc-decisions"]
    [deciding] = sections["psc-decisions"]["items"]
    assert deciding["title"] == "Deciding Academy"
    assert deciding["opinions"] == [
        {"user_group": "QGIS UG-RO", "opinion": "recommend", "opinion_title": "Recommends"}
    ]
    assert deciding["next_action"] == "Approve or reject the application."
    assert "Deciding Academy" not in everything(my_work(people["convener"]))

    # the convener: their courses, with attendees and certificates
    sections = my_work(people["convener"])

    assert list(sections) == ["convened-courses"]
    courses = {item["title"]: item for item in sections["convened-courses"]["items"]}
    assert courses["QGIS for beginners, spring"]["attendees"] == 3
    assert courses["QGIS for beginners, spring"]["certificates"] == 0
    assert courses["QGIS for beginners, last year"]["without_certificate"] == 1
