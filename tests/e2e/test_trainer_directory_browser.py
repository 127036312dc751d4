"""A visitor looks for a certified trainer in the public directory, in English,
in Romanian and on a phone: filters by country and language, sees the trainer's
name and organisation (never an e-mail address), opens the verification of
their certificate; axe-core finds no serious accessibility problem."""

import re

import pytest
import transaction
from axe_helpers import assert_accessible
from builders import bring_to
from builders import certified_course
from builders import create_application
from builders import nominate_trainer
from playwright.sync_api import expect
from plone import api

from qgis.certification.builders import trainers
from qgis.certification.builders import training


pytestmark = pytest.mark.server
# the link's hidden part names the trainer to screen readers
VERIFY_ANA = re.compile(r"^Verify the trainer certificate\s*: Ana Trainer$")


@pytest.fixture
def directory_world(server_site):
    """Ana Trainer (RO, teaches in Romanian and English) of Geo Academy and
    Sven Svensson (SE, Swedish) of Nordic School, both listed."""
    organisation, _course, _attendees = certified_course(server_site)
    ana = nominate_trainer(organisation, "approved", languages=("ro", "en"))
    nordic = bring_to(create_application(server_site, "Nordic School", country="SE"), "published")
    with api.env.adopt_roles(["Manager"]):
        convener = training.add_convener(nordic, "Sven Svensson", "stranger")
    with api.env.adopt_user(username="owner"):
        sven = trainers.nominate(nordic, convener, "SE", ["sv"], "Teaches.", listed_publicly=True)
    trainers.bring_to(sven, "approved", "owner", "team")
    transaction.commit()
    return {"code": ana.code}


def filter_by(page, country="", language=""):
    page.locator("#filter-country").select_option(country)
    page.locator("#filter-language").select_option(language)
    page.locator("#trainer-filters button[type=submit]").click()


def test_visitor_finds_a_trainer_and_verifies_the_certificate(
    directory_world, page, base_url, screenshot
):
    page.goto(f"{base_url}/en/@@trainers")
    names = page.locator(".trainer-results .trainer-name")
    expect(names).to_have_text(["Ana Trainer", "Sven Svensson"])
    assert_accessible(page)
    screenshot(page, "en-all")

    filter_by(page, country="RO")
    expect(names).to_have_text(["Ana Trainer"])
    card = page.locator(".trainer-results li")
    expect(card).to_contain_text("Geo Academy")
    expect(card).to_contain_text("Romania")
    expect(page.locator("#content")).not_to_contain_text("@example.org")
    screenshot(page, "en-romania")

    card.get_by_role("link", name=VERIFY_ANA).click()
    expect(page.locator("#verify-valid")).to_be_visible()
    expect(page.locator("#content")).to_contain_text(directory_world["code"])
    expect(page.locator("#verify-valid-until")).to_be_visible()
    screenshot(page, "en-verification")

    # in Romanian, filtered by teaching language
    page.goto(f"{base_url}/ro/@@trainers")
    expect(page.locator("h1")).to_have_text("Formatori QGIS certificați")
    filter_by(page, language="sv")
    expect(names).to_have_text(["Sven Svensson"])
    expect(page.locator(".trainer-results li")).to_contain_text("Nordic School")
    assert_accessible(page)
    screenshot(page, "ro-swedish")

    # on a phone
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/en/@@trainers?language=ro")
    expect(names).to_have_text(["Ana Trainer"])
    link = page.get_by_role("link", name=VERIFY_ANA)
    expect(link).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    screenshot(page, "phone")
