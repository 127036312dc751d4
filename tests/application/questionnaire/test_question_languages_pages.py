"""The team gives questions in each language through the web; applicants and
reviewers are asked in their page's language; answers keep the language."""

import re

import transaction
from builders import answer_questionnaire
from builders import bring_to
from builders import create_application

from qgis.certification.application import question_texts
from qgis.certification.application import questionnaire


APPLICATION = questionnaire.APPLICATION
CHECKLIST = questionnaire.CHECKLIST


def languages_page(qsite, browser_for, user="team", kind=APPLICATION):
    browser = browser_for(user)
    browser.open(questionnaire.form_of(kind).absolute_url() + "/@@question-languages")
    return browser


def speaking(browser, language):
    browser.addHeader("Accept-Language", language)
    return browser


def test_team_edits_a_question_per_language(qsite, browser_for):
    browser = languages_page(qsite, browser_for)
    assert browser.headers["status"].startswith("200")
    form = browser.getForm(id="question-languages")
    # the shipped texts are there to start from
    assert form.getControl(name="teaching.ro.title").value == "Cum predați QGIS?"
    assert form.getControl(name="teaching.sv.title").value == "Hur undervisar ni i QGIS?"
    form.getControl(name="teaching.en.title").value = "How do you teach QGIS today?"
    form.getControl(name="teaching.ro.title").value = "Cum predați QGIS astăzi?"
    form.getControl(name="teaching.sv.description").value = "I klassrum eller på nätet."
    form.getControl(name="form.buttons.save").click()
    assert "The questions are saved." in browser.contents
    transaction.begin()
    easyform = questionnaire.form_of(APPLICATION)
    assert question_texts.given(easyform, "teaching", "ro")["title"] == "Cum predați QGIS astăzi?"
    assert question_texts.given(easyform, "teaching", "sv")["description"] == (
        "I klassrum eller på nätet."
    )
    # English is the form's own field, as its fields editor shows it
    assert dict(questionnaire.questions(APPLICATION))["teaching"].title == (
        "How do you teach QGIS today?"
    )

    organisation = create_application(qsite, answered=False)
    transaction.commit()
    owner = speaking(browser_for("owner"), "sv")
    owner.open(organisation.absolute_url() + "/@@questionnaire")
    assert "Hur undervisar ni i QGIS?" in owner.contents
    assert "I klassrum eller på nätet." in owner.contents
    owner = speaking(browser_for("owner"), "ro")
    owner.open(organisation.absolute_url() + "/@@questionnaire")
    assert "Cum predați QGIS astăzi?" in owner.contents


def test_bad_texts_are_refused_next_to_their_field(qsite, browser_for):
    browser = languages_page(qsite, browser_for)
    form = browser.getForm(id="question-languages")
    form.getControl(name="teaching.en.title").value = ""
    form.getControl(name="trainers.sv.title").value = "x" * 301
    form.getControl(name="teaching.ro.title").value = "Schimbat?"
    form.getControl(name="form.buttons.save").click()
    assert browser.headers["status"].startswith("200")
    assert "Nothing was saved." in browser.contents
    assert "Give the question in English" in browser.contents
    assert "Write it in at most 300 characters." in browser.contents
    # what was typed stays in the form
    assert browser.getControl(name="teaching.ro.title").value == "Schimbat?"
    transaction.begin()
    easyform = questionnaire.form_of(APPLICATION)
    assert question_texts.given(easyform, "teaching", "ro")["title"] == "Cum predați QGIS?"
    assert str(dict(questionnaire.questions(APPLICATION))["teaching"].title) == (
        "How do you teach QGIS?"
    )


def test_only_those_who_edit_the_form_open_the_page(qsite, browser_for):
    for user in ("owner", "psc_member", None):
        browser = languages_page(qsite, browser_for, user)
        assert "question-languages" not in browser.contents or "login" in browser.url, user
        assert "form.buttons.save" not in browser.contents, user
    browser = browser_for("team")
    browser.open(questionnaire.form_of(APPLICATION).absolute_url())
    assert "@@question-languages" in browser.contents  # the form's menu links to it


def test_answer_asked_in_romanian_shows_so_on_an_english_page(qsite, browser_for):
    organisation = create_application(qsite, answered=False)
    transaction.commit()
    owner = speaking(browser_for("owner"), "ro")
    owner.open(organisation.absolute_url() + "/@@questionnaire")
    form = owner.getForm(id="form")
    for name, value in (
        ("teaching", "La clasă."),
        ("trainers", "3"),
        ("qgis_versions", "3.40"),
        ("material_updates", "La fiecare versiune."),
        ("future_contributions", "Traduceri."),
    ):
        form.getControl(name=f"form.widgets.{name}").value = value
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    teaching = {e["id"]: e for e in questionnaire.answers(organisation, APPLICATION)}["teaching"]
    assert (teaching["question"], teaching["language"]) == ("Cum predați QGIS?", "ro")

    english = browser_for("owner")
    english.open(organisation.absolute_url())
    # (a parsed page keeps ``lang`` alone: ``xml:lang`` means nothing in HTML)
    assert re.search(
        r'<span lang="ro"( xml:lang="ro")?>Cum predați QGIS\?</span>', english.contents
    )
    assert "Asked in Romanian" in english.contents
    assert "La clasă." in english.contents
    # on a Romanian page the question is the reader's language: no mark
    owner.open(organisation.absolute_url())
    assert "Cum predați QGIS?" in owner.contents
    assert "qgis-asked-in" not in owner.contents


def test_checklist_choices_read_in_the_reviewers_language(qsite, browser_for):
    organisation = create_application(qsite, answered=False)
    answer_questionnaire(organisation)
    bring_to(organisation, "submitted")
    transaction.commit()
    team = speaking(browser_for("team"), "sv")
    team.open(organisation.absolute_url() + "/@@review-checklist")
    assert "Ingen användargrupp täcker landet" in team.contents
    form = team.getForm(id="form")
    for name in ("contributions_verified", "material_checked", "user_group_consulted"):
        control = form.getControl(name=f"form.widgets.{name}:list")
        assert "Ja" in control.displayOptions
        control.value = ["Yes"]
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    recorded = {e["id"]: e for e in questionnaire.answers(organisation, CHECKLIST)}
    assert recorded["material_checked"]["value"] == "Yes"
    assert recorded["material_checked"]["answer"] == "Ja"

    romanian = speaking(browser_for("team"), "ro")
    romanian.open(organisation.absolute_url())
    section = romanian.contents.split('id="review-checklist"', 1)[1]
    assert '<div style="white-space: pre-line">Da</div>' in section


def test_texts_to_check_after_the_english_is_reworded(qsite, browser_for):
    browser = languages_page(qsite, browser_for)
    assert "It still fits the English" not in browser.contents
    form = browser.getForm(id="question-languages")
    form.getControl(name="teaching.en.title").value = "How do you teach QGIS today?"
    form.getControl(name="form.buttons.save").click()
    # both translations are flagged, the other questions are not
    assert browser.contents.count("It still fits the English") == 2
    assert browser.getControl(name="teaching.ro.still_fits")
    form = browser.getForm(id="question-languages")
    form.getControl(name="teaching.ro.still_fits").value = ["1"]
    form.getControl(name="teaching.sv.title").value = "Hur undervisar ni i QGIS i dag?"
    form.getControl(name="form.buttons.save").click()
    assert "The questions are saved." in browser.contents
    assert "It still fits the English" not in browser.contents

    speaking(browser, "ro").open(browser.url)
    assert "Se potrivește în continuare" not in browser.contents
    form = browser.getForm(id="question-languages")
    form.getControl(name="teaching.en.title").value = "How do you teach QGIS, today?"
    form.getControl(name="form.buttons.save").click()
    assert "Se potrivește în continuare cu textul englezesc" in browser.contents
