"""The guided application: the owner's step panel on a draft organisation, the
submit button, and the change request of a returned application."""

import lxml.html
import pytest
import transaction
from builders import bring_to
from builders import create_application
from builders import do
from plone import api


def page(browser):
    return lxml.html.fromstring(browser.contents)


def step_states(browser):
    """``{step id: "done"|"missing"}`` of the panel's steps."""
    states = {}
    for item in page(browser).find_class("application-step"):
        step = item.get("id").removeprefix("step-")
        states[step] = "done" if "step-done" in item.get("class") else "missing"
    return states


def test_new_draft_shows_every_step_to_do(site, browser_for):
    organisation = create_application(site, complete=False, answered=False)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation.absolute_url())
    assert step_states(browser) == {
        "details": "done",
        "contributions": "missing",
        "course-types": "missing",
        "questionnaire": "missing",
    }
    panel = page(browser).get_element_by_id("application-steps").text_content()
    assert "at least one course type" in panel
    assert "the evidence of the contributions" in panel
    assert "Complete the steps above" in panel
    assert not page(browser).find_class("submit-application")
    links = [a.get("href") for a in page(browser).find_class("step-action")]
    url = organisation.absolute_url()
    assert links == [
        f"{url}/edit",
        f"{url}/edit#fieldset-contributions",
        f"{url}/++add++CourseType",
        f"{url}/@@questionnaire",
    ]


def test_course_type_without_material_offers_to_add_it(site, browser_for):
    organisation = create_application(site)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(organisation["qgis-for-beginners"]["exercises"])
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation.absolute_url())
    assert step_states(browser)["course-types"] == "missing"
    adds = [a.get("href") for a in page(browser).find_class("add-material")]
    course_type = organisation["qgis-for-beginners"].absolute_url()
    assert adds == [f"{course_type}/++add++File", f"{course_type}/++add++Link"]


def test_complete_draft_is_submitted_with_the_button(site, browser_for):
    organisation = create_application(site)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation.absolute_url())
    assert set(step_states(browser).values()) == {"done"}
    form = browser.getForm(action=organisation.absolute_url() + "/@@workflow-transition")
    assert form.getControl(name="_authenticator").value
    form.getControl(name="form.buttons.confirm").click()
    transaction.begin()
    assert api.content.get_state(organisation) == "submitted"
    assert "The certification team has been told" in browser.contents
    # submitted: no more steps to do
    assert not page(browser).find_class("application-step")


def test_submit_without_token_changes_nothing(site, browser_for):
    organisation = create_application(site)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(
        organisation.absolute_url() + "/@@workflow-transition",
        data="transition=submit&form.buttons.confirm=Submit",
    )
    transaction.begin()
    assert api.content.get_state(organisation) == "draft"


@pytest.mark.parametrize("user", ["stranger", "team", "reviewer_ro"])
def test_others_see_no_step_panel(site, browser_for, user):
    organisation = create_application(site)
    transaction.commit()
    browser = browser_for(user)
    browser.open(organisation.absolute_url())
    assert "application-steps" not in browser.contents


def returned(site):
    organisation = bring_to(create_application(site), "submitted")
    do(organisation, "team", "request_changes", comment="Please add the trainers' CVs.")
    return organisation


def opened(browser_for, user, organisation):
    transaction.commit()
    browser = browser_for(user)
    browser.open(organisation.absolute_url())
    return browser


def test_returned_application_shows_the_change_request(site, browser_for):
    browser = opened(browser_for, "owner", returned(site))
    (box,) = page(browser).find_class("change-request")
    assert "The certification team asked for changes" in box.text_content()
    assert box.find_class("change-request-comment")[0].text_content() == (
        "Please add the trainers' CVs."
    )
    # the team member by full name, not their login
    assert "By Team" in " ".join(box.text_content().split())
    assert "application-steps" in browser.contents


def test_change_request_is_gone_once_resubmitted(site, browser_for):
    organisation = returned(site)
    do(organisation, "owner", "submit")
    browser = opened(browser_for, "owner", organisation)
    assert "change-request" not in browser.contents


def test_change_request_is_not_shown_to_strangers(site, browser_for):
    browser = opened(browser_for, "stranger", returned(site))
    assert "trainers' CVs" not in browser.contents
