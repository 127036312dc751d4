"""The address printed on a certificate (text and QR code) and mailed with it
opens the verification page in the certificate's language."""

from io import BytesIO

import pytest
import transaction
import zxingcpp
from builders import top_up
from mail_helpers import parsed
from plone import api
from plone.cachepurging.utils import getPathsToPurge
from pypdf import PdfReader
from zope.component.hooks import getSite
from zope.globalrequest import getRequest

from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing


def issued(course, language):
    course.course_language = language
    with api.env.adopt_user(username="owner"):
        certificates, _ = issuing.issue_certificates(course, "all", "completion", "owner")
    return certificates[0]


def qr_text(data):
    found = []
    for page in PdfReader(BytesIO(data)).pages:
        for image in page.images:
            found += [code.text for code in zxingcpp.read_barcodes(image.image)]
    return found


@pytest.mark.parametrize(
    ("language", "folder"),
    [("sv", "/sv"), ("ro", "/ro"), ("en", "/en"), ("de", "")],
)
def test_printed_address_names_the_certificates_language(certified, language, folder):
    organisation, course, _ = certified
    top_up(organisation, 3)
    certificate = issued(course, language)
    expected = f"{getSite().absolute_url()}{folder}/verify/{certificate.code}"
    assert documents.certificate_data(certificate).verify_url == expected
    assert qr_text(documents.certificate_pdf(certificate)) == [expected]


def test_the_language_folders_page_speaks_its_language(certified, browser_for, site):
    organisation, course, _ = certified
    top_up(organisation, 3)
    certificate = issued(course, "sv")
    transaction.commit()
    browser = browser_for(None)
    browser.open(f"{site.absolute_url()}/sv/verify/{certificate.code}")
    assert browser.headers["status"].startswith("200")
    assert 'lang="sv"' in browser.contents
    assert certificate.printed_name in browser.contents
    assert "Valid certificate." not in browser.contents
    # the form to check another code stays in the language folder
    assert f'action="{site.absolute_url()}/sv/verify"' in browser.contents
    browser.open(f"{site.absolute_url()}/sv/verify/{certificate.code}/certificate.pdf")
    assert browser.headers["Content-Type"] == "application/pdf"


def test_the_mail_links_the_page_in_the_certificates_language(certified, site):
    organisation, course, _ = certified
    top_up(organisation, 3)
    certificate = issued(course, "ro")
    before = len(site.MailHost.messages)
    documents.mail_certificates([certificate])
    transaction.commit()
    (message,) = parsed(site.MailHost.messages[before:])
    body = message.get_body(("plain",)).get_content()
    assert f"{site.absolute_url()}/ro/verify/{certificate.code}" in body


def test_every_language_page_is_purged(certified):
    organisation, course, _ = certified
    top_up(organisation, 3)
    certificate = issued(course, "en")
    paths = set(getPathsToPurge(certificate, getRequest()))
    prefix = "/" + api.portal.get().virtual_url_path()
    for folder in ("", "/en", "/ro", "/sv"):
        assert f"{prefix}{folder}/verify/{certificate.code}" in paths
        assert f"{prefix}{folder}/verify/{certificate.code}/certificate.pdf" in paths
