"""An applicant applies through the browser: logs in, adds their organisation
with Plone's add form, adds a course type with its training material, answers
the application questionnaire and submits through the workflow menu."""

import re

import pytest
import transaction
from playwright.sync_api import expect
from plone import api


pytestmark = pytest.mark.server

ANSWERS = {
    "teaching": "Classroom courses of three days for up to twelve people.",
    "trainers": "3",
    "qgis_versions": "The current long-term release.",
    "material_updates": "We review every course with each new long-term release.",
    "future_contributions": "We translate QGIS into Romanian and run the local user group.",
}


def add_from_menu(page, type_id, form_ready):
    """Plone's toolbar: Add new… → the type."""
    page.wait_for_load_state("load")
    page.locator("#plone-contentmenu-factories > a").click()
    page.locator(f"#plone-contentmenu-factories #{type_id}").click()
    expect(page.locator("#form-buttons-save")).to_be_visible()
    form_ready()


def test_applicant_applies_and_submits(server_site, page, base_url, screenshot, log_in, form_ready):
    log_in("stranger")

    # the way in: the front page's Apply now, which opens the application's form
    page.goto(f"{base_url}/en")
    page.get_by_role("link", name="Apply now").click()
    expect(page).to_have_url(f"{base_url}/organisations/++add++CertifyingOrganisation")
    expect(page.locator("#form-buttons-save")).to_be_visible()
    form_ready()

    page.fill("#form-widgets-IBasic-title", "Danube GIS School")
    page.fill("#form-widgets-email", "office@danube-gis.example")
    page.select_option("#form-widgets-country", "RO")
    page.locator(".autotoc-nav a", has_text="Contributions").click()
    for kind in ("translation", "user_group"):
        page.check(f'#formfield-form-widgets-contribution_types input[value="{kind}"]')
    editor = page.frame_locator("#formfield-form-widgets-contributions iframe").locator("body")
    editor.click()
    page.keyboard.type("We translate QGIS into Romanian: https://example.org/ro")
    screenshot(page, "application-form")
    page.click("#form-buttons-save")
    expect(page.locator("h1")).to_have_text("Danube GIS School")
    organisation_url = re.sub(r"/(view)?(\?.*)?$", "", page.url)
    expect(page.locator("#plone-contentmenu-workflow")).to_contain_text("Draft")
    # the guided application: every step with what it lacks and a button to do it
    expect(page.locator("#step-course-types")).to_contain_text("at least one course type")
    screenshot(page, "application-saved")

    add_from_menu(page, "coursetype", form_ready)
    page.fill("#form-widgets-IBasic-title", "QGIS in three days")
    page.fill("#form-widgets-instruction_hours", "24")
    page.click("#form-buttons-save")
    # a new course type leads on to its training material
    expect(page).to_have_url(re.compile(r"/qgis-in-three-days/\+\+add\+\+File$"))
    form_ready()
    page.fill("#form-widgets-title", "Exercises")
    page.set_input_files(
        "#form-widgets-file-input",
        files=[{"name": "exercises.txt", "mimeType": "text/plain", "buffer": b"Exercise 1"}],
    )
    page.click("#form-buttons-save")
    expect(page.locator("h1")).to_have_text("Exercises")

    page.goto(organisation_url)
    page.locator("#step-questionnaire").get_by_role("link", name="Answer the questionnaire").click()
    expect(page).to_have_url(f"{organisation_url}/@@questionnaire")
    form_ready()
    for name, answer in ANSWERS.items():
        page.fill(f"#form-widgets-{name}", answer)
    screenshot(page, "questionnaire")
    page.click("#form-buttons-save")
    expect(page).to_have_url(re.compile(re.escape(organisation_url)))
    expect(page.locator("#questionnaire")).to_contain_text(ANSWERS["teaching"])

    # complete: the panel offers to submit, in the applicant's language too
    page.goto(f"{organisation_url}?set_language=ro")
    expect(page.locator("#application-steps")).to_contain_text("Cererea dumneavoastră, pas cu pas")
    screenshot(page, "guided-panel-ro")
    page.goto(f"{organisation_url}?set_language=en")
    panel = page.locator("#application-steps")
    expect(panel).to_contain_text("Everything is ready")
    screenshot(page, "guided-panel-en")
    panel.get_by_role("button", name="Submit the application").click()
    expect(page.locator("#plone-contentmenu-workflow")).to_contain_text("Initial review")
    expect(page.locator(".statusmessage-info")).to_contain_text(
        "The certification team has been told"
    )
    screenshot(page, "submitted")

    transaction.begin()  # read what the server's thread committed
    organisation = server_site["organisations"]["danube-gis-school"]
    assert api.content.get_state(organisation) == "submitted"
    assert organisation.contribution_types == ["translation", "user_group"]
    assert "stranger" in organisation.users_with_local_role("Owner")
