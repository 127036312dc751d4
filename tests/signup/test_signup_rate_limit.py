"""The per-address limit of sign-ups: counted per address over the period,
kept as keyed digests only, and bounded in size."""

import pytest
from plone import api

from qgis.certification.signup import landing
from qgis.certification.signup import rate_limit
from qgis.certification.signup import rules


HOUR = 3600
NOW = 1_800_000_000.0


@pytest.fixture
def settings(integration):
    api.portal.set_registry_record(
        "qgis.certification.interfaces.ISignUpSettings.signups_per_address", 2
    )
    return integration["portal"]


def test_an_address_may_sign_up_up_to_the_limit_in_the_period(settings):
    assert rate_limit.may_sign_up("192.0.2.1", now=NOW)
    rate_limit.count_sign_up("192.0.2.1", now=NOW)
    rate_limit.count_sign_up("192.0.2.1", now=NOW + 10)
    assert not rate_limit.may_sign_up("192.0.2.1", now=NOW + 20)
    assert rate_limit.may_sign_up("192.0.2.2", now=NOW + 20)
    # an hour after the first, one more may come
    assert rate_limit.may_sign_up("192.0.2.1", now=NOW + HOUR + 1)


def test_addresses_are_kept_only_as_digests(settings):
    rate_limit.count_sign_up("192.0.2.1", now=NOW)
    stored = rate_limit._store()
    assert len(stored) == 1
    assert all("192.0.2" not in key for key in stored)


def test_an_unknown_address_counts_as_one(settings):
    rate_limit.count_sign_up(None, now=NOW)
    rate_limit.count_sign_up("", now=NOW)
    assert not rate_limit.may_sign_up(None, now=NOW)


def test_the_store_stays_bounded(settings, monkeypatch):
    monkeypatch.setattr(rate_limit, "MAX_ADDRESSES", 3)
    rate_limit.count_sign_up("198.51.100.1", now=NOW - 2 * HOUR)  # past the period
    for number in range(2, 6):
        rate_limit.count_sign_up(f"198.51.100.{number}", now=NOW + number)
    assert rate_limit.addresses_kept() == 3
    # the oldest went first: the newest three remain, each still counted
    for number in (3, 4, 5):
        assert rate_limit._key(f"198.51.100.{number}") in rate_limit._store()


def test_signed_up_accounts_are_remembered_for_a_while_and_bounded(settings, monkeypatch):
    monkeypatch.setattr(landing, "MAX_KEPT", 2)
    day = 86400
    landing.remember_new_account("old", now=NOW - 40 * day)
    landing.remember_new_account("first", now=NOW - 2)
    landing.remember_new_account("second", now=NOW - 1)
    assert not landing.signed_up("old", now=NOW)
    landing.remember_new_account("third", now=NOW)
    assert sorted(landing._accounts()) == ["second", "third"]
    assert landing.signed_up("third", now=NOW)
    assert not landing.signed_up("third", now=NOW + 31 * day)


@pytest.mark.parametrize(
    ("value", "robot"),
    [(None, False), ("", False), ("  ", False), ("x", True), (["a", "b"], True), (0, False)],
)
def test_a_filled_honeypot_of_any_shape_marks_a_robot(value, robot):
    assert rules.is_robot(value) is robot
