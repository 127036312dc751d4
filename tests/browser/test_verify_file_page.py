"""The verification page's file check without JavaScript: a plain file field
and its button, posted to the page; the answer in the visitor's language."""

from io import BytesIO

import pytest
import transaction
from builders import do
from builders import issued_certificate
from file_helpers import rewritten

from qgis.certification.certificates import documents
from qgis.certification.certificates import fingerprints


@pytest.fixture
def certificate(site):
    return issued_certificate(site)


def check_file(browser, site, data, name="certificate.pdf"):
    browser.open(site.absolute_url() + "/verify")
    upload = browser.getControl(name="file")
    upload.add_file(BytesIO(data), "application/pdf", name)
    browser.getControl("Check the file").click()
    return browser.contents


def test_an_original_file_shows_the_certificate(certificate, browser_for, site):
    data = documents.certificate_pdf(certificate)
    transaction.commit()
    browser = browser_for(None)
    page = check_file(browser, site, data)
    assert 'data-result="original"' in page
    assert "This is an original certificate issued by the QGIS Certification Programme." in page
    assert "Ioana Ștefănescu" in page
    assert certificate.code in page
    assert "@example.org" not in page


def test_a_modified_copy_links_the_original(certificate, browser_for, site):
    data = rewritten(documents.certificate_pdf(certificate))
    transaction.commit()
    browser = browser_for(None)
    page = check_file(browser, site, data)
    assert f"It claims to be the certificate {certificate.code}" in page
    browser.getLink("See the original certificate.").click()
    assert browser.url.endswith(f"/verify/{certificate.code}")
    assert "Valid certificate." in browser.contents


def test_a_file_that_is_no_pdf_is_explained(certificate, browser_for, site):
    transaction.commit()
    page = check_file(browser_for(None), site, b"name,email\n", "people.csv")
    assert "This file is not a PDF: choose the certificate's PDF file." in page
    assert "verify-file-result" not in page


def test_checking_a_file_writes_nothing(certificate, browser_for, site):
    data = documents.certificate_pdf(certificate)
    transaction.commit()
    recorded = fingerprints.recorded(certificate)
    check_file(browser_for("owner"), site, rewritten(data))
    transaction.begin()
    assert fingerprints.recorded(certificate) == recorded


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ro", "Acest fișier a fost emis de program, dar certificatul a fost revocat"),
        ("sv", "Filen utfärdades av programmet, men certifikatet har återkallats"),
    ],
)
def test_the_answer_speaks_the_visitors_language(
    certificate, browser_for, site, language, expected
):
    data = documents.certificate_pdf(certificate)
    do(certificate, "owner", "revoke", comment="Mistake.")
    transaction.commit()
    browser = browser_for(None)
    browser.addHeader("Cookie", f"I18N_LANGUAGE={language}")  # the language menu sets it
    browser.open(site.absolute_url() + "/verify")
    browser.getControl(name="file").add_file(BytesIO(data), "application/pdf", "c.pdf")
    browser.getControl(name="verify-file").click()
    assert expected in browser.contents
