"""Signed links: they name one address's digest, expire, and refuse any change."""

from datetime import timedelta

import pytest
from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility

from qgis.certification.privacy.register import address_key
from qgis.certification.privacy.register import now_utc
from qgis.certification.privacy.register import within_limit
from qgis.certification.privacy.tokens import InvalidLink
from qgis.certification.privacy.tokens import make_token
from qgis.certification.privacy.tokens import read_token


def test_a_token_names_its_address_key(portal):
    key = address_key("Ana@Example.org ")
    assert key == address_key("ana@example.org")
    assert key != address_key("ana@example.com")
    assert read_token(make_token(key, 48)) == key


def test_a_token_does_not_hold_the_address(portal):
    token = make_token(address_key("ana@example.org"), 48)
    assert "ana" not in token.lower()


def test_a_token_expires(portal):
    key = address_key("ana@example.org")
    token = make_token(key, 2)
    assert read_token(token, now=now_utc() + timedelta(hours=1)) == key
    with pytest.raises(InvalidLink):
        read_token(token, now=now_utc() + timedelta(hours=3))


def test_a_token_survives_one_rotation_of_the_keyring(portal):
    key = address_key("ana@example.org")
    token = make_token(key, 48)
    ring = getUtility(IKeyManager)["_system"]
    ring.rotate()
    assert read_token(token) == key
    for _ in range(len(ring)):
        ring.rotate()
    with pytest.raises(InvalidLink):
        read_token(token)


@pytest.mark.parametrize(
    "change",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "A" + token[1:],
        lambda token: token.replace(".", ""),
        lambda token: token + ".x",
        lambda token: token.split(".")[0],
        lambda token: "é" + token,
    ],
    ids=["signature", "payload", "no-dot", "two-dots", "unsigned", "not-ascii"],
)
def test_a_changed_token_is_refused(portal, change):
    token = make_token(address_key("ana@example.org"), 48)
    with pytest.raises(InvalidLink) as refused:
        read_token(change(token))
    assert refused.value.status == 403


def test_requests_are_limited_per_address(portal):
    now = now_utc()
    key = address_key("ana@example.org")
    assert [within_limit(key, 3, 24, now) for _ in range(4)] == [True, True, True, False]
    assert within_limit(address_key("bo@example.org"), 3, 24, now)
    assert within_limit(key, 3, 24, now + timedelta(hours=25))
