"""A trainer credential's end date (``validUntil``) and its place in the
revocation list: a lapsed or revoked trainer is set in the list, and
``@verify-credential`` says "expired" or "revoked"."""

from datetime import date
from datetime import timedelta

import jwt
import pytest
from builders import do
from builders import nominate_trainer

from qgis.certification.certificates.credentials import badges
from qgis.certification.certificates.credentials import status_list
from qgis.certification.certificates.credentials import status_register
from qgis.certification.certificates.credentials.awards import award_for
from qgis.certification.certificates.credentials.checking import check_credential
from qgis.certification.trainers.validity import process_trainer_validity


def credential_of(nomination):
    return badges.open_badge_credential(award_for(nomination.code))


def signed(nomination):
    return badges.signed_credential(award_for(nomination.code))


def listed_revoked(nomination):
    entry = credential_of(nomination)["credentialStatus"]
    number = int(entry["statusListCredential"].rpartition("/")[2])
    return status_list.is_revoked(status_list.encoded_list(number), int(entry["statusListIndex"]))


@pytest.fixture
def approved(organisation):
    return nominate_trainer(organisation, "approved")


def test_the_credential_has_its_end_date_and_a_status_entry(approved):
    credential = credential_of(approved)

    assert credential["validUntil"] == f"{approved.valid_until.isoformat()}T23:59:59Z"
    index = status_register.index_of(approved.code)
    assert index is not None
    assert credential["credentialStatus"] == {
        "id": f"{badges.status_list_url(1)}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": badges.status_list_url(1),
    }
    claims = jwt.decode(signed(approved), options={"verify_signature": False})
    assert claims["exp"] == int(badges.parse_instant(credential["validUntil"]).timestamp())
    assert listed_revoked(approved) is False


def test_a_renewal_keeps_the_place_in_the_list(approved):
    index = status_register.index_of(approved.code)
    do(approved, "owner", "renew")
    do(approved, "team", "approve")
    assert status_register.index_of(approved.code) == index
    assert status_register.next_free_index() == index + 1


def test_a_revoked_trainer_is_set_in_the_list_and_verifies_as_revoked(approved):
    token = signed(approved)
    assert check_credential(token)["status"] == "active"

    do(approved, "team", "revoke", comment="Misused the certificate.")

    assert listed_revoked(approved) is True
    answer = check_credential(token)
    assert (answer["verified"], answer["proof"], answer["status"]) == (False, "valid", "revoked")


def test_a_trainer_past_the_end_date_is_expired_before_and_after_the_daily_run(approved):
    token = signed(approved)
    approved.valid_until = date.today() - timedelta(days=1)
    approved.reindexObject()

    # not yet lapsed by the daily run: the date alone takes the trainer out
    assert listed_revoked(approved) is True
    assert check_credential(token)["status"] == "expired"

    process_trainer_validity()

    assert listed_revoked(approved) is True
    answer = check_credential(signed(approved))
    assert (answer["verified"], answer["status"]) == (False, "expired")
    assert "reached its end date" in str(answer["messages"][1])


def test_a_renewed_trainer_is_cleared_but_the_old_credential_has_ended(approved):
    approved.valid_until = date.today() - timedelta(days=1)
    approved.reindexObject()
    process_trainer_validity()
    old = signed(approved)

    do(approved, "owner", "renew")
    do(approved, "team", "approve")

    assert listed_revoked(approved) is False
    assert check_credential(signed(approved))["status"] == "active"
    answer = check_credential(old)
    assert (answer["verified"], answer["status"]) == (False, "expired")
    assert "renewed" in str(answer["messages"][-1])


def test_a_nomination_never_approved_has_no_place_in_the_list(organisation):
    nomination = nominate_trainer(organisation, "submitted")
    assert not nomination.code
    assert status_register.next_free_index() == 0
    assert status_list.revoked_codes() == []
