"""Open Badges credentials of attendee, organisation and trainer certificates: their
structure, signing and verifying, tampering, keys and their rotation."""

import base64
import json

import jwt
import pytest
from builders import certified_course
from builders import create_programme
from builders import do
from builders import nominate_trainer
from builders import top_up
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from ob3_model import problems
from plone import api

from qgis.certification.certificates import issuing
from qgis.certification.certificates import organisation_certificate
from qgis.certification.certificates.credentials import badges
from qgis.certification.certificates.credentials import checking
from qgis.certification.certificates.credentials import keys
from qgis.certification.certificates.credentials.awards import award_for


@pytest.fixture
def certificates(portal):
    """The attendee certificates (completion) of a certified organisation's course."""
    create_programme(portal)
    organisation, course, _people = certified_course(portal)
    top_up(organisation, 3)
    with api.env.adopt_user(username="owner"):
        issued, _balance = issuing.issue_certificates(course, "all", "completion", "owner")
    return issued


@pytest.fixture
def provider(certificates):
    """The organisation, holding its own certificate."""
    organisation = api.content.get(UID=certificates[0].organisation_uid)
    organisation_certificate.issue_organisation_certificate(organisation, "team")
    return organisation


def segments(token):
    return token.split(".")


def decoded(segment):
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def encoded(data):
    text = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(text).rstrip(b"=").decode()


def signed_for(code):
    return badges.signed_credential(award_for(code))


def test_an_attendee_credential_follows_the_open_badges_model(certificates):
    certificate = certificates[0]
    credential = badges.open_badge_credential(award_for(certificate.code))
    assert problems(credential) == []
    subject = credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == certificate.printed_name
    achievement = subject["achievement"]
    assert achievement["name"] == "QGIS for beginners: certificate of completion"
    assert "16 hours" in achievement["description"]
    assert "Geo Academy" in achievement["criteria"]["narrative"]
    assert achievement["achievementType"] == "CertificateOfCompletion"
    assert achievement["creator"]["name"] == "Geo Academy"
    assert credential["issuer"]["name"] == "QGIS Certification Programme"
    assert credential["issuer"]["id"].endswith("/@issuer")
    assert credential["validFrom"] == f"{certificate.issue_date.isoformat()}T00:00:00Z"
    assert credential["evidence"][0]["id"].endswith(f"/verify/{certificate.code}")
    assert credential["id"].endswith(f"/@credential/{certificate.code}")


def test_no_e_mail_address_is_in_a_credential(certificates):
    text = json.dumps(badges.open_badge_credential(award_for(certificates[0].code)))
    assert "@example.org" not in text
    assert "ioana" not in text.lower().replace("ioana ", "")


def test_an_organisation_credential_follows_the_model(provider):
    code = organisation_certificate.organisation_certificate(provider)["code"]
    credential = badges.open_badge_credential(award_for(code))
    assert problems(credential) == []
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == "Authorised QGIS training provider"
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Geo Academy"
    assert credential["credentialStatus"]["statusListIndex"] == "3"


def test_a_trainer_credential_follows_the_model(certificates):
    organisation = api.content.get(UID=certificates[0].organisation_uid)
    nomination = nominate_trainer(organisation, "approved")
    credential = badges.open_badge_credential(award_for(nomination.code))
    assert problems(credential) == []
    assert credential["validUntil"] == f"{nomination.valid_until.isoformat()}T23:59:59Z"
    assert credential["credentialStatus"]["type"] == "BitstringStatusListEntry"


def test_the_model_check_finds_what_is_missing():
    assert "name is required" in problems({"@context": []})
    assert "credentialSubject is required" in problems({})
    ended_first = {"validFrom": "2026-01-02T00:00:00Z", "validUntil": "2026-01-01T23:59:59Z"}
    assert "validUntil must come after validFrom" in problems(ended_first)
    assert "validUntil must be a date and time" in problems({"validUntil": "2026-01-01"})


@pytest.mark.parametrize("kind", ["attendee", "organisation"])
def test_sign_and_verify_round_trip(provider, certificates, kind):
    if kind == "attendee":
        code = certificates[1].code
    else:
        code = organisation_certificate.organisation_certificate(provider)["code"]
    answer = checking.check_credential(signed_for(code))
    assert answer["verified"] is True
    assert (answer["proof"], answer["issued_here"], answer["status"]) == ("valid", True, "active")
    assert answer["code"] == code
    assert answer["credential"]["id"].endswith(code)


def test_the_jwt_claims_repeat_the_credential(certificates):
    token = signed_for(certificates[0].code)
    header, payload = decoded(segments(token)[0]), decoded(segments(token)[1])
    assert header["alg"] == "EdDSA"
    assert header["kid"] == f"{badges.issuer_id()}#{keys.ensure_key()}"
    assert payload["iss"] == payload["issuer"]["id"]
    assert payload["jti"] == payload["id"]
    assert payload["nbf"] > 0


TAMPERINGS = {
    "holder's name": lambda c: c["credentialSubject"]["identifier"][0].update(
        identityHash="Someone Else"
    ),
    "achievement": lambda c: c["credentialSubject"]["achievement"].update(name="QGIS expert"),
    "issue date": lambda c: c.update(validFrom="2001-01-01T00:00:00Z"),
    "issuer": lambda c: c["issuer"].update(name="Another programme"),
    "status entry": lambda c: c["credentialStatus"].update(statusListIndex="9"),
    "organisation": lambda c: c["credentialSubject"]["source"].update(name="Fake School"),
    "code": lambda c: c.update(id=c["id"][:-1] + "X"),
}


@pytest.mark.parametrize("change", sorted(TAMPERINGS))
def test_tampering_with_any_field_fails(certificates, change):
    header, payload, signature = segments(signed_for(certificates[0].code))
    data = decoded(payload)
    TAMPERINGS[change](data)
    answer = checking.check_credential(f"{header}.{encoded(data)}.{signature}")
    assert (answer["verified"], answer["proof"], answer["issued_here"]) == (
        False,
        "invalid",
        False,
    )
    assert answer["credential"] is None


def test_tampering_with_the_signature_fails(certificates):
    header, payload, signature = segments(signed_for(certificates[0].code))
    flipped = ("A" if signature[5] != "A" else "B").join((signature[:5], signature[6:]))
    assert checking.check_credential(f"{header}.{payload}.{flipped}")["proof"] == "invalid"


def test_a_foreign_key_under_the_programmes_key_id_fails(certificates):
    token = signed_for(certificates[0].code)
    header = decoded(segments(token)[0])
    forged = jwt.encode(
        decoded(segments(token)[1]), Ed25519PrivateKey.generate(), "EdDSA", headers=header
    )
    assert checking.check_credential(forged)["proof"] == "invalid"


def test_a_foreign_key_id_is_not_the_programmes(certificates):
    payload = decoded(segments(signed_for(certificates[0].code))[1])
    forged = jwt.encode(
        payload, Ed25519PrivateKey.generate(), "EdDSA", headers={"kid": "https://x.example#k"}
    )
    answer = checking.check_credential(forged)
    assert (answer["proof"], answer["issued_here"], answer["verified"]) == (
        "unknown-key",
        False,
        False,
    )


def test_another_algorithm_is_refused(certificates):
    payload = decoded(segments(signed_for(certificates[0].code))[1])
    token = jwt.encode(payload, "secret-secret-secret-secret-32by", "HS256")
    assert checking.check_credential(token)["proof"] == "invalid"


@pytest.mark.parametrize("text", ["", "not a jwt", "a.b", "a.b.c", 42, None])
def test_what_is_not_a_credential_is_refused(portal, text):
    with pytest.raises(checking.CredentialError) as refused:
        checking.check_credential(text)
    assert refused.value.status == 400


def test_an_unsigned_credential_has_no_proof(certificates):
    credential = badges.open_badge_credential(award_for(certificates[0].code))
    answer = checking.check_credential(credential)
    assert (answer["proof"], answer["verified"], answer["status"]) == ("missing", False, "active")


def test_rotation_keeps_old_credentials_verifiable(certificates):
    code = certificates[0].code
    old_kid = keys.ensure_key()
    old_token = signed_for(code)
    new_kid = keys.rotate_key()
    assert new_kid != old_kid
    new_token = signed_for(code)
    assert decoded(segments(new_token)[0])["kid"].endswith(new_kid)
    assert checking.check_credential(old_token)["verified"] is True
    assert checking.check_credential(new_token)["verified"] is True
    assert [jwk["kid"] for jwk in keys.public_jwks()] == [new_kid, old_kid]


def test_rotation_drops_the_old_private_key(portal):
    old_kid = keys.ensure_key()
    keys.rotate_key()
    stored = api.portal.get().__annotations__[keys.KEY]
    assert stored[old_kid]["private_pem"] is None


def test_the_issuer_profile_publishes_public_keys_only(portal):
    keys.ensure_key()
    keys.rotate_key()
    profile = badges.issuer(with_keys=True)
    methods = profile["verificationMethod"]
    assert len(methods) == 2
    assert all(set(m["publicKeyJwk"]) == {"kty", "crv", "x", "kid", "alg", "use"} for m in methods)
    assert "PRIVATE" not in json.dumps(profile)
    assert "d" not in methods[0]["publicKeyJwk"]


def test_the_site_has_a_key_from_its_set_up(portal):
    assert keys.public_jwks()


def test_revocation_shows_in_the_verification(certificates):
    certificate = certificates[0]
    token = signed_for(certificate.code)
    do(certificate, "owner", "revoke", comment="Wrong attendee.")
    answer = checking.check_credential(token)
    assert (answer["proof"], answer["status"], answer["verified"]) == ("valid", "revoked", False)
    assert checking.check_credential(signed_for(certificates[1].code))["status"] == "active"


def test_an_archived_organisation_s_credential_is_revoked(provider):
    code = organisation_certificate.organisation_certificate(provider)["code"]
    token = signed_for(code)
    do(provider, "team", "archive", comment="Closed.")
    assert checking.check_credential(token)["status"] == "revoked"
