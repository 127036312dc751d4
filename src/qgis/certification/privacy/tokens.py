"""Signed, expiring links for attendees: ``<payload>.<signature>``.

The payload names one address (by its keyed digest, never the address
itself, so that the link in a mail or a server log reveals nothing) and when
the link expires. The signature is an HMAC-SHA256 with the site's system
secret from plone.keyring; a link signed with a key the ring has since
rotated out no longer works, nor does a changed, truncated or expired one.
"""

import base64
import binascii
import hashlib
import hmac
import json
from datetime import timedelta

from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility

from qgis.certification import _
from qgis.certification.privacy.register import now_utc
from qgis.certification.refusals import Refusal


RING = "_system"
PURPOSE = "attendee-data"
MAX_TOKEN_LENGTH = 400

INVALID_LINK = _(
    "This link is not valid or has expired: ask for a new one on the verification page."
)


class InvalidLink(Refusal):
    def __init__(self):
        super().__init__(403, INVALID_LINK, field="token")


def _encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _keys():
    return [key for key in getUtility(IKeyManager)[RING] if key]


def _signature(payload, key):
    return _encode(hmac.new(key.encode(), payload.encode(), hashlib.sha256).digest())


def make_token(key, hours, now=None):
    """A link token for the address whose keyed digest is ``key``."""
    expires = int(((now or now_utc()) + timedelta(hours=hours)).timestamp())
    payload = _encode(
        json.dumps({"k": key, "p": PURPOSE, "x": expires}, separators=(",", ":")).encode()
    )
    return f"{payload}.{_signature(payload, _keys()[0])}"


def _payload(token):
    if (
        not isinstance(token, str)
        or not token.isascii()
        or len(token) > MAX_TOKEN_LENGTH
        or token.count(".") != 1
    ):
        raise InvalidLink()
    payload, signature = token.split(".")
    if not any(hmac.compare_digest(signature, _signature(payload, key)) for key in _keys()):
        raise InvalidLink()
    try:
        data = json.loads(_decode(payload))
    except (ValueError, binascii.Error) as error:
        raise InvalidLink() from error
    return data if isinstance(data, dict) else {}


def read_token(token, now=None):
    """The address key a valid token names; raises ``InvalidLink``."""
    data = _payload(token)
    expires, key = data.get("x"), data.get("k")
    if data.get("p") != PURPOSE or not isinstance(expires, int) or not isinstance(key, str):
        raise InvalidLink()
    if (now or now_utc()).timestamp() > expires:
        raise InvalidLink()
    return key
