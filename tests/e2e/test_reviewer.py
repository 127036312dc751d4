"""A user group's reviewer gives the group's opinion from the organisation
page; what is missing is shown next to its field."""

import pytest
import transaction
from builders import bring_to
from builders import create_application
from playwright.sync_api import expect
from plone import api

from qgis.certification.application import review


pytestmark = pytest.mark.server


def test_reviewer_gives_the_group_opinion(server_site, page, screenshot, log_in):
    with api.env.adopt_roles(["Manager"]):
        organisation = bring_to(
            create_application(server_site, title="Olt GIS Centre", country="RO"),
            "user_group_review",
        )
    transaction.commit()

    log_in("reviewer_ro")
    page.goto(organisation.absolute_url())
    page.get_by_label("Recommend").check()
    page.get_by_role("button", name="Record the opinion").click()
    comment_box = page.locator("#formfield-form-widgets-comment")
    expect(comment_box.locator(".invalid-feedback")).to_be_visible()
    expect(comment_box).to_contain_text("a comment is required")
    screenshot(page, "comment-missing")

    page.fill("#form-widgets-comment", "They run the local meetups.")
    page.get_by_role("button", name="Record the opinion").click()
    expect(page.locator(".statusmessage-info")).to_contain_text("The opinion is recorded.")
    expect(page.locator("#review")).to_contain_text("They run the local meetups.")

    transaction.begin()
    (opinion,) = review.opinions(organisation)
    assert (opinion["opinion"], opinion["author"]) == ("recommend", "reviewer_ro")
