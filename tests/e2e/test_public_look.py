"""The public pages as visitors see them in English, Romanian and Swedish, on
a desktop and on a phone: the programme's logo, its footer in the page's
language, no Plone copyright, no serious or critical accessibility violation
(axe-core). Every page is kept as a screenshot (test-artifacts/screenshots/)
for a person to look at."""

import pytest
import transaction
from axe_helpers import assert_accessible
from builders import issued_certificate
from playwright.sync_api import expect
from viewports import DESKTOP
from viewports import PHONE

from qgis.certification.public.programme_pages import PAGES


APPLY = next(page for page in PAGES if page["id"]["en"] == "apply")


pytestmark = pytest.mark.server

# the footer's link to the verification page, in each language
VERIFY = {
    "en": "Verify a certificate",
    "ro": "Verificați un certificat",
    "sv": "Kontrollera ett certifikat",
}


@pytest.fixture
def public_world(server_site):
    certificate = issued_certificate(server_site, title="Olt Map Academy")
    transaction.commit()
    return {
        "organisation": certificate.aq_parent.aq_parent.absolute_url(),
        "code": certificate.code,
    }


def public_pages(base_url, language, world):
    return {
        "front": f"{base_url}/{language}",
        "certified": f"{base_url}/{language}/@@certified-organisations",
        "statistics": f"{base_url}/{language}/@@statistics",
        "apply": f"{base_url}/{language}/{APPLY['id'][language]}",
        "organisation": world["organisation"],
        "verification": f"{base_url}/verify/{world['code']}",
    }


@pytest.mark.parametrize("language", ["en", "ro", "sv"])
def test_public_pages_look_like_the_programme(public_world, page, base_url, screenshot, language):
    # the visitor's language, as the language switcher records it
    page.context.add_cookies([{"name": "I18N_LANGUAGE", "value": language, "url": base_url}])
    about = PAGES[0]["title"][language]
    for name, url in public_pages(base_url, language, public_world).items():
        page.set_viewport_size(DESKTOP)
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        logo = page.locator("#portal-logo img")
        expect(logo).to_have_attribute("src", f"{base_url}/@@site-logo/qgis-certification-logo.svg")
        expect(logo).to_be_visible()
        footer = page.locator("#qgis-footer")
        expect(footer.get_by_role("link", name=about)).to_be_visible()
        expect(footer.get_by_role("link", name=VERIFY[language])).to_be_visible()
        expect(page.locator("#portal-footer-wrapper")).not_to_contain_text("Plone")
        page.wait_for_load_state("load")
        assert_accessible(page)
        screenshot(page, f"{name}-desktop")
        page.set_viewport_size(PHONE)
        expect(logo).to_be_visible()
        screenshot(page, f"{name}-phone")
