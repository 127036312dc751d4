"""Open Badges in Classic UI and mail: the verification page's download and
LinkedIn links, its paste/upload form, and the certificate mail's links."""

import base64
import json
from io import BytesIO
from urllib.parse import parse_qs
from urllib.parse import urlencode
from urllib.parse import urlsplit

import lxml.html
import pytest
import transaction
from builders import do
from builders import issued_to_all
from form_helpers import field_error
from mail_helpers import parsed
from plone import api

from qgis.certification.certificates import documents
from qgis.certification.certificates.credentials import badges
from qgis.certification.certificates.credentials.awards import award_for


@pytest.fixture
def certificate(certified):
    return issued_to_all(certified)[0]


def link(contents, element_id):
    return lxml.html.fromstring(contents).get_element_by_id(element_id).get("href")


def test_the_verification_page_offers_the_badge_and_linkedin(certificate, browser_for):
    browser = browser_for()
    browser.open(documents.verify_url(certificate.code))
    assert "Download as Open Badge" in browser.contents
    download = link(browser.contents, "open-badge-download")
    assert download.endswith(f"/++api++/@credential/{certificate.code}?format=jwt&download=1")

    linkedin = urlsplit(link(browser.contents, "open-badge-linkedin"))
    assert (linkedin.netloc, linkedin.path) == ("www.linkedin.com", "/profile/add")
    query = {name: values[0] for name, values in parse_qs(linkedin.query).items()}
    assert query == {
        "startTask": "CERTIFICATION_NAME",
        "name": "QGIS for beginners: certificate of completion",
        "organizationName": "QGIS Certification Programme",
        "issueYear": str(certificate.issue_date.year),
        "issueMonth": str(certificate.issue_date.month),
        "certUrl": documents.verify_url(certificate.code),
        "certId": certificate.code,
    }


def test_the_download_is_the_signed_credential(certificate, browser_for):
    browser = browser_for()
    browser.open(documents.verify_url(certificate.code))
    browser.open(link(browser.contents, "open-badge-download"))
    assert browser.headers["Content-Type"].startswith("application/vc+jwt")
    token = browser.contents
    payload = (token.decode() if isinstance(token, bytes) else token).split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["id"].endswith(certificate.code)


def test_a_revoked_certificate_offers_no_badge(certificate, browser_for):
    do(certificate, "owner", "revoke", comment="Wrong person.")
    transaction.commit()
    browser = browser_for()
    browser.open(documents.verify_url(certificate.code))
    assert "revoked" in browser.contents
    assert "open-badge-download" not in browser.contents


def paste(browser, text):
    browser.open(api.portal.get().absolute_url() + "/verify")
    browser.getControl(name="form.widgets.credential").value = text
    browser.getControl(name="form.buttons.verify").click()


def test_a_pasted_credential_is_verified(certificate, browser_for):
    token = badges.signed_credential(award_for(certificate.code))
    browser = browser_for()
    paste(browser, token)
    assert "The credential is genuine and the certificate is valid." in browser.contents
    assert certificate.printed_name in browser.contents
    assert certificate.code in browser.contents


def test_an_uploaded_credential_is_verified(certificate, browser_for):
    token = badges.signed_credential(award_for(certificate.code))
    browser = browser_for()
    browser.open(api.portal.get().absolute_url() + "/verify")
    browser.getControl(name="form.widgets.upload").add_file(
        BytesIO(token.encode()), "application/vc+jwt", f"{certificate.code}.jwt"
    )
    browser.getControl(name="form.buttons.verify").click()
    assert "The credential is genuine and the certificate is valid." in browser.contents


def test_a_tampered_paste_is_not_trusted(certificate, browser_for):
    header, payload, signature = badges.signed_credential(award_for(certificate.code)).split(".")
    browser = browser_for()
    paste(browser, f"{header}.{payload[:-4]}AAAA.{signature}")
    assert "The credential cannot be trusted as it is." in browser.contents
    assert "changed after it was signed" in browser.contents


@pytest.mark.parametrize("text", ["hello", "{not json"])
def test_what_is_not_a_credential_is_said_next_to_the_field(certificate, browser_for, text):
    browser = browser_for()
    paste(browser, text)
    assert "not a signed credential" in field_error(browser.contents, "credential")


def test_nothing_given_is_said_next_to_the_field(site, browser_for):
    browser = browser_for()
    paste(browser, "")
    assert "Paste a credential" in field_error(browser.contents, "credential")


def test_the_certificate_mail_links_the_badge_and_linkedin(certificate, site):
    before = len(site.MailHost.messages)
    sent, _failed = documents.mail_certificates([certificate])
    transaction.commit()
    (message,) = parsed(site.MailHost.messages[before:])
    body = message.get_body(("plain",)).get_content()
    assert f"/++api++/@credential/{certificate.code}?format=jwt&download=1" in body
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in body
    assert f"certId={certificate.code}" in body
    # the course is taught in Romanian: so is the mail
    assert "Descărcați ca Open Badge" in body
    assert "Adăugați la profilul LinkedIn" in body
    assert "certificatul dumneavoastră QGIS oficial" in body
    assert body.rstrip().endswith("Programul de certificare QGIS")


def test_the_form_refuses_a_post_without_token(certificate, browser_for):
    token = badges.signed_credential(award_for(certificate.code))
    browser = browser_for()
    browser.post(
        api.portal.get().absolute_url() + "/@@verify-credential",
        urlencode({"form.widgets.credential": token, "form.buttons.verify": "Check"}),
    )
    assert browser.headers["status"].startswith("403")
    assert "genuine" not in str(browser.contents)
