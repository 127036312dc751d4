"""Questions in each language: the shipped texts, the team's texts, the
questions as each page asks them, and answers kept in the language asked."""

import pytest
from builders import answer_questionnaire
from builders import create_application
from builders import with_questionnaires
from plone import api

from qgis.certification.application import question_texts
from qgis.certification.application import questionnaire


APPLICATION = questionnaire.APPLICATION
CHECKLIST = questionnaire.CHECKLIST


@pytest.fixture
def speak(programme):
    """``speak(language)``: the current request's language becomes ``language``."""

    def set_language(language):
        api.env.getRequest()["LANGUAGE"] = language

    yield set_language
    set_language("en")


def asked(kind, language):
    return {
        name: (field, asked_in)
        for name, field, asked_in in questionnaire.asked_questions(kind, language=language)
    }


def test_the_shipped_questions_come_in_romanian_and_swedish(programme):
    easyform = questionnaire.form_of(APPLICATION)
    assert question_texts.given(easyform, "teaching", "ro")["title"] == "Cum predați QGIS?"
    assert question_texts.given(easyform, "teaching", "sv")["title"] == "Hur undervisar ni i QGIS?"
    assert question_texts.given(easyform, "teaching", "sv")["description"]
    checklist = questionnaire.form_of(CHECKLIST)
    choices = question_texts.given(checklist, "user_group_consulted", "ro")["choices"]
    assert choices == {
        "Yes": "Da",
        "No": "Nu",
        "No user group covers the country": "Niciun grup de utilizatori nu acoperă țara",
    }
    assert question_texts.given(checklist, "user_group_consulted", "sv")["choices"]["Yes"] == "Ja"


def test_shipping_again_never_overwrites_the_team(programme):
    easyform = questionnaire.form_of(APPLICATION)
    question_texts.set_texts(easyform, "teaching", "ro", "Cum predați?", "")
    with_questionnaires(programme)
    assert question_texts.given(easyform, "teaching", "ro")["title"] == "Cum predați?"


def test_each_page_asks_in_its_language(programme):
    field, language = asked(APPLICATION, "ro")["teaching"]
    assert (field.title, language) == ("Cum predați QGIS?", "ro")
    assert field.description.startswith("În sală, online")
    field, language = asked(APPLICATION, "en")["teaching"]
    assert (field.title, language) == ("How do you teach QGIS?", "en")
    # the form's own field is left as it is
    assert str(dict(questionnaire.questions(APPLICATION))["teaching"].title) == (
        "How do you teach QGIS?"
    )
    field, _ = asked(CHECKLIST, "sv")["contributions_verified"]
    assert [term.title for term in field.vocabulary] == ["Ja", "Nej"]
    assert [term.value for term in field.vocabulary] == ["Yes", "No"]


def test_a_question_without_a_text_in_a_language_is_asked_in_english(programme):
    easyform = questionnaire.form_of(APPLICATION)
    question_texts.set_english(easyform, {"languages": ("Which languages do you teach in?", "")})
    question_texts.set_texts(easyform, "languages", "ro", "", "")
    field, language = asked(APPLICATION, "ro")["languages"]
    assert (field.title, language) == ("Which languages do you teach in?", "en")


def test_an_answer_keeps_the_question_and_language_it_was_asked_in(programme, speak):
    organisation = create_application(programme, answered=False)
    speak("ro")
    answer_questionnaire(organisation)
    speak("en")
    teaching = {e["id"]: e for e in questionnaire.answers(organisation, APPLICATION)}["teaching"]
    assert (teaching["question"], teaching["language"]) == ("Cum predați QGIS?", "ro")
    shown = questionnaire.shown(teaching, "en")
    assert shown["asked_in"] == "Romanian"
    assert questionnaire.shown(teaching, "ro")["asked_in"] is None
    # rewording the question later changes nothing recorded
    question_texts.set_texts(questionnaire.form_of(APPLICATION), "teaching", "ro", "Altceva?", "")
    teaching = {e["id"]: e for e in questionnaire.answers(organisation, APPLICATION)}["teaching"]
    assert teaching["question"] == "Cum predați QGIS?"


def test_a_choice_answer_reads_in_the_readers_language(programme, speak):
    organisation = create_application(programme, answered=False)
    speak("sv")
    nobody = "No user group covers the country"
    questionnaire.save_answers(organisation, CHECKLIST, {"user_group_consulted": nobody}, "team")
    (entry,) = questionnaire.answers(organisation, CHECKLIST)
    assert entry["language"] == "sv"
    assert entry["answer"] == "Ingen användargrupp täcker landet"
    ro = "Niciun grup de utilizatori nu acoperă țara"
    assert questionnaire.shown(entry, "ro")["answer"] == ro
    assert questionnaire.shown(entry, "en")["answer"] == nobody
    assert entry["value"] == nobody


def test_missing_questions_are_named_in_the_pages_language(programme, speak):
    organisation = create_application(programme, answered=False)
    speak("sv")
    assert questionnaire.missing(organisation, APPLICATION)[0] == "Hur undervisar ni i QGIS?"


def test_a_text_is_outdated_once_its_english_is_reworded(programme):
    easyform = questionnaire.form_of(APPLICATION)
    field = dict(questionnaire.questions(APPLICATION))["teaching"]
    # the shipped texts were written for the shipped English
    assert not question_texts.outdated(easyform, "teaching", field, "ro")
    question_texts.save_typed(
        easyform, {("teaching", "en"): ("How do you teach QGIS now?", "", {})}
    )
    field = dict(questionnaire.questions(APPLICATION))["teaching"]
    assert question_texts.outdated(easyform, "teaching", field, "ro")
    assert question_texts.outdated(easyform, "teaching", field, "sv")
    # typing the same Romanian again does not hide that it was not checked
    kept = question_texts.given(easyform, "teaching", "ro")
    typed = (kept["title"], kept["description"], kept["choices"])
    question_texts.save_typed(easyform, {("teaching", "ro"): typed})
    assert question_texts.outdated(easyform, "teaching", field, "ro")
    # the team checks it, or rewrites the Swedish
    question_texts.save_typed(easyform, {("teaching", "ro"): typed}, {("teaching", "ro")})
    question_texts.save_typed(easyform, {("teaching", "sv"): ("Hur undervisar ni nu?", "", {})})
    assert not question_texts.outdated(easyform, "teaching", field, "ro")
    assert not question_texts.outdated(easyform, "teaching", field, "sv")


def test_texts_kept_before_their_english_was_recorded_are_not_flagged(programme):
    easyform = questionnaire.form_of(APPLICATION)
    del question_texts.texts_of(easyform)["teaching"]["ro"]["english"]
    question_texts.save_typed(
        easyform, {("teaching", "en"): ("How do you teach QGIS now?", "", {})}
    )
    field = dict(questionnaire.questions(APPLICATION))["teaching"]
    assert not question_texts.outdated(easyform, "teaching", field, "ro")
    assert question_texts.outdated(easyform, "teaching", field, "sv")
