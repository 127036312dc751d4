"""The certification team gives the questionnaire's questions in each language,
in English, Romanian and Swedish pages, on a desktop and on a phone: the page
reads in its language, passes axe-core, and flags a translation once its
English is reworded until the team confirms it."""

import pytest
import transaction
from axe_helpers import assert_accessible
from builders import with_questionnaires
from playwright.sync_api import expect
from viewports import DESKTOP
from viewports import PHONE

from qgis.certification.application import questionnaire


pytestmark = pytest.mark.server

HEADING = {
    "en": "Questions in each language",
    "ro": "Întrebările în fiecare limbă",
    "sv": "Frågorna på varje språk",
}
STILL_FITS = {
    "en": "It still fits the English",
    "ro": "Se potrivește în continuare cu textul englezesc",
    "sv": "Den stämmer fortfarande med den engelska texten",
}


@pytest.fixture
def form_url(server_site):
    with_questionnaires(server_site)
    transaction.commit()
    return questionnaire.form_of(questionnaire.APPLICATION).absolute_url() + "/@@question-languages"


@pytest.mark.parametrize("language", ["en", "ro", "sv"])
def test_the_team_keeps_questions_in_each_language(
    form_url, page, base_url, log_in, screenshot, language
):
    page.context.add_cookies([{"name": "I18N_LANGUAGE", "value": language, "url": base_url}])
    log_in("team")
    page.goto(form_url)
    expect(page.locator("h1")).to_have_text(HEADING[language])
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_text(STILL_FITS[language])).to_have_count(0)

    page.fill("#teaching\\.en\\.title", f"How do you teach QGIS ({language})?")
    page.locator("button[name='form.buttons.save']").click()
    expect(page.locator(".statusmessage-info")).to_be_visible()
    # both translations of the reworded question wait for the team's check
    expect(page.get_by_text(STILL_FITS[language])).to_have_count(2)
    assert_accessible(page)
    screenshot(page, "reworded-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "reworded-phone")
    page.set_viewport_size(DESKTOP)

    page.check("#teaching\\.ro\\.still_fits")
    page.check("#teaching\\.sv\\.still_fits")
    page.locator("button[name='form.buttons.save']").click()
    expect(page.locator(".statusmessage-info")).to_be_visible()
    expect(page.get_by_text(STILL_FITS[language])).to_have_count(0)
