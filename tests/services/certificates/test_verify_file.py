"""``POST /@verify-file`` over HTTP, for anyone: the files handed out by the
site are recognised, others and what is not a PDF are answered as such."""

import pytest
import transaction
from builders import PASSWORD
from builders import issued_certificate
from file_helpers import blank_pdf
from file_helpers import rewritten
from rest_helpers import error_message

from qgis.certification.certificates import fingerprints
from qgis.certification.certificates import issuing
from qgis.certification.certificates.file_verification import MAX_BYTES


pytestmark = pytest.mark.server


@pytest.fixture
def certificate(server_site):
    certificate = issued_certificate(server_site, title="Olt Map Academy")
    transaction.commit()
    return {"code": certificate.code, "url": certificate.absolute_url()}


@pytest.fixture
def owner(rest_session):
    return rest_session("owner", PASSWORD)


@pytest.fixture
def anonymous(rest_session):
    return rest_session()


def downloaded(session, url):
    response = session.get(url)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["Content-Type"] == "application/pdf"
    return response.content


def check(session, data, name="certificate.pdf"):
    return session.post("/@verify-file", files={"file": (name, data, "application/pdf")})


def answer(response):
    assert response.status_code == 200, response.text[:500]
    return response.json()


def recorded(certificate):
    transaction.begin()
    return fingerprints.recorded(issuing.find_certificate(certificate["code"]))


def test_a_downloaded_file_is_an_original(certificate, owner, anonymous):
    data = downloaded(owner, f"{certificate['url']}/@@certificate.pdf")
    assert recorded(certificate) == {fingerprints.fingerprint(data): None}
    body = answer(check(anonymous, data))
    assert body["result"] == "original"
    assert body["certificate"]["code"] == certificate["code"]
    assert body["certificate"]["organisation"] == "Olt Map Academy"
    assert body["verify_url"].endswith(f"/verify/{certificate['code']}")


def test_the_file_may_be_the_whole_body(certificate, anonymous):
    data = downloaded(anonymous, f"/verify/{certificate['code']}/certificate.pdf")
    response = anonymous.post(
        "/@verify-file", data=data, headers={"Content-Type": "application/pdf"}
    )
    assert answer(response)["result"] == "original"


def test_a_modified_copy_claims_its_certificate(certificate, owner, anonymous):
    data = rewritten(downloaded(owner, f"{certificate['url']}/@@certificate.pdf"))
    before = recorded(certificate)
    body = answer(check(anonymous, data))
    assert body["result"] == "modified"
    assert body["claimed_code"] == certificate["code"]
    assert body["certificate"]["name"] == "Ioana Ștefănescu"
    assert recorded(certificate) == before  # checking writes nothing


def test_a_file_replaced_by_a_correction(certificate, owner, anonymous):
    data = downloaded(owner, f"{certificate['url']}/@@certificate.pdf")
    response = owner.post(
        f"{certificate['url']}/@correct", json={"first_name": "Ioana", "last_name": "Pop"}
    )
    assert response.status_code == 200, response.text
    body = answer(check(anonymous, data))
    assert body["result"] == "replaced"
    assert body["replaced_on"]
    assert body["certificate"]["name"] == "Ioana Pop"
    current = downloaded(owner, f"{certificate['url']}/@@certificate.pdf")
    assert answer(check(anonymous, current))["result"] == "original"


def test_a_file_of_a_revoked_certificate(certificate, owner, anonymous):
    data = downloaded(owner, f"{certificate['url']}/@@certificate.pdf")
    response = owner.post(f"{certificate['url']}/@revoke", json={"comment": "Wrong course."})
    assert response.status_code == 200, response.text
    body = answer(check(anonymous, data))
    assert body["result"] == "revoked"
    assert body["certificate"]["valid"] is False


def test_a_pdf_naming_no_certificate_is_unknown(certificate, anonymous):
    body = answer(check(anonymous, blank_pdf()))
    assert body == {
        "result": "unknown",
        "claimed_code": None,
        "fingerprint": fingerprints.fingerprint(blank_pdf()),
        "certificate": None,
        "verify_url": None,
    }


@pytest.mark.parametrize(
    "data", [b"first_name,last_name\nAna,Pop\n", b"%PDF-1.7\nnothing more"], ids=["csv", "broken"]
)
def test_what_is_not_a_pdf_is_a_400(certificate, anonymous, data):
    response = check(anonymous, data, "people.csv")
    assert response.status_code == 400
    assert "not a PDF" in error_message(response)
    assert response.json()["error"]["field"] == "file"


@pytest.mark.parametrize(
    "files",
    [{"other": ("a.pdf", b"%PDF-1.4", "application/pdf")}, {"file": (None, "text")}],
    ids=["another field", "a text field"],
)
def test_a_form_without_the_file_is_a_400(anonymous, files):
    response = anonymous.post("/@verify-file", files=files)
    assert response.status_code == 400
    assert error_message(response) == "Choose the certificate's PDF file."
    assert response.json()["error"]["field"] == "file"


@pytest.mark.parametrize("how", ["multipart", "body"])
def test_a_huge_file_is_a_413(anonymous, how):
    data = b"%PDF-1.4\n" + b"0" * (MAX_BYTES + 1024)
    if how == "multipart":
        response = check(anonymous, data)
    else:
        response = anonymous.post(
            "/@verify-file", data=data, headers={"Content-Type": "application/pdf"}
        )
    assert response.status_code == 413
    assert "too large" in error_message(response)


def test_a_huge_file_sent_in_chunks_is_a_413(anonymous):
    # no Content-Length: the limit is met while reading
    chunks = (b"%PDF-1.4\n" if index == 0 else b"0" * 65536 for index in range(90))
    response = anonymous.post(
        "/@verify-file", data=chunks, headers={"Content-Type": "application/pdf"}
    )
    assert response.status_code == 413
