"""The settings control panel and the workflow menu, for the roles that use them."""

import pytest
import transaction
from builders import bring_to
from builders import create_application
from plone import api


def test_team_changes_the_review_period(site, browser_for):
    transaction.commit()
    browser = browser_for("team")
    browser.open(site.absolute_url() + "/@@qgis-certification-settings")
    browser.getControl(name="form.widgets.user_group_review_days").value = "45"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    record = "qgis.certification.interfaces.IReviewSettings.user_group_review_days"
    assert api.portal.get_registry_record(record) == 45


def test_review_period_must_be_positive(site, browser_for):
    transaction.commit()
    browser = browser_for("team")
    browser.open(site.absolute_url() + "/@@qgis-certification-settings")
    browser.getControl(name="form.widgets.user_group_review_days").value = "0"
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents or "error" in browser.contents
    transaction.begin()
    record = "qgis.certification.interfaces.IReviewSettings.user_group_review_days"
    assert api.portal.get_registry_record(record) == 30


@pytest.mark.parametrize("user", [None, "stranger", "owner", "psc_member"])
def test_others_may_not_open_the_settings(site, browser_for, user):
    transaction.commit()
    browser = browser_for(user)
    browser.handleErrors = True
    browser.open(site.absolute_url() + "/@@qgis-certification-settings")
    assert "form.widgets.user_group_review_days" not in browser.contents
    assert "/login?came_from=" in browser.url or "Insufficient Privileges" in browser.contents


@pytest.mark.parametrize(
    ("state", "user", "transitions", "withheld"),
    [
        # a user group covers Romania: it gives its opinion before the PSC decides
        ("submitted", "team", {"request_changes", "send_to_user_groups"}, {"send_to_psc"}),
        ("psc_decision", "psc_member", {"approve", "reject"}, set()),
        ("draft", "owner", {"submit"}, set()),
    ],
)
def test_workflow_menu_offers_the_steps(site, browser_for, state, user, transitions, withheld):
    organisation = bring_to(create_application(site), state)
    transaction.commit()
    browser = browser_for(user)
    browser.open(organisation.absolute_url())
    for transition in transitions:
        assert f"@@workflow-transition?transition={transition}" in browser.contents
    for transition in withheld:
        assert f"@@workflow-transition?transition={transition}" not in browser.contents
