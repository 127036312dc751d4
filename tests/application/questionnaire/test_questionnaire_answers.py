"""The questionnaire's forms, the answers kept on the organisation, and the
completeness rule for ``submit``."""

import pytest
from builders import APPLICATION_ANSWERS
from builders import CHECKLIST_ANSWERS
from builders import answer_questionnaire
from builders import bring_to
from builders import create_application
from builders import do
from builders import with_questionnaires
from collective.easyform.api import get_schema
from collective.easyform.api import set_fields
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

from qgis.certification.application import questionnaire
from qgis.certification.application import review


APPLICATION = questionnaire.APPLICATION
CHECKLIST = questionnaire.CHECKLIST


def add_question(kind, name, title, required=True):
    """What the team does through the web: a new field in the form's model."""
    easyform = questionnaire.form_of(kind)
    easyform.fields_model = easyform.fields_model.replace(
        "</schema>",
        f'<field name="{name}" type="zope.schema.TextLine"><title>{title}</title>'
        f"<required>{required}</required></field></schema>",
    )


def reword(kind, name, title):
    easyform = questionnaire.form_of(kind)
    schema = get_schema(easyform)
    schema[name].title = title
    set_fields(easyform, schema)


# -- the forms ----------------------------------------------------------------


def test_forms_are_created_once_and_edits_are_kept(programme):
    folder = programme[questionnaire.FOLDER_ID]
    assert set(folder.objectIds()) == {APPLICATION, CHECKLIST}
    assert [name for name, _field in questionnaire.questions(APPLICATION)][:2] == [
        "teaching",
        "trainers",
    ]
    required = {name for name, field in questionnaire.questions(APPLICATION) if field.required}
    assert "languages" not in required
    assert "teaching" in required
    reword(APPLICATION, "teaching", "Where do you teach?")
    with_questionnaires(programme)
    assert set(folder.objectIds()) == {APPLICATION, CHECKLIST}
    assert dict(questionnaire.questions(APPLICATION))["teaching"].title == "Where do you teach?"


@pytest.mark.parametrize(
    ("user", "may_view", "may_edit"),
    [
        (None, False, False),
        ("stranger", False, False),
        ("owner", False, False),
        ("psc_member", False, False),
        ("team", True, True),
        ("site_manager", True, True),
    ],
)
def test_forms_are_kept_by_the_team(programme, user, may_view, may_edit):
    easyform = questionnaire.form_of(APPLICATION)
    if user is None:
        with api.env.adopt_roles(["Anonymous"]):
            view = api.user.has_permission("View", obj=easyform)
            edit = api.user.has_permission("Modify portal content", obj=easyform)
    else:
        view = api.user.has_permission("View", username=user, obj=easyform)
        edit = api.user.has_permission("Modify portal content", username=user, obj=easyform)
    assert (view, edit) == (may_view, may_edit)


# -- answers ------------------------------------------------------------------


def test_answers_are_stored_with_the_question_as_asked(programme):
    organisation = create_application(programme, answered=False)
    recorded = answer_questionnaire(organisation, languages="  ")
    by_id = {entry["id"]: entry for entry in recorded}
    assert [entry["id"] for entry in recorded] == list(APPLICATION_ANSWERS)
    assert by_id["teaching"]["question"] == "How do you teach QGIS?"
    assert by_id["teaching"]["answer"] == APPLICATION_ANSWERS["teaching"]
    assert (by_id["trainers"]["value"], by_id["trainers"]["answer"]) == (2, "2")
    assert by_id["trainers"]["author"] == "owner"
    assert questionnaire.form_values(organisation, APPLICATION)["trainers"] == 2


def test_rewording_a_question_keeps_past_answers(programme):
    organisation = create_application(programme, answered=False)
    answer_questionnaire(organisation)
    reword(APPLICATION, "teaching", "Describe your teaching methods")
    (teaching,) = [
        e for e in questionnaire.answers(organisation, APPLICATION) if e["id"] == "teaching"
    ]
    assert teaching["question"] == "How do you teach QGIS?"
    assert questionnaire.missing(organisation, APPLICATION) == []
    # a new answer to the reworded question records the new wording
    answer_questionnaire(organisation, teaching="Online only.")
    (teaching,) = [
        e for e in questionnaire.answers(organisation, APPLICATION) if e["id"] == "teaching"
    ]
    assert (teaching["question"], teaching["answer"]) == (
        "Describe your teaching methods",
        "Online only.",
    )


def test_an_unchanged_answer_keeps_its_author_and_date(programme):
    organisation = create_application(programme, answered=False)
    first = {e["id"]: e for e in answer_questionnaire(organisation, user_id="owner")}
    again = {e["id"]: e for e in answer_questionnaire(organisation, user_id="co_owner", trainers=5)}
    assert again["teaching"] == first["teaching"]
    assert (again["trainers"]["author"], again["trainers"]["value"]) == ("co_owner", 5)


def test_answers_to_removed_questions_are_kept(programme):
    organisation = create_application(programme, answered=False)
    answer_questionnaire(organisation)
    easyform = questionnaire.form_of(APPLICATION)
    schema = get_schema(easyform)
    del schema._InterfaceClass__attrs["qgis_versions"]
    set_fields(easyform, schema)
    assert "qgis_versions" not in dict(questionnaire.questions(APPLICATION))
    answer_questionnaire(organisation, trainers=4)
    ids = [entry["id"] for entry in questionnaire.answers(organisation, APPLICATION)]
    assert "qgis_versions" in ids


def test_checklist_answers_record_who_and_when(programme):
    organisation = create_application(programme, answered=False)
    answer_questionnaire(organisation)
    bring_to(organisation, "submitted")
    recorded = questionnaire.save_answers(organisation, CHECKLIST, CHECKLIST_ANSWERS, "team")
    assert {e["id"]: (e["answer"], e["author"]) for e in recorded} == {
        "contributions_verified": ("Yes", "team"),
        "material_checked": ("No", "team"),
        "user_group_consulted": ("Yes", "team"),
    }
    assert all(entry["date"][:4].isdigit() for entry in recorded)
    assert questionnaire.missing(organisation, CHECKLIST) == []


# -- completeness ---------------------------------------------------------------


def test_unanswered_questionnaire_blocks_submit(programme):
    organisation = create_application(programme, answered=False)
    missing = review.missing_for_submission(organisation)
    assert len(missing) == 1
    with pytest.raises(WorkflowException) as refusal:
        do(organisation, "owner", "submit")
    message = str(refusal.value)
    assert "application questionnaire" in message
    assert "How do you teach QGIS?" in message
    assert "In which languages" not in message  # optional
    assert api.content.get_state(organisation) == "draft"

    answer_questionnaire(organisation)
    assert review.missing_for_submission(organisation) == []
    do(organisation, "owner", "submit")
    assert api.content.get_state(organisation) == "submitted"


def test_a_new_required_question_makes_the_application_incomplete(programme):
    organisation = create_application(programme, answered=False)
    answer_questionnaire(organisation)
    assert questionnaire.missing(organisation, APPLICATION) == []
    add_question(APPLICATION, "contact", "Who is your QGIS contact person?")
    assert questionnaire.missing(organisation, APPLICATION) == ["Who is your QGIS contact person?"]
    with pytest.raises(WorkflowException, match="QGIS contact person"):
        do(organisation, "owner", "submit")
    answer_questionnaire(organisation, contact="Ana")
    do(organisation, "owner", "submit")
    assert api.content.get_state(organisation) == "submitted"


def test_a_new_optional_question_does_not(programme):
    organisation = create_application(programme, answered=False)
    answer_questionnaire(organisation)
    add_question(APPLICATION, "newsletter", "May we mention you in the newsletter?", False)
    do(organisation, "owner", "submit")
    assert api.content.get_state(organisation) == "submitted"


def test_the_checklist_does_not_gate_the_review(programme):
    organisation = create_application(programme, country="BR", answered=False)
    answer_questionnaire(organisation)
    bring_to(organisation, "submitted")
    assert questionnaire.missing(organisation, CHECKLIST)
    do(organisation, "team", "send_to_psc")
    assert api.content.get_state(organisation) == "psc_decision"


# -- who may read and answer ------------------------------------------------------

USERS = ("anonymous", "stranger", "owner", "reviewer_ro", "reviewer_se", "team", "psc_member")
# state -> users who may read the application answers / the checklist / answer the questionnaire
READ_ANSWERS = {
    "draft": {"owner", "team"},
    "user_group_review": {"owner", "reviewer_ro", "team", "psc_member"},
    # the reviewers' role ends with the review (application/reviewers.py)
    "published": {"owner", "team", "psc_member"},
}
READ_CHECKLIST = {
    "draft": {"team"},
    "user_group_review": {"reviewer_ro", "team", "psc_member"},
    "published": {"team", "psc_member"},
}
ANSWER_QUESTIONNAIRE = {"draft": {"owner"}, "user_group_review": set(), "published": set()}
FILL_IN_CHECKLIST = {
    "draft": set(),
    "user_group_review": {"reviewer_ro", "team"},
    "published": set(),
}


def as_user(user, check, *args):
    if user == "anonymous":
        with api.env.adopt_roles(["Anonymous"]):
            return check(*args)
    with api.env.adopt_user(username=user):
        return check(*args)


@pytest.mark.parametrize("state", sorted(READ_ANSWERS))
def test_permission_table(programme, state):
    organisation = create_application(programme, answered=False)
    answer_questionnaire(organisation)
    bring_to(organisation, state)
    table = {
        user: (
            as_user(user, questionnaire.may_read, organisation, APPLICATION),
            as_user(user, questionnaire.may_read, organisation, CHECKLIST),
            as_user(user, questionnaire.may_answer, organisation, APPLICATION),
            as_user(user, questionnaire.may_answer, organisation, CHECKLIST),
        )
        for user in USERS
    }
    expected = {
        user: (
            user in READ_ANSWERS[state],
            user in READ_CHECKLIST[state],
            user in ANSWER_QUESTIONNAIRE[state],
            user in FILL_IN_CHECKLIST[state],
        )
        for user in USERS
    }
    assert table == expected
