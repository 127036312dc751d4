"""A trainer certificate as an Open Badges credential: ``@credential/<code>``."""

import pytest
import transaction
from builders import certified_course
from builders import do
from builders import nominate_trainer

from qgis.certification.certificates.credentials.status_list import is_revoked


pytestmark = pytest.mark.server


def test_a_trainer_code_answers_a_verifiable_credential(server_site, rest_session):
    organisation, _course, _attendees = certified_course(server_site)
    nomination = nominate_trainer(organisation, state="approved")
    transaction.commit()
    anonymous = rest_session()

    response = anonymous.get(f"@credential/{nomination.code}")

    assert response.status_code == 200, response.text
    credential = response.json()
    assert "VerifiableCredential" in credential["type"]
    assert "OpenBadgeCredential" in credential["type"]
    assert credential["credentialSubject"]["achievement"]["name"] == "QGIS Certified Trainer"
    assert "@example.org" not in response.text
    token = anonymous.get(f"@credential/{nomination.code}?format=jwt").text
    answer = anonymous.post("@verify-credential", json={"credential": token}).json()
    assert (answer["verified"], answer["proof"], answer["code"]) == (True, "valid", nomination.code)


def test_a_revoked_trainer_credential_is_answered_as_revoked(server_site, rest_session):
    organisation, _course, _attendees = certified_course(server_site)
    nomination = nominate_trainer(organisation, state="approved")
    transaction.commit()
    anonymous = rest_session()
    token = anonymous.get(f"@credential/{nomination.code}?format=jwt").text
    entry = anonymous.get(f"@credential/{nomination.code}").json()["credentialStatus"]
    position = int(entry["statusListIndex"])
    number = entry["statusListCredential"].rpartition("/")[2]

    do(nomination, "team", "revoke", comment="Misused the certificate.")
    transaction.commit()

    listed = anonymous.get(f"@credential-status/{number}").json()
    assert is_revoked(listed["credentialSubject"]["encodedList"], position)
    answer = anonymous.post(
        "@verify-credential", data=token, headers={"Content-Type": "application/vc+jwt"}
    ).json()
    assert (answer["verified"], answer["proof"], answer["status"]) == (False, "valid", "revoked")
