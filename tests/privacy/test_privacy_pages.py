"""The Classic UI of data protection, as people use it: an attendee asks for a
link and asks for erasure through it, the team confirms, an account holder
sees their data and is told why their account cannot be deleted yet."""

import re
from urllib.parse import urlencode

import pytest
import transaction
from builders import certified_course
from builders import top_up
from mail_helpers import parsed
from plone import api

from qgis.certification.builders import certificates
from qgis.certification.privacy.register import audit_log


EMAIL = "k7q.holder@mailbox.example"
ATTENDEES = (("Zoltana", "Quennerby", EMAIL),)
LINK = re.compile(r"http\S+@@attendee-data\?token=\S+")


@pytest.fixture
def holder(site):
    with api.env.adopt_roles(["Manager"]):
        organisation, course, _people = certified_course(site, attendees=ATTENDEES)
        top_up(organisation, 2)
        (certificate,) = certificates.issue(course, "owner")
    transaction.commit()
    return certificate.code


def ask_link(browser, site, address=EMAIL):
    browser.open(f"{site.absolute_url()}/@@data-request")
    browser.getControl(name="form.widgets.email").value = address
    browser.getControl(name="form.buttons.send").click()
    return browser.contents


def mailed_link(site):
    transaction.begin()
    (mail,) = [m for m in parsed(site.MailHost.messages) if m["To"] == EMAIL]
    return LINK.search(mail.get_content()).group(0)


def test_the_verify_page_leads_to_the_data_request(site, browser_for):
    browser = browser_for()
    browser.open(f"{site.absolute_url()}/verify")
    assert "@@data-request" in browser.contents


def test_the_page_answers_the_same_for_any_address(site, holder, browser_for):
    browser = browser_for()
    known = ask_link(browser, site)
    unknown = ask_link(browser, site, "nobody@mailbox.example")
    for contents in (known, unknown):
        assert "If we hold data for this address, we sent a link to it." in contents
    assert mailed_link(site)


def test_a_bad_address_is_shown_next_to_the_field(site, browser_for):
    contents = ask_link(browser_for(), site, "no address")
    assert "Enter a valid e-mail address." in contents


def test_erasure_and_withdrawal_through_the_pages(site, holder, browser_for):
    attendee = browser_for()
    ask_link(attendee, site)
    attendee.open(mailed_link(site))
    assert "Quennerby" in attendee.contents
    assert EMAIL in attendee.contents
    attendee.getControl(name="form.widgets.withdraw_certificates:list").value = ["selected"]
    attendee.getControl(name="form.buttons.erase").click()
    assert "Your erasure request was recorded." in attendee.contents

    team = browser_for("team")
    team.open(f"{site.absolute_url()}/@@erasure-requests")
    assert "pending" in team.contents
    choice = team.getControl(name="form.widgets.request_id:list")
    choice.value = [choice.options[-1]]
    team.getControl(name="form.buttons.confirm").click()
    assert "Erased: 1 attendee records; 1 certificates withdrawn." in team.contents

    visitor = browser_for()
    visitor.open(f"{site.absolute_url()}/verify/{holder}")
    assert "withdrawn at the holder" in visitor.contents
    assert "Quennerby" not in visitor.contents


@pytest.mark.parametrize("user", [None, "owner", "convener"])
def test_only_the_team_opens_the_erasure_requests(site, browser_for, user):
    browser = browser_for(user)
    browser.open(f"{site.absolute_url()}/@@erasure-requests")
    assert "Erasure requests" not in browser.contents or "require_login" in browser.url


def test_an_invalid_link_says_so(site, browser_for):
    browser = browser_for()
    browser.open(f"{site.absolute_url()}/@@attendee-data?token=forged.token")
    assert "This link is not valid or has expired" in browser.contents


def test_an_owner_sees_their_data_and_why_the_account_stays(site, holder, browser_for):
    browser = browser_for("owner")
    browser.open(f"{site.absolute_url()}/@@my-data")
    assert "owner@example.org" in browser.contents
    assert "Geo Academy" in browser.contents
    browser.getControl(name="form.widgets.confirm:list").value = ["selected"]
    browser.getControl(name="form.buttons.delete").click()
    assert "hand its ownership" in browser.contents
    transaction.begin()
    assert api.user.get(userid="owner") is not None


def test_deleting_an_account_needs_the_box_ticked_and_the_token(site, browser_for):
    transaction.commit()
    browser = browser_for("stranger")
    browser.open(f"{site.absolute_url()}/@@my-data")
    browser.getControl(name="form.buttons.delete").click()
    assert "Tick the box to confirm." in browser.contents
    forged = browser_for("stranger")
    forged.post(
        f"{site.absolute_url()}/@@my-data",
        urlencode({"form.widgets.confirm:list": "selected", "form.buttons.delete": "Delete"}),
    )
    assert forged.headers["status"].startswith("403")
    transaction.begin()
    assert api.user.get(userid="stranger") is not None
    browser.getControl(name="form.widgets.confirm:list").value = ["selected"]
    browser.getControl(name="form.buttons.delete").click()
    transaction.begin()
    assert api.user.get(userid="stranger") is None


def test_the_forms_refuse_a_post_without_token(site, holder, browser_for):
    attendee = browser_for()
    ask_link(attendee, site)
    token = mailed_link(site).split("token=")[1]
    posts = [
        (None, "data-request", {"form.widgets.email": EMAIL, "form.buttons.send": "Send"}),
        (
            None,
            "attendee-data",
            {"form.widgets.token": token, "form.buttons.erase": "Ask for erasure"},
        ),
    ]
    for user, view, fields in posts:
        browser = browser_for(user)
        browser.post(f"{site.absolute_url()}/@@{view}", urlencode(fields))
        assert browser.headers["status"].startswith("403"), view
    transaction.begin()
    assert len([m for m in parsed(site.MailHost.messages) if m["To"] == EMAIL]) == 1
    assert [entry["kind"] for entry in audit_log()] == ["data-link"]


@pytest.mark.parametrize(("user", "allowed"), [("team", True), ("owner", False), (None, False)])
def test_the_privacy_settings_are_the_teams(site, browser_for, user, allowed):
    transaction.commit()
    browser = browser_for(user)
    browser.open(f"{site.absolute_url()}/@@qgis-certification-privacy-settings")
    shown = "Keep attendees without a certificate (months)" in browser.contents
    assert shown is allowed
