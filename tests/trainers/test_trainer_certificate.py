"""The trainer certificate: its PDF in the nomination's language, and
verification by its code (page, PDF and ``@verify``) like any certificate."""

import io
import json
from datetime import date

import pytest
import transaction
import zxingcpp
from builders import certified_course
from builders import do
from builders import nominate_trainer
from pypdf import PdfReader

from qgis.certification.certificates.wording import shipped
from qgis.certification.pdf.trainer_certificate import TrainerCertificateData
from qgis.certification.pdf.trainer_certificate import render_trainer_certificate
from qgis.certification.trainers.certificate import credential_facts
from qgis.certification.trainers.certificate import trainer_certificate_pdf


def read(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    return page, " ".join(page.extract_text().split())


def data(**changes):
    values = dict(
        trainer_name="Ioana Ștefănescu",
        organisation_title="Geo Academy",
        code="QGIS-7KX9-P2QM-4",
        verify_url="https://certification.qgis.org/verify/QGIS-7KX9-P2QM-4",
        valid_from=date(2026, 3, 2),
        valid_until=date(2028, 3, 2),
        representative_name="Programme Representative",
        representative_signature=None,
        wording=shipped(changes.pop("language", "en")),
    )
    values.update(changes)
    return TrainerCertificateData(**values)


def test_the_pdf_names_the_trainer_the_period_and_the_code():
    page, text = read(render_trainer_certificate(data()))
    assert "QGIS Certified Trainer" in text
    assert "Ioana Ștefănescu" in text
    assert "Geo Academy" in text
    assert "Valid from 2 March 2026 to 2 March 2028" in text
    assert "QGIS-7KX9-P2QM-4" in text
    codes = [code.bytes for image in page.images for code in zxingcpp.read_barcodes(image.image)]
    assert codes == [b"https://certification.qgis.org/verify/QGIS-7KX9-P2QM-4"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "2 March 2026"), ("ro", "2 martie 2026"), ("sv", "2 mars 2026")],
)
def test_the_pdf_is_in_the_chosen_language(language, expected):
    _page, text = read(render_trainer_certificate(data(language=language)))
    assert expected in text


@pytest.mark.parametrize(("state", "stamp"), [("revoked", "REVOKED"), ("lapsed", "LAPSED")])
def test_a_certificate_no_longer_valid_is_stamped(state, stamp):
    assert stamp not in read(render_trainer_certificate(data()))[1]
    assert stamp in read(render_trainer_certificate(data(state=state)))[1]


@pytest.fixture
def approved(site):
    organisation, _course, _attendees = certified_course(site)
    nomination = nominate_trainer(organisation, "approved", certificate_language="sv")
    transaction.commit()
    return nomination


def test_the_nominations_pdf_is_printed_in_its_language(approved):
    _page, text = read(trainer_certificate_pdf(approved))
    assert "Ana Trainer" in text
    assert approved.code in text


def test_anyone_verifies_a_trainer_certificate(approved, browser_for, site):
    browser = browser_for(None)
    browser.open(f"{site.absolute_url()}/verify/{approved.code}")
    assert "Valid certificate." in browser.contents
    assert "Ana Trainer" in browser.contents
    assert "QGIS Certified Trainer" in browser.contents
    assert approved.valid_until.isoformat() in browser.contents
    assert "@example.org" not in browser.contents
    browser.getLink("Download the certificate (PDF)").click()
    assert browser.headers["Content-Type"] == "application/pdf"


def verify_json(browser_for, site, code):
    browser = browser_for(None)
    browser.addHeader("Accept", "application/json")
    browser.open(f"{site.absolute_url()}/@verify/{code}")
    return json.loads(browser.contents)


def test_the_rest_verification_answers_the_trainer_certificate(approved, browser_for, site):
    answer = verify_json(browser_for, site, approved.code)
    assert answer["valid"] is True
    assert answer["state"] == "approved"
    assert answer["name"] == "Ana Trainer"
    assert answer["certificate_type"] == "certified-trainer"
    assert answer["organisation"] == "Geo Academy"
    assert answer["valid_until"] == approved.valid_until.isoformat()
    assert "@" not in json.dumps(answer)


def test_a_revoked_trainer_is_shown_as_such(approved, browser_for, site):
    do(approved, "team", "revoke", comment="No longer teaches here.")
    transaction.commit()
    assert verify_json(browser_for, site, approved.code)["valid"] is False
    browser = browser_for(None)
    browser.open(f"{site.absolute_url()}/verify/{approved.code}")
    assert "has been revoked" in browser.contents
    browser.open(f"{site.absolute_url()}/verify/{approved.code}/certificate.pdf")
    assert browser.headers["status"].startswith("404")


def test_what_a_credential_needs(approved):
    facts = credential_facts(approved)
    assert facts["achievement"] == "QGIS Certified Trainer"
    assert facts["name"] == "Ana Trainer"
    assert facts["valid_until"] == approved.valid_until.isoformat()
    assert facts["organisation"] == "Geo Academy"
