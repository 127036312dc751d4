"""Every certificate PDF handed out is recognised by its fingerprint: the same
certificate renders the same bytes, a corrected one replaces its earlier files."""

from datetime import date

import pytest
from builders import create_programme
from builders import issued_certificate
from plone import api

from qgis.certification.certificates import documents
from qgis.certification.certificates import fingerprints
from qgis.certification.certificates import issuing


@pytest.fixture
def certificate(portal):
    create_programme(portal)
    return issued_certificate(portal)


def test_issuing_renders_nothing_and_records_nothing(certificate):
    assert fingerprints.recorded(certificate) == {}


def test_the_same_certificate_renders_the_same_bytes_recorded_once(certificate):
    first = documents.certificate_pdf(certificate)
    second = documents.certificate_pdf(certificate)
    assert first == second
    assert fingerprints.recorded(certificate) == {fingerprints.fingerprint(first): None}


def test_the_catalog_finds_the_certificate_of_a_fingerprint(certificate):
    digest = fingerprints.fingerprint(documents.certificate_pdf(certificate))
    assert fingerprints.find(digest) == (certificate, None)
    assert fingerprints.find("0" * 64) == (None, None)


def test_every_way_of_handing_out_records_the_file(certificate):
    documents.certificates_zip([certificate])
    assert len(fingerprints.recorded(certificate)) == 1


def test_a_correction_replaces_the_files_handed_out_before(certificate):
    before = fingerprints.fingerprint(documents.certificate_pdf(certificate))
    with api.env.adopt_user(username="owner"):
        issuing.correct_certificate(certificate, "Ioana", "Ștefănescu-Pop")
    after = fingerprints.fingerprint(documents.certificate_pdf(certificate))
    assert after != before
    today = date.today().isoformat()
    assert fingerprints.recorded(certificate) == {before: today, after: None}
    assert fingerprints.find(before) == (certificate, today)
    assert fingerprints.find(after) == (certificate, None)


def test_a_name_corrected_back_makes_its_file_current_again(certificate):
    first_name, last_name = certificate.first_name, certificate.last_name
    original = fingerprints.fingerprint(documents.certificate_pdf(certificate))
    with api.env.adopt_user(username="owner"):
        issuing.correct_certificate(certificate, "Ioana", "Pop")
        documents.certificate_pdf(certificate)
        issuing.correct_certificate(certificate, first_name, last_name)
    assert fingerprints.fingerprint(documents.certificate_pdf(certificate)) == original
    assert fingerprints.recorded(certificate)[original] is None


def test_an_earlier_replacement_keeps_its_day(certificate):
    before = fingerprints.fingerprint(documents.certificate_pdf(certificate))
    fingerprints.mark_replaced(certificate, date(2026, 3, 1))
    documents.certificate_pdf(certificate)  # the same bytes: current again
    fingerprints.mark_replaced(certificate, date(2026, 3, 9))
    assert fingerprints.recorded(certificate)[before] == "2026-03-09"
    certificate.first_name = "Other"
    documents.certificate_pdf(certificate)
    fingerprints.mark_replaced(certificate, date(2026, 4, 1))
    assert fingerprints.recorded(certificate)[before] == "2026-03-09"


def test_a_mailed_certificate_records_its_attachment(certificate):
    sent, failed = documents.mail_certificates([certificate])
    assert len(sent) == 1
    assert failed == []
    assert len(fingerprints.recorded(certificate)) == 1
