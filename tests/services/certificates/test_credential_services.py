"""The Open Badges services over HTTP: a credential by code (JSON and signed),
the issuer profile, the revocation list, the verification of a credential
and the rotation of the signing key, for every kind of caller."""

import base64
import gzip
import json

import pytest
import transaction
from builders import certified_course
from builders import top_up
from plone import api
from rest_helpers import error_message

from qgis.certification.certificates import issuing
from qgis.certification.certificates import organisation_certificate


pytestmark = pytest.mark.server


@pytest.fixture
def issued(server_site):
    """Codes of two attendee certificates and the organisation's certificate."""
    with api.env.adopt_roles(["Manager"]):
        organisation, course, people = certified_course(server_site)
        top_up(organisation, 2)
    with api.env.adopt_user(username="owner"):
        selected = [person.UID() for person in people[:2]]
        certificates, _balance = issuing.issue_certificates(course, selected, "completion", "owner")
    record = organisation_certificate.issue_organisation_certificate(organisation, "team")
    codes = {
        "attendee": certificates[0].code,
        "other": certificates[1].code,
        "organisation": record["code"],
    }
    transaction.commit()
    return codes, certificates[0]


@pytest.fixture
def anonymous(rest_session):
    return rest_session()


def test_a_credential_as_json(issued, anonymous):
    codes, _certificate = issued
    response = anonymous.get(f"@credential/{codes['attendee']}")
    assert response.status_code == 200, response.text
    credential = response.json()
    assert "OpenBadgeCredential" in credential["type"]
    assert credential["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert "@example.org" not in response.text


@pytest.mark.parametrize("ask", ["query", "accept"])
def test_a_credential_signed(issued, anonymous, ask):
    codes, _certificate = issued
    if ask == "query":
        response = anonymous.get(f"@credential/{codes['organisation']}?format=jwt")
    else:
        response = anonymous.get(
            f"@credential/{codes['organisation']}", headers={"Accept": "application/vc+jwt"}
        )
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/vc+jwt")
    assert response.text.count(".") == 2


def test_the_download_is_a_file(issued, anonymous):
    codes, _certificate = issued
    response = anonymous.get(
        f"{anonymous.base_url}/++api++/@credential/{codes['attendee']}?format=jwt&download=1",
        headers={"Accept": "*/*"},
    )
    assert response.status_code == 200, response.text
    assert f'filename="{codes["attendee"]}.jwt"' in response.headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("@credential/QGIS-0000-0000-1", 400),
        ("@credential/not-a-code", 400),
        ("@credential", 400),
        ("@credential-status/0", 404),
        ("@credential-status/99", 404),
        ("@credential-status/one", 404),
    ],
)
def test_bad_requests_answer_json_errors(server_site, anonymous, path, status):
    response = anonymous.get(path)
    assert response.status_code == status
    assert error_message(response)


def test_an_unknown_code_is_not_found(server_site, anonymous):
    from qgis.certification.certificates import codes

    response = anonymous.get(f"@credential/{codes.new_code()}")
    assert response.status_code == 404
    assert "No certificate has the code" in error_message(response)


def test_the_issuer_profile_shows_public_keys_only(server_site, anonymous):
    response = anonymous.get("@issuer")
    assert response.status_code == 200
    profile = response.json()
    assert profile["name"] == "QGIS Certification Programme"
    assert profile["verificationMethod"][0]["publicKeyJwk"]["crv"] == "Ed25519"
    assert '"d"' not in response.text
    assert "PRIVATE KEY" not in response.text


def test_the_site_s_json_does_not_leak_the_private_key(server_site, rest_session):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    admin = rest_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    for path in ("", "?expand=actions,types", "@registry"):
        assert "PRIVATE KEY" not in admin.get(path).text


def bits(encoded):
    data = encoded[1:] + "=" * (-len(encoded[1:]) % 4)
    return gzip.decompress(base64.urlsafe_b64decode(data))


def bit(encoded, index):
    return bool(bits(encoded)[index // 8] & (0x80 >> (index % 8)))


def test_revocation_shows_in_the_status_list(issued, anonymous, rest_session):
    from builders import PASSWORD

    codes, certificate = issued
    entry = anonymous.get(f"@credential/{codes['attendee']}").json()["credentialStatus"]
    index = int(entry["statusListIndex"])
    listed = anonymous.get(entry["statusListCredential"]).json()
    assert "BitstringStatusListCredential" in listed["type"]
    assert len(bits(listed["credentialSubject"]["encodedList"])) == 16384
    assert not bit(listed["credentialSubject"]["encodedList"], index)

    owner = rest_session("owner", PASSWORD)
    revoked = owner.post(f"{certificate.absolute_url()}/@revoke", json={"comment": "Mistake."})
    assert revoked.status_code == 200, revoked.text

    listed = anonymous.get(entry["statusListCredential"]).json()
    assert bit(listed["credentialSubject"]["encodedList"], index)
    other = anonymous.get(f"@credential/{codes['other']}").json()["credentialStatus"]
    assert not bit(listed["credentialSubject"]["encodedList"], int(other["statusListIndex"]))


def test_the_status_list_is_signed_too(issued, anonymous):
    response = anonymous.get("@credential-status/1?format=jwt")
    assert response.status_code == 200
    token = response.text
    verified = anonymous.post("@verify-credential", data=token, headers=TEXT).json()
    assert verified["proof"] == "valid"


TEXT = {"Content-Type": "text/plain", "Accept": "application/json"}


@pytest.mark.parametrize("how", ["text", "json", "vc+jwt"])
def test_verify_a_signed_credential(issued, anonymous, how):
    codes, _certificate = issued
    token = anonymous.get(f"@credential/{codes['attendee']}?format=jwt").text
    if how == "json":
        response = anonymous.post("@verify-credential", json={"credential": token})
    else:
        content_type = "text/plain" if how == "text" else "application/vc+jwt"
        response = anonymous.post(
            "@verify-credential", data=token, headers={**TEXT, "Content-Type": content_type}
        )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert (answer["verified"], answer["proof"], answer["issued_here"], answer["status"]) == (
        True,
        "valid",
        True,
        "active",
    )
    assert answer["code"] == codes["attendee"]


def test_verify_a_tampered_credential(issued, anonymous):
    codes, _certificate = issued
    header, payload, signature = anonymous.get(
        f"@credential/{codes['attendee']}?format=jwt"
    ).text.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    answer = anonymous.post(
        "@verify-credential", json={"credential": f"{header}.{forged}.{signature}"}
    ).json()
    assert (answer["verified"], answer["proof"]) == (False, "invalid")
    assert "changed after it was signed" in answer["messages"][0]


def test_verify_a_revoked_credential(issued, anonymous, rest_session):
    from builders import PASSWORD

    codes, certificate = issued
    token = anonymous.get(f"@credential/{codes['attendee']}?format=jwt").text
    owner = rest_session("owner", PASSWORD)
    assert owner.post(f"{certificate.absolute_url()}/@revoke", json={"comment": "Mistake."}).ok
    answer = anonymous.post("@verify-credential", json={"credential": token}).json()
    assert (answer["verified"], answer["proof"], answer["status"]) == (False, "valid", "revoked")
    assert "revoked" in answer["messages"][1]


def test_verify_an_unsigned_credential(issued, anonymous):
    codes, _certificate = issued
    credential = anonymous.get(f"@credential/{codes['attendee']}").json()
    answer = anonymous.post("@verify-credential", json=credential).json()
    assert (answer["verified"], answer["proof"], answer["status"]) == (False, "missing", "active")


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        ("", TEXT),
        ("hello", TEXT),
        ("{}", {"Content-Type": "application/json"}),
        ('{"credential": 5}', {"Content-Type": "application/json"}),
        ('{"credential": "x.y"}', {"Content-Type": "application/json"}),
        ("[1]", {"Content-Type": "application/json"}),
        ("not json", {"Content-Type": "application/json"}),
    ],
)
def test_verify_refuses_what_is_not_a_credential(server_site, anonymous, body, headers):
    response = anonymous.post("@verify-credential", data=body, headers=headers)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["type"] == "BadRequest"


@pytest.mark.parametrize(("user", "status"), [(None, 401), ("owner", 401), ("team", 401)])
def test_only_site_managers_rotate_the_key(server_site, rest_session, user, status):
    from builders import PASSWORD

    session = rest_session(user, PASSWORD) if user else rest_session()
    assert session.post("@credential-keys", json={}).status_code == status
    transaction.begin()
    assert len(session.get("@issuer").json()["verificationMethod"]) == 1


def test_a_site_manager_rotates_the_key(issued, rest_session, anonymous):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    codes, _certificate = issued
    old_token = anonymous.get(f"@credential/{codes['attendee']}?format=jwt").text
    admin = rest_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    response = admin.post("@credential-keys", json={})
    assert response.status_code == 200, response.text
    assert len(response.json()["keys"]) == 2
    assert "PRIVATE" not in response.text
    new_token = anonymous.get(f"@credential/{codes['attendee']}?format=jwt").text
    assert new_token != old_token
    for token in (old_token, new_token):
        answer = anonymous.post("@verify-credential", json={"credential": token}).json()
        assert answer["verified"] is True
