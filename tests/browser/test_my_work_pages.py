"""The "my work" page (``@@my-work``), where people land after logging in,
and the team's table of every application (``@@applications``)."""

import re
from urllib.parse import quote

import pytest
from builders import PASSWORD
from builders import committed
from my_work_world import CHANGE_REQUEST
from my_work_world import build
from plone import api


@pytest.fixture
def world(site):
    return committed(build, site)


def section_ids(html):
    return re.findall(r'<section class="my-work-section[^"]*"\s+id="my-work-([\w-]+)"', html)


def test_anonymous_visitors_are_asked_to_log_in(site, browser_for):
    browser = browser_for()
    browser.open(f"{api.portal.get().absolute_url()}/@@my-work")

    assert "login" in browser.url
    assert "my-work-section" not in browser.contents


def test_the_owner_reads_their_work_with_the_change_request_and_dates(world, browser_for):
    browser = browser_for("owner")
    browser.open(f"{api.portal.get().absolute_url()}/@@my-work")

    assert section_ids(browser.contents) == [
        "my-organisations",
        "my-courses",
        "unpaid-invoices",
        "certificates-to-issue",
    ]
    assert CHANGE_REQUEST in browser.contents
    assert "Submit the application." in browser.contents
    assert "at least one course type" in browser.contents
    assert "Stranger Academy" not in browser.contents
    assert "Opposes" not in browser.contents
    assert "Recommends" not in browser.contents
    # dates as Plone writes them, never ISO
    deadline = world.invoice.due_date
    shown = api.portal.get_localized_time(datetime=deadline.isoformat())
    assert f">{shown}</time>" in browser.contents


def test_a_reviewer_sees_their_countrys_applications_and_the_psc_reads_romanian(world, browser_for):
    browser = browser_for("reviewer_se")
    browser.open(f"{api.portal.get().absolute_url()}/@@my-work")

    assert section_ids(browser.contents) == ["user-group-opinions"]
    assert "Swedish Review" in browser.contents
    assert "Romanian Review" not in browser.contents
    assert "/swedish-review/@@give-opinion" in browser.contents

    # the page speaks the viewer's language
    browser = browser_for("psc_member")
    browser.addHeader("Accept-Language", "ro")
    browser.open(f"{api.portal.get().absolute_url()}/@@my-work")

    assert "Munca mea" in browser.contents
    assert "Aprobați sau respingeți cererea." in browser.contents
    assert "Recomandă" in browser.contents


def test_the_team_works_from_the_table_of_applications_its_own(world, browser_for):
    browser = browser_for("team")
    browser.open(f"{api.portal.get().absolute_url()}/organisations")

    assert browser.url.endswith("/organisations/@@applications")
    rows = re.findall(r'<td><a href="[^"]+">([^<]+)</a></td>', browser.contents)
    assert "Draft Academy" in rows
    assert "Stranger Academy" in rows
    assert len(rows) == 8  # every organisation of the world, whatever its state

    # filtered by state and country
    url = f"{api.portal.get().absolute_url()}/organisations/@@applications"
    browser.open(f"{url}?state=user_group_review&country=SE")

    rows = re.findall(r'<td><a href="[^"]+">([^<]+)</a></td>', browser.contents)
    assert rows == ["Swedish Review"]
    assert "User group review" in browser.contents

    browser.open(f"{url}?state=nonsense&country=XX")
    assert "Choose a state from the list." in browser.contents
    assert "Choose a country from the list." in browser.contents
    assert browser.headers["status"].startswith("200")

    # the table is the team's only
    for user_id in ("owner", "reviewer_ro", "psc_member", None):
        browser = browser_for(user_id)
        browser.open(url)

        assert "Stranger Academy" not in browser.contents, user_id
    owner = browser_for("owner")
    owner.open(f"{api.portal.get().absolute_url()}/organisations")
    assert "@@applications" not in owner.url


def log_in(browser, user_id, came_from=None):
    portal_url = api.portal.get().absolute_url()
    login = f"{portal_url}/login"
    if came_from:
        login += f"?came_from={quote(came_from)}"
    browser.open(login)
    browser.getControl(name="__ac_name").value = user_id
    browser.getControl(name="__ac_password").value = PASSWORD
    browser.getControl(name="buttons.login").click()


def test_people_land_on_their_work_after_logging_in_and_find_it_in_their_menu(world, browser_for):
    portal_url = api.portal.get().absolute_url()
    for came_from in (None, "", portal_url, f"{portal_url}/en", f"{portal_url}/login"):
        browser = browser_for()
        log_in(browser, "team", came_from)

        assert browser.url.endswith("/@@my-work"), (came_from, browser.url)
        assert browser.url.startswith(portal_url)
        assert "Waiting for the initial review" in browser.contents

    # a link from a mail is followed
    browser = browser_for()
    log_in(browser, "owner", world.draft.absolute_url())
    assert browser.url == world.draft.absolute_url()

    # "My work" is in the personal menu
    browser = browser_for("convener")
    browser.open(api.portal.get().absolute_url())

    assert "/@@my-work" in browser.contents
    assert 'id="personaltools-my-work"' in browser.contents
