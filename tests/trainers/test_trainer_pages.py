"""The Classic UI of certified trainers: the nomination page, the review
through the transition form, and the trainer settings."""

import pytest
import transaction
from builders import certified_course
from builders import nominate_trainer
from plone import api


@pytest.fixture
def submitted(site):
    organisation, _course, _attendees = certified_course(site)
    nomination = nominate_trainer(organisation, "submitted")
    transaction.commit()
    return nomination


def test_the_team_reads_the_nomination_with_its_evidence(submitted, browser_for):
    browser = browser_for("team")
    browser.open(submitted.absolute_url())
    assert "Team review" in browser.contents
    assert "Teaches QGIS since 2018." in browser.contents
    assert 'id="trainer-evidence"' in browser.contents
    assert "QGIS for beginners, spring" in browser.contents
    assert "https://example.org/ana" in browser.contents


@pytest.mark.parametrize("user", [None, "stranger", "convener", "psc_member"])
def test_others_do_not_see_a_nomination(submitted, browser_for, user):
    browser = browser_for(user)
    browser.open(submitted.absolute_url())
    assert "Teaches QGIS since 2018." not in browser.contents


def test_the_team_asks_for_changes_with_a_comment_through_the_form(submitted, browser_for):
    browser = browser_for("team")
    url = f"{submitted.absolute_url()}/@@workflow-transition?transition=request_changes"
    browser.open(url)
    browser.getControl(name="form.buttons.confirm").click()
    assert "a comment is required" in browser.contents
    transaction.begin()
    assert api.content.get_state(submitted) == "submitted"
    browser.getControl(name="form.widgets.comment").value = "Add the course outlines."
    browser.getControl(name="form.buttons.confirm").click()
    transaction.begin()
    assert api.content.get_state(submitted) == "changes_requested"


def test_the_owner_may_not_approve(submitted, browser_for):
    browser = browser_for("owner")
    browser.open(f"{submitted.absolute_url()}/@@workflow-transition?transition=approve")
    assert "not available to you" in browser.contents
    transaction.begin()
    assert api.content.get_state(submitted) == "submitted"


def test_an_approved_nomination_links_its_certificate(submitted, browser_for):
    browser = browser_for("team")
    browser.open(f"{submitted.absolute_url()}/@@workflow-transition?transition=approve")
    browser.getControl(name="form.buttons.confirm").click()
    browser = browser_for("owner")
    browser.open(submitted.absolute_url())
    assert "trainer-certified" in browser.contents
    browser.getLink("Trainer certificate (PDF)").click()
    assert browser.headers["Content-Type"] == "application/pdf"


def test_the_team_sets_the_trainer_settings(site, browser_for):
    transaction.commit()
    browser = browser_for("team")
    browser.open(site.absolute_url() + "/@@qgis-trainer-settings")
    browser.getControl(name="form.widgets.validity_months").value = "36"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    record = "qgis.certification.interfaces.ITrainerSettings.validity_months"
    assert api.portal.get_registry_record(record) == 36


@pytest.mark.parametrize("user", [None, "owner"])
def test_others_may_not_open_the_trainer_settings(site, browser_for, user):
    transaction.commit()
    browser = browser_for(user)
    browser.open(site.absolute_url() + "/@@qgis-trainer-settings")
    assert "form.widgets.validity_months" not in browser.contents
