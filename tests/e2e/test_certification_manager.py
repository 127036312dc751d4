"""A member of the certification team moves a submitted application on
through the workflow menu."""

import pytest
import transaction
from builders import bring_to
from builders import create_application
from playwright.sync_api import expect
from plone import api


pytestmark = pytest.mark.server


def test_team_sends_application_to_user_group(
    server_site, page, screenshot, log_in, use_workflow_menu
):
    with api.env.adopt_roles(["Manager"]):
        organisation = bring_to(
            create_application(server_site, title="Prut GIS Centre", country="RO"), "submitted"
        )
    transaction.commit()
    url = organisation.absolute_url()

    log_in("team")
    page.goto(url)
    menu = page.locator("#plone-contentmenu-workflow")
    expect(menu).to_contain_text("Initial review")
    screenshot(page, "submitted")

    use_workflow_menu("send_to_user_groups")
    expect(page.locator("h1")).to_have_text("Send to user groups")
    page.fill("#form-widgets-comment", "Complete; over to QGIS Romania.")
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator(".statusmessage-info")).to_contain_text("their reviewers have been told")
    expect(menu).to_contain_text("User group review")
    screenshot(page, "user-group-review")

    transaction.begin()
    assert api.content.get_state(organisation) == "user_group_review"


def test_a_refused_step_says_why_on_the_form(
    server_site, page, screenshot, log_in, use_workflow_menu
):
    with api.env.adopt_roles(["Manager"]):
        organisation = bring_to(
            create_application(server_site, title="Siret GIS Centre", country="RO"), "submitted"
        )
    transaction.commit()

    log_in("team")
    page.goto(organisation.absolute_url())
    use_workflow_menu("request_changes")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("a comment is required")).to_be_visible()
    screenshot(page, "refused")
    page.fill("#form-widgets-comment", "Please add the plugin's repository.")
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator(".statusmessage-info")).to_contain_text(
        "its owners have been mailed your comment"
    )

    transaction.begin()
    assert api.content.get_state(organisation) == "draft"
