"""A visitor signs up through the browser: from the Romanian front page's
"Apply now" to the sign-up form, the link mailed to them (read from the test
mail host), their password, and the form that starts an application."""

import re

import pytest
import transaction
from mail_helpers import parsed
from playwright.sync_api import expect


pytestmark = pytest.mark.server

EMAIL = "mihai.ionescu@geo-cluj.example"
PASSWORD = "Cluj-GIS-2026-password"
LINK = re.compile(r"http\S+/passwordreset/\S+")


def mailed_link(portal):
    transaction.begin()
    (mail,) = [mail for mail in parsed(portal.MailHost.messages) if mail["To"] == EMAIL]
    return mail, LINK.search(mail.get_content()).group(0)


def test_a_visitor_signs_up_and_reaches_the_application_form(
    server, page, base_url, screenshot, form_ready
):
    page.goto(f"{base_url}/ro")
    screenshot(page, "front-page")
    page.locator("#apply-now").click()
    expect(page).to_have_url(f"{base_url}/ro/@@register")
    form_ready()

    page.fill("#form-widgets-username", "mihai")
    page.fill("#form-widgets-fullname", "Mihai Ionescu")
    page.fill("#form-widgets-email", EMAIL)
    expect(page.locator("#form-widgets-language")).to_have_value("ro")
    # the terms are required: a sign-up without them is refused, saying why
    page.locator("#form-buttons-register").click()
    expect(page.locator("#formfield-form-widgets-accept_terms")).to_contain_text(
        "acceptați condițiile programului"
    )
    screenshot(page, "terms-missing")
    page.check("#form-widgets-accept_terms-0")
    screenshot(page, "sign-up-form")
    page.locator("#form-buttons-register").click()
    expect(page.locator("h1")).to_have_text("Verificați-vă e-mailul")
    screenshot(page, "signed-up")

    mail, link = mailed_link(server["portal"])
    assert "parola" in mail["Subject"]
    page.goto(link)
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    page.fill("input[name=userid]", "mihai")
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    screenshot(page, "choose-password")
    page.locator(
        "form[name=pwreset_action] button[type=submit], "
        "form[name=pwreset_action] input[type=submit]"
    ).first.click()

    # logged in, on the form that starts an application, in Romanian
    expect(page).to_have_url(re.compile(r"/organisations/\+\+add\+\+CertifyingOrganisation$"))
    expect(page.locator("#personaltools-logout")).to_be_attached()
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    expect(page.locator("#global_statusmessage")).to_contain_text("Bun venit!")
    screenshot(page, "application-form")
