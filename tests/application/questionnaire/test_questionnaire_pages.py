"""The questionnaire and checklist pages, and the answers on the organisation
page, as people use them in Classic UI."""

import re

import pytest
import transaction
from builders import answer_questionnaire
from builders import bring_to
from builders import create_application
from plone import api

from qgis.certification.application import questionnaire


APPLICATION = questionnaire.APPLICATION
CHECKLIST = questionnaire.CHECKLIST


def field_block(contents, name):
    """The HTML of one field of the form: its label, widget and error."""
    match = re.search(
        rf'<div[^>]*id="formfield-form-widgets-{name}".*?'
        r'(?=<div[^>]*id="formfield-|<div class="formControls)',
        contents,
        re.S,
    )
    assert match, name
    return match.group(0)


def refused(browser):
    """Plone refused the page: an error status, or the login or
    insufficient-privileges page it sends people to."""
    return not browser.headers["status"].startswith("200") or any(
        page in browser.url for page in ("login", "insufficient-privileges")
    )


def fill_in(form, **values):
    for name, value in values.items():
        form.getControl(name=f"form.widgets.{name}").value = value


VALID = {
    "teaching": "Classroom courses.",
    "trainers": "3",
    "qgis_versions": "3.40 LTR",
    "material_updates": "Every release.",
    "future_contributions": "Translations.",
}


def test_applicant_answers_from_the_draft(qsite, browser_for):
    organisation = create_application(qsite, answered=False)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation.absolute_url())
    assert "Answer the questionnaire" in browser.contents
    browser.getLink("Answer the questionnaire").click()
    assert browser.url == organisation.absolute_url() + "/@@questionnaire"
    assert "How do you teach QGIS?" in browser.contents
    assert "required" in field_block(browser.contents, "teaching")
    assert "required" not in field_block(browser.contents, "languages")

    form = browser.getForm(id="form")
    fill_in(form, **dict(VALID, trainers="many", teaching=""))
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert questionnaire.answers(organisation, APPLICATION) == []
    assert "There were some errors" in browser.contents
    assert "Required input is missing" in field_block(browser.contents, "teaching")
    # in plain words, not "not a valid integer literal"
    assert "Enter a whole number, such as 16." in field_block(browser.contents, "trainers")
    assert "invalid" not in field_block(browser.contents, "qgis_versions").lower()
    # what was typed is kept in the form
    assert "3.40 LTR" in field_block(browser.contents, "qgis_versions")

    form = browser.getForm(id="form")
    fill_in(form, teaching="Classroom courses.", trainers="3")
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    recorded = {e["id"]: e for e in questionnaire.answers(organisation, APPLICATION)}
    assert recorded["trainers"]["value"] == 3
    assert recorded["teaching"]["question"] == "How do you teach QGIS?"
    assert browser.url.startswith(organisation.absolute_url())
    assert "The answers are saved." in browser.contents
    assert "Classroom courses." in browser.contents

    # the form shows the recorded answers again
    browser.open(organisation.absolute_url() + "/@@questionnaire")
    assert browser.getControl(name="form.widgets.trainers").value == "3"


def test_the_form_refuses_a_post_without_its_token(qsite, browser_for):
    organisation = create_application(qsite, answered=False)
    transaction.commit()
    browser = browser_for("owner")
    browser.post(
        organisation.absolute_url() + "/@@questionnaire",
        "&".join(
            [f"form.widgets.{name}={value.replace(' ', '+')}" for name, value in VALID.items()]
            + ["form.buttons.save=Save"]
        ),
    )
    transaction.begin()
    assert browser.headers["status"].startswith("403")
    assert questionnaire.answers(organisation, APPLICATION) == []


@pytest.mark.parametrize(
    ("user", "outcome"),
    [(None, "refused"), ("stranger", "refused"), ("team", "refused"), ("owner", "form")],
)
def test_who_opens_the_questionnaire_of_a_draft(qsite, browser_for, user, outcome):
    organisation = create_application(qsite, answered=False)
    transaction.commit()
    browser = browser_for(user)
    browser.open(organisation.absolute_url() + "/@@questionnaire")
    if outcome == "form":
        assert browser.headers["status"].startswith("200")
        assert "form.buttons.save" in browser.contents
    else:
        assert "form.buttons.save" not in browser.contents
        assert refused(browser)


def test_answers_are_frozen_once_submitted(qsite, browser_for):
    organisation = create_application(qsite, answered=False)
    answer_questionnaire(organisation)
    bring_to(organisation, "submitted")
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation.absolute_url())
    assert "How do you teach QGIS?" in browser.contents
    assert "Answer the questionnaire" not in browser.contents
    browser.open(organisation.absolute_url() + "/@@questionnaire")
    assert "form.buttons.save" not in browser.contents


# who sees the answers of a certified organisation on its page (the reviewers'
# role ends with the review: application/reviewers.py)
@pytest.mark.parametrize(
    ("user", "sees_answers", "sees_checklist"),
    [
        (None, False, False),
        ("stranger", False, False),
        ("reviewer_se", False, False),
        ("owner", True, False),
        ("reviewer_ro", False, False),
        ("team", True, True),
        ("psc_member", True, True),
    ],
)
def test_answers_on_the_organisation_page(qsite, browser_for, user, sees_answers, sees_checklist):
    organisation = create_application(qsite, answered=False)
    answer_questionnaire(organisation, teaching="Secret teaching plan.")
    bring_to(organisation, "psc_decision")
    questionnaire.save_answers(
        organisation, CHECKLIST, {"notes": "A note for the PSC only."}, "team"
    )
    with api.env.adopt_user(username="psc_member"):
        api.portal.get_tool("portal_workflow").doActionFor(organisation, "approve", comment="ok")
    transaction.commit()
    browser = browser_for(user)
    browser.open(organisation.absolute_url())
    assert browser.headers["status"].startswith("200")
    assert ("Secret teaching plan." in browser.contents) is sees_answers
    assert ("A note for the PSC only." in browser.contents) is sees_checklist
    browser.open(organisation.absolute_url() + "/@@questionnaire-answers")
    fragment = browser.contents
    fragment = fragment.decode() if isinstance(fragment, bytes) else fragment
    assert ("Secret teaching plan." in fragment) is sees_answers


def test_team_fills_in_the_checklist(qsite, browser_for):
    organisation = create_application(qsite, answered=False)
    answer_questionnaire(organisation)
    bring_to(organisation, "submitted")
    transaction.commit()
    browser = browser_for("team")
    browser.open(organisation.absolute_url())
    browser.getLink("Fill in the checklist").click()
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.contributions_verified:list").value = ["Yes"]
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert questionnaire.answers(organisation, CHECKLIST) == []
    assert "Required input is missing" in field_block(browser.contents, "material_checked")

    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.material_checked:list").value = ["Yes"]
    form.getControl(name="form.widgets.user_group_consulted:list").value = ["Yes"]
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    recorded = {e["id"]: e for e in questionnaire.answers(organisation, CHECKLIST)}
    assert recorded["material_checked"]["author"] == "team"
    assert recorded["contributions_verified"]["answer"] == "Yes"
    assert "answered by" in browser.contents
    # the applicant neither sees nor fills in the checklist
    owner = browser_for("owner")
    owner.open(organisation.absolute_url() + "/@@review-checklist")
    assert "form.buttons.save" not in owner.contents
