"""A visitor verifies a certificate from the front page: a real code shows the
holder and the course, a mistyped or unknown one says so."""

import pytest
import transaction
from builders import issued_certificate
from playwright.sync_api import expect

from qgis.certification.certificates import codes


pytestmark = pytest.mark.server


@pytest.fixture
def certificate(server_site):
    certificate = issued_certificate(server_site, title="Olt Map Academy")
    transaction.commit()
    # the page names what was taught: the course type
    return {
        "code": certificate.code,
        "course": certificate.course_type_title,
        "organisation": "Olt Map Academy",
    }


def open_verification(page, base_url):
    page.goto(f"{base_url}/en")
    page.locator("#content").get_by_role("link", name="Verify a certificate").click()
    expect(page.locator("h1")).to_have_text("Verify a QGIS certificate")


def test_visitor_verifies_a_certificate(certificate, page, base_url, screenshot):
    open_verification(page, base_url)
    page.fill("#code", certificate["code"].lower())
    screenshot(page, "form")
    page.get_by_role("button", name="Verify").click()
    expect(page.locator("#verify-valid")).to_contain_text("Valid certificate.")
    result = page.locator("dl")
    expect(result).to_contain_text("Ioana Ștefănescu")
    expect(result).to_contain_text(certificate["course"])
    expect(result).to_contain_text(certificate["organisation"])
    expect(result).to_contain_text(certificate["code"])
    expect(page.get_by_role("link", name="Download the certificate (PDF)")).to_be_visible()
    screenshot(page, "valid")


def test_wrong_codes_get_a_clear_message(certificate, page, base_url, screenshot):
    open_verification(page, base_url)
    code = certificate["code"]
    # one symbol changed: the check symbol gives the typing mistake away
    typo = code[:-3] + ("A" if code[-3] != "A" else "B") + code[-2:]
    page.fill("#code", typo)
    page.get_by_role("button", name="Verify").click()
    expect(page.locator("#verify-error")).to_have_text(
        "This is not a valid code: check it for typing mistakes."
    )
    expect(page.locator("#verify-valid")).to_have_count(0)
    screenshot(page, "mistyped")

    # well formed, but no certificate has it
    unknown = codes.new_code()
    assert unknown != code
    page.fill("#code", unknown)
    page.get_by_role("button", name="Verify").click()
    expect(page.locator("#verify-error")).to_have_text("No certificate has this code.")
    screenshot(page, "unknown")
