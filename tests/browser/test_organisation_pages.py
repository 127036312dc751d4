"""The organisation page and the review forms, as people use them in Classic UI."""

import lxml.html
import transaction
from builders import bring_to
from builders import certified_course
from builders import create_application
from builders import create_user_group
from form_helpers import field_error
from plone import api

from qgis.certification.application import review


def test_owner_sees_what_the_draft_lacks(site, browser_for):
    organisation = create_application(site, complete=False)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation.absolute_url())
    assert "Your application, step by step" in browser.contents
    assert "at least one course type" in browser.contents


def test_reviewer_records_an_opinion_with_the_form(site, browser_for):
    organisation = bring_to(create_application(site), "user_group_review")
    transaction.commit()
    browser = browser_for("reviewer_ro")
    browser.open(organisation.absolute_url())
    assert "Your user group" in browser.contents
    form = browser.getForm(action=organisation.absolute_url() + "/@@give-opinion")
    form.getControl(name="form.widgets.opinion").value = ["recommend"]
    form.getControl(name="form.widgets.comment").value = "They run the local meetups."
    form.getControl(name="form.buttons.record").click()
    transaction.begin()
    (opinion,) = review.opinions(organisation)
    assert (opinion["opinion"], opinion["author"]) == ("recommend", "reviewer_ro")
    assert "They run the local meetups." in browser.contents


def test_opinion_form_refuses_missing_comment(site, browser_for):
    organisation = bring_to(create_application(site), "user_group_review")
    transaction.commit()
    browser = browser_for("reviewer_ro")
    browser.open(organisation.absolute_url())
    form = browser.getForm(action=organisation.absolute_url() + "/@@give-opinion")
    form.getControl(name="form.widgets.opinion").value = ["oppose"]
    form.getControl(name="form.buttons.record").click()
    transaction.begin()
    assert review.opinions(organisation) == []
    assert field_error(browser.contents, "comment") == (
        "Explain the group's opinion: a comment is required."
    )
    assert field_error(browser.contents, "opinion") is None


def test_opinion_form_shows_each_missing_answer_next_to_its_field(site, browser_for):
    organisation = bring_to(create_application(site), "user_group_review")
    transaction.commit()
    browser = browser_for("reviewer_ro")
    browser.open(organisation.absolute_url())
    form = browser.getForm(action=organisation.absolute_url() + "/@@give-opinion")
    form.getControl(name="form.widgets.comment").value = "   "
    form.getControl(name="form.buttons.record").click()
    assert field_error(browser.contents, "opinion") == (
        "Choose whether your group recommends or opposes the application."
    )
    # the reviewer corrects the form where it is shown
    browser.getControl(name="form.widgets.opinion").value = ["oppose"]
    browser.getControl(name="form.buttons.record").click()
    assert field_error(browser.contents, "comment") == (
        "Explain the group's opinion: a comment is required."
    )
    browser.getControl(name="form.widgets.comment").value = "No local courses yet."
    browser.getControl(name="form.buttons.record").click()
    assert "The opinion is recorded." in browser.contents
    transaction.begin()
    (opinion,) = review.opinions(organisation)
    assert (opinion["opinion"], opinion["comment"]) == ("oppose", "No local courses yet.")


def test_reviewer_of_two_groups_says_which_one_speaks(site, browser_for):
    organisation = bring_to(create_application(site), "user_group_review")
    second = create_user_group(site, "ug-ro-north", ["RO"], ["reviewer_ro"])
    transaction.commit()
    browser = browser_for("reviewer_ro")
    browser.open(organisation.absolute_url())
    form = browser.getForm(action=organisation.absolute_url() + "/@@give-opinion")
    form.getControl(name="form.widgets.opinion").value = ["recommend"]
    form.getControl(name="form.widgets.comment").value = "Active in the north."
    form.getControl(name="form.buttons.record").click()
    assert field_error(browser.contents, "user_group") == (
        "Choose the user group you give the opinion for."
    )
    browser.getControl(name="form.widgets.user_group:list").value = [second.UID()]
    browser.getControl(name="form.buttons.record").click()
    transaction.begin()
    (opinion,) = review.opinions(organisation)
    assert opinion["user_group"] == second.UID()


def test_review_data_hidden_from_the_public_and_the_owner(site, browser_for):
    organisation = bring_to(create_application(site), "published")
    transaction.commit()
    for user in (None, "owner", "stranger"):
        browser = browser_for(user)
        browser.open(organisation.absolute_url())
        assert browser.headers["status"].startswith("200")
        assert "Contributions to QGIS" in browser.contents
        assert "A fine trainer." not in browser.contents
    browser = browser_for("psc_member")
    browser.open(organisation.absolute_url())
    assert "A fine trainer." in browser.contents


def test_transition_form_shows_the_refusal_and_changes_nothing(site, browser_for):
    organisation = bring_to(create_application(site), "submitted")
    transaction.commit()
    browser = browser_for("team")
    browser.open(organisation.absolute_url() + "/@@workflow-transition?transition=request_changes")
    browser.getControl(name="form.buttons.confirm").click()
    assert "comment is required" in browser.contents
    transaction.begin()
    assert api.content.get_state(organisation) == "submitted"
    browser.getControl(name="form.widgets.comment").value = "Please add the plugin's repository."
    browser.getControl(name="form.buttons.confirm").click()
    transaction.begin()
    assert api.content.get_state(organisation) == "draft"


def test_transition_form_refuses_a_step_the_user_may_not_take(site, browser_for):
    organisation = bring_to(create_application(site), "submitted")
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation.absolute_url() + "/@@workflow-transition?transition=send_to_psc")
    assert "not available to you" in browser.contents
    transaction.begin()
    assert api.content.get_state(organisation) == "submitted"


def test_training_centres_read_as_a_sentence(site, browser_for):
    organisation, _course, _attendees = certified_course(site)
    transaction.commit()
    browser = browser_for()
    browser.open(organisation.absolute_url())
    page = lxml.html.fromstring(browser.contents)
    (centre,) = page.cssselect("#training-centres li")
    assert " ".join(centre.text_content().split()) == "Cluj centre, Romania"

    organisation["cluj-centre"].address = "Str. Memorandumului 1, Cluj-Napoca"
    transaction.commit()
    browser.open(organisation.absolute_url() + "?again=1")
    (centre,) = lxml.html.fromstring(browser.contents).cssselect("#training-centres li")
    assert " ".join(centre.text_content().split()) == (
        "Cluj centre — Str. Memorandumului 1, Cluj-Napoca, Romania"
    )
