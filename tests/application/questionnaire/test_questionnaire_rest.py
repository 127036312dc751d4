"""``@questionnaire`` and ``@review-checklist`` over HTTP."""

import pytest
import transaction
from builders import APPLICATION_ANSWERS
from builders import answer_questionnaire
from builders import bring_to
from builders import create_application
from plone import api
from rest_helpers import error_message

from qgis.certification.application import questionnaire


pytestmark = pytest.mark.server

USERS = ("owner", "stranger", "reviewer_ro", "team", "psc_member")


@pytest.fixture
def actors(qserver_site, sessions_for):
    return sessions_for(*USERS)


def organisation_in(site, state, answered=True):
    with api.env.adopt_roles(["Manager"]):
        organisation = create_application(site, answered=False)
        if answered:
            answer_questionnaire(organisation)
        bring_to(organisation, state)
    transaction.commit()
    return organisation


def recorded(organisation, kind=questionnaire.APPLICATION):
    transaction.begin()
    return {entry["id"]: entry for entry in questionnaire.answers(organisation, kind)}


@pytest.mark.parametrize(
    ("state", "readers"),
    [
        ("draft", {"owner", "team"}),
        ("user_group_review", {"owner", "reviewer_ro", "team", "psc_member"}),
    ],
)
def test_who_reads_the_answers(qserver_site, actors, state, readers):
    organisation = organisation_in(qserver_site, state)
    for user, session in actors.items():
        response = session.get(organisation.absolute_url() + "/@questionnaire")
        if user in readers:
            assert response.status_code == 200, (user, response.text)
            body = response.json()
            assert [a["id"] for a in body["answers"]] == list(APPLICATION_ANSWERS)
            assert body["answers"][0]["question"] == "How do you teach QGIS?"
            assert body["questions"][0] == {
                "id": "teaching",
                "title": "How do you teach QGIS?",
                "description": body["questions"][0]["description"],
                "language": "en",
                "required": True,
                "type": "Text",
            }
            assert body["answers"][0]["language"] == "en"
            assert body["answers"][0]["asked_in"] is None
            assert body["missing"] == []
            assert body["may_answer"] is (user == "owner" and state == "draft")
        else:
            assert response.status_code in (401, 403), (user, response.status_code)


def test_applicant_answers_over_rest(qserver_site, actors):
    organisation = organisation_in(qserver_site, "draft", answered=False)
    url = organisation.absolute_url() + "/@questionnaire"
    owner = actors["owner"]
    assert owner.get(url).json()["missing"][0] == "How do you teach QGIS?"

    response = owner.post(
        url,
        json={
            "answers": {
                "trainers": "many",
                "teaching": " ",
                "colour": "blue",
                "qgis_versions": "3.40",
            }
        },
    )
    assert response.status_code == 400, response.text
    errors = {e["field"]: e["message"] for e in response.json()["error"]["errors"]}
    assert set(errors) == {"trainers", "teaching", "colour"}
    assert "required" in errors["teaching"]
    assert errors["colour"] == "No such question."
    assert recorded(organisation) == {}

    response = owner.post(url, json={"answers": {"trainers": 0}})
    assert response.status_code == 400
    assert response.json()["error"]["errors"][0]["field"] == "trainers"

    for body in ([1, 2], {"trainers": 3}, "not json"):
        response = owner.post(url, json=body)
        assert response.status_code == 400, body
        assert "JSON object" in error_message(response)

    response = owner.post(url, json={"answers": APPLICATION_ANSWERS})
    assert response.status_code == 200, response.text
    assert response.json()["missing"] == []
    answers = recorded(organisation)
    assert answers["trainers"]["value"] == 2
    assert answers["teaching"]["author"] == "owner"

    response = owner.post(organisation.absolute_url() + "/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    response = owner.post(url, json={"answers": {"trainers": 9}})
    assert response.status_code in (401, 403)
    assert recorded(organisation)["trainers"]["value"] == 2


def test_owner_of_a_certified_organisation_cannot_change_the_answers(qserver_site, actors):
    organisation = organisation_in(qserver_site, "published")
    response = actors["owner"].post(
        organisation.absolute_url() + "/@questionnaire", json={"answers": {"trainers": 9}}
    )
    assert response.status_code == 403, response.text
    assert "only while the application is a draft" in error_message(response)
    assert recorded(organisation)["trainers"]["value"] == 2


def test_submit_refused_over_rest_names_the_questionnaire(qserver_site, actors):
    organisation = organisation_in(qserver_site, "draft", answered=False)
    response = actors["owner"].post(organisation.absolute_url() + "/@workflow/submit", json={})
    assert response.status_code == 400, response.text
    assert "application questionnaire" in error_message(response)
    assert "How many trainers" in error_message(response)


@pytest.mark.parametrize(
    ("user", "status"),
    [("team", 200), ("psc_member", 403), ("owner", 401), ("stranger", 401), ("anonymous", 401)],
)
def test_who_fills_in_the_checklist(qserver_site, actors, user, status):
    organisation = organisation_in(qserver_site, "submitted")
    response = actors[user].post(
        organisation.absolute_url() + "/@review-checklist",
        json={"answers": {"contributions_verified": "Yes", "notes": "Checked."}},
    )
    assert response.status_code in ((401, 403) if status == 401 else (status,)), response.text
    answers = recorded(organisation, questionnaire.CHECKLIST)
    if status == 200:
        assert answers["notes"]["author"] == "team"
        assert response.json()["missing"] == [
            "Has the training material of every course type been checked?",
            "Has the local user group been consulted?",
        ]
    else:
        assert answers == {}


def test_checklist_refuses_an_unknown_choice(qserver_site, actors):
    organisation = organisation_in(qserver_site, "submitted")
    response = actors["team"].post(
        organisation.absolute_url() + "/@review-checklist",
        json={"answers": {"contributions_verified": "Maybe"}},
    )
    assert response.status_code == 400
    assert response.json()["error"]["errors"][0]["field"] == "contributions_verified"
    assert recorded(organisation, questionnaire.CHECKLIST) == {}


def test_answers_keep_the_language_they_were_asked_in(qserver_site, actors):
    organisation = organisation_in(qserver_site, "draft", answered=False)
    url = organisation.absolute_url() + "/@questionnaire"
    owner = actors["owner"]
    romanian = owner.get(url, headers={"Accept-Language": "ro"}).json()
    assert romanian["language"] == "ro"
    assert romanian["questions"][0]["title"] == "Cum predați QGIS?"
    assert romanian["questions"][0]["language"] == "ro"
    assert romanian["missing"][0] == "Cum predați QGIS?"
    response = owner.post(
        url, json={"answers": APPLICATION_ANSWERS}, headers={"Accept-Language": "ro"}
    )
    assert response.status_code == 200, response.text

    english = owner.get(url, headers={"Accept-Language": "en"}).json()
    teaching = english["answers"][0]
    assert english["questions"][0]["title"] == "How do you teach QGIS?"
    assert (teaching["question"], teaching["language"], teaching["asked_in"]) == (
        "Cum predați QGIS?",
        "ro",
        "Romanian",
    )
    assert teaching["answers"] is None  # only a choice's answer is kept in every language
    again = owner.get(url, headers={"Accept-Language": "ro"}).json()["answers"][0]
    assert again["asked_in"] is None


def test_checklist_choices_in_the_readers_language(qserver_site, actors):
    organisation = organisation_in(qserver_site, "submitted")
    url = organisation.absolute_url() + "/@review-checklist"
    team = actors["team"]
    response = team.post(
        url, json={"answers": {"material_checked": "No"}}, headers={"Accept-Language": "sv"}
    )
    assert response.status_code == 200, response.text
    body = team.get(url, headers={"Accept-Language": "ro"}).json()
    question = {q["id"]: q for q in body["questions"]}["user_group_consulted"]
    assert question["choices"][0] == {"value": "Yes", "title": "Da"}
    (checked,) = body["answers"]
    assert checked["value"] == "No"
    assert checked["answer"] == "Nu"
    assert checked["answers"] == {"en": "No", "ro": "Nu", "sv": "Nej"}
    assert (checked["language"], checked["asked_in"]) == ("sv", "suedeză")


def test_team_gives_questions_per_language_over_rest(qserver_site, actors):
    url = questionnaire.form_of(questionnaire.CHECKLIST).absolute_url() + "/@question-languages"
    body = actors["team"].get(url).json()
    assert body["languages"] == ["en", "ro", "sv"]
    consulted = {q["id"]: q for q in body["questions"]}["user_group_consulted"]
    assert consulted["texts"]["ro"]["title"] == "A fost consultat grupul local de utilizatori?"
    assert consulted["texts"]["sv"]["choices"]["Yes"] == "Ja"
    assert consulted["texts"]["en"]["choices"]["Yes"] == "Yes"

    response = actors["team"].patch(
        url,
        json={
            "questions": {
                "notes": {"sv": {"title": "Anteckningar till PSC:n"}},
                "material_checked": {"ro": {"choices": {"Yes": "Da, tot"}}},
            }
        },
    )
    assert response.status_code == 200, response.text
    texts = {q["id"]: q["texts"] for q in response.json()["questions"]}
    assert texts["notes"]["sv"]["title"] == "Anteckningar till PSC:n"
    assert texts["material_checked"]["ro"]["choices"]["Yes"] == "Da, tot"
    # what was not given keeps its value
    assert texts["material_checked"]["ro"]["choices"]["No"] == "Nu"
    assert texts["material_checked"]["ro"]["title"]
    assert texts["material_checked"]["ro"]["outdated"] is False


def test_rest_says_which_texts_to_check_after_the_english_changes(qserver_site, actors):
    url = questionnaire.form_of(questionnaire.CHECKLIST).absolute_url() + "/@question-languages"
    english = {"notes": {"en": {"title": "Notes for the steering committee"}}}
    assert actors["team"].patch(url, json={"questions": english}).status_code == 200
    texts = {q["id"]: q["texts"] for q in actors["team"].get(url).json()["questions"]}
    assert (texts["notes"]["ro"]["outdated"], texts["notes"]["sv"]["outdated"]) == (True, True)
    assert texts["material_checked"]["ro"]["outdated"] is False

    checked = {"notes": {"ro": {"still_fits": True}, "sv": {"still_fits": "yes"}}}
    response = actors["team"].patch(url, json={"questions": checked})
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["error"]["errors"]} == {"notes.sv.still_fits"}
    checked["notes"]["sv"] = {"title": "Anteckningar till styrgruppen"}
    response = actors["team"].patch(url, json={"questions": checked})
    assert response.status_code == 200, response.text
    texts = {q["id"]: q["texts"] for q in response.json()["questions"]}
    assert (texts["notes"]["ro"]["outdated"], texts["notes"]["sv"]["outdated"]) == (False, False)


def test_bad_question_texts_are_refused_over_rest(qserver_site, actors):
    url = questionnaire.form_of(questionnaire.APPLICATION).absolute_url() + "/@question-languages"
    response = actors["team"].patch(
        url,
        json={
            "questions": {
                "teaching": {"en": {"title": " "}, "de": {"title": "Wie?"}},
                "trainers": {"ro": {"title": "Câți\nformatori?"}},
                "colour": {"ro": {"title": "Culoare?"}},
            }
        },
    )
    assert response.status_code == 400, response.text
    errors = {e["field"]: e["message"] for e in response.json()["error"]["errors"]}
    assert set(errors) == {"teaching.en.title", "teaching.de", "trainers.ro.title", "colour"}
    assert "English" in errors["teaching.en.title"]
    assert errors["trainers.ro.title"] == "Write it on one line."
    assert errors["colour"] == "No such question."
    body = actors["team"].get(url).json()
    texts = {q["id"]: q["texts"] for q in body["questions"]}
    assert texts["teaching"]["en"]["title"] == "How do you teach QGIS?"

    for user in ("owner", "psc_member", "anonymous"):
        response = actors[user].patch(url, json={"questions": {}})
        assert response.status_code in (401, 403), user
    response = actors["team"].patch(url, json=["not", "an", "object"])
    assert response.status_code == 400
    assert "JSON object" in error_message(response)
