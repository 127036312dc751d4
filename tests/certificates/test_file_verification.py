"""A file checked against the files the programme handed out: original,
modified, replaced, revoked, unknown; what is not a PDF is refused."""

import io

import pytest
from builders import certified_course
from builders import create_programme
from builders import do
from builders import top_up
from file_helpers import blank_pdf
from file_helpers import rewritten
from plone import api

from qgis.certification.certificates import codes
from qgis.certification.certificates import documents
from qgis.certification.certificates import fingerprints
from qgis.certification.certificates import issuing
from qgis.certification.certificates import organisation_certificate
from qgis.certification.certificates.file_verification import MAX_BYTES
from qgis.certification.certificates.file_verification import FileRefused
from qgis.certification.certificates.file_verification import claimed_code
from qgis.certification.certificates.file_verification import read_limited
from qgis.certification.certificates.file_verification import verify_file


@pytest.fixture
def course(portal):
    create_programme(portal)
    organisation, course, people = certified_course(portal)
    top_up(organisation, 3)
    return organisation, course, people


@pytest.fixture
def certificate(course):
    _organisation, course, people = course
    with api.env.adopt_user(username="owner"):
        (certificate,), _balance = issuing.issue_certificates(
            course, [people[0].UID()], "completion", "owner"
        )
    return certificate


def test_an_original_file(certificate):
    data = documents.certificate_pdf(certificate)
    answer = verify_file(data)
    assert answer["result"] == "original"
    assert answer["fingerprint"] == fingerprints.fingerprint(data)
    assert answer["certificate"]["code"] == certificate.code
    assert answer["certificate"]["name"] == "Ioana Ștefănescu"
    assert answer["verify_url"].endswith(f"/verify/{certificate.code}")
    assert "email" not in answer["certificate"]


def test_a_modified_copy_names_the_certificate_it_claims_to_be(certificate):
    data = rewritten(documents.certificate_pdf(certificate))
    answer = verify_file(data)
    assert answer["result"] == "modified"
    assert answer["claimed_code"] == certificate.code
    assert answer["certificate"]["code"] == certificate.code


def test_a_file_never_handed_out_is_not_an_original(certificate):
    # rendered, as a forger with the code could, but never handed out
    data = documents.render_certificate(documents.certificate_data(certificate))
    assert fingerprints.recorded(certificate) == {}
    assert verify_file(data)["result"] == "modified"


def test_a_replaced_file_says_when(certificate):
    data = documents.certificate_pdf(certificate)
    with api.env.adopt_user(username="owner"):
        issuing.correct_certificate(certificate, "Ioana", "Pop")
    answer = verify_file(data)
    assert answer["result"] == "replaced"
    assert answer["replaced_on"] == certificate.issue_date.isoformat()
    assert answer["certificate"]["name"] == "Ioana Pop"
    assert verify_file(documents.certificate_pdf(certificate))["result"] == "original"


def test_a_revoked_certificates_files_say_so(certificate):
    data = documents.certificate_pdf(certificate)
    do(certificate, "owner", "revoke", comment="Wrong course.")
    answer = verify_file(data)
    assert answer["result"] == "revoked"
    assert answer["certificate"]["state"] == "revoked"
    assert verify_file(documents.certificate_pdf(certificate))["result"] == "revoked"


@pytest.mark.parametrize(
    "metadata",
    [{}, {"/Keywords": "QGIS-0000-0000-0"}, {"/Title": "QGIS certificate {new code}"}],
    ids=["no code", "not a code", "nobody's code"],
)
def test_a_file_naming_no_certificate_is_unknown(certificate, metadata):
    metadata = {
        name: text.replace("{new code}", codes.new_code()) for name, text in metadata.items()
    }
    data = rewritten(blank_pdf(), **metadata) if metadata else blank_pdf()
    answer = verify_file(data)
    assert answer["result"] == "unknown"
    assert answer["certificate"] is None
    assert answer["verify_url"] is None


def test_the_code_is_read_from_the_title_of_earlier_files(certificate):
    data = rewritten(blank_pdf(), **{"/Title": f"QGIS certificate {certificate.code.lower()}"})
    assert claimed_code(data) == certificate.code


def test_an_organisation_certificate_is_not_taken_for_an_attendees(course):
    organisation, _course, _people = course
    with api.env.adopt_roles(["Manager"]):
        organisation_certificate.issue_organisation_certificate(organisation, "team")
    data = organisation_certificate.organisation_certificate_pdf(organisation, "en")
    assert verify_file(data)["result"] == "unknown"


@pytest.mark.parametrize(
    "data",
    [
        b"first_name,last_name\nAna,Pop\n",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        b"%PDF-1.4\n this is not really a PDF",
    ],
    ids=["csv", "png", "broken pdf"],
)
def test_what_is_not_a_pdf_is_refused(certificate, data):
    with pytest.raises(FileRefused) as refused:
        verify_file(data)
    assert refused.value.status == 400
    assert "not a PDF" in refused.value.message


def test_an_empty_file_is_refused(certificate):
    with pytest.raises(FileRefused) as refused:
        verify_file(b"")
    assert refused.value.status == 400


def test_a_huge_file_is_refused_past_the_limit():
    stream = io.BytesIO(b"%PDF-1.4\n" + b"0" * MAX_BYTES)
    with pytest.raises(FileRefused) as refused:
        read_limited(stream)
    assert refused.value.status == 413
    assert stream.tell() == MAX_BYTES + 1


def test_checking_a_file_writes_nothing(certificate):
    data = rewritten(documents.certificate_pdf(certificate))
    recorded = fingerprints.recorded(certificate)
    verify_file(data)
    assert fingerprints.recorded(certificate) == recorded
