"""Step 1003 -> 1004, questions in each language: a site of 1003 (forms with
no texts per language, answers without the language they were asked in, no
*Questions in each language* in the forms' menu) gets the shipped Romanian and
Swedish texts of the questions the team has not reworded, the language of each
recorded answer, a choice's answer in every language, and the menu item."""

from builders import answer_questionnaire
from builders import create_application
from builders import with_questionnaires
from plone import api
from zope.annotation.interfaces import IAnnotations

from qgis.certification.application import question_texts
from qgis.certification.application import questionnaire
from qgis.certification.upgrades import v1004


APPLICATION = questionnaire.APPLICATION
CHECKLIST = questionnaire.CHECKLIST


def as_in_1003(portal, organisation):
    for kind in questionnaire.KINDS:
        del IAnnotations(questionnaire.form_of(kind))[question_texts.KEY]
        for entry in IAnnotations(organisation)[questionnaire.ANSWERS_KEY + kind]:
            del entry["language"]
            del entry["answers"]
    api.portal.get_tool("portal_actions").object.manage_delObjects(["question-languages"])


def test_the_step_gives_texts_and_languages(programme):
    with_questionnaires(programme)
    organisation = create_application(programme, answered=False)
    answer_questionnaire(organisation)
    request = api.env.getRequest()
    request["LANGUAGE"] = "ro"
    answer_questionnaire(organisation, teaching="La clasă.")
    request["LANGUAGE"] = "en"
    questionnaire.save_answers(organisation, CHECKLIST, {"material_checked": "No"}, "team")
    # the team reworded a question in English: its old translations no longer fit
    question_texts.set_english(
        questionnaire.form_of(APPLICATION), {"languages": ("Your teaching languages?", "")}
    )
    as_in_1003(programme, organisation)
    assert "language" not in questionnaire.answers(organisation, APPLICATION)[0]

    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        "profile-qgis.certification:default", "actions", run_dependencies=False
    )
    v1004.ship_question_languages(setup)
    v1004.record_answer_languages(setup)

    easyform = questionnaire.form_of(APPLICATION)
    assert question_texts.given(easyform, "teaching", "sv")["title"] == "Hur undervisar ni i QGIS?"
    assert question_texts.given(easyform, "languages", "ro")["title"] == ""
    checklist = questionnaire.form_of(CHECKLIST)
    assert question_texts.given(checklist, "material_checked", "ro")["choices"]["No"] == "Nu"
    recorded = {e["id"]: e for e in questionnaire.answers(organisation, APPLICATION)}
    assert (recorded["teaching"]["question"], recorded["teaching"]["language"]) == (
        "Cum predați QGIS?",
        "ro",
    )
    assert recorded["trainers"]["language"] == "ro"
    (checked,) = questionnaire.answers(organisation, CHECKLIST)
    assert checked["language"] == "en"
    assert checked["answers"] == {"en": "No", "ro": "Nu", "sv": "Nej"}
    assert questionnaire.shown(checked, "sv")["answer"] == "Nej"
    assert "question-languages" in api.portal.get_tool("portal_actions").object.objectIds()
    # a second run changes nothing
    v1004.record_answer_languages(setup)
    assert questionnaire.answers(organisation, CHECKLIST) == [checked]
