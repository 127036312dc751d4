"""The programme's Ed25519 signing keys.

They are kept in an annotation of the site root, inside the database: every
instance of a cluster signs with the same key, and a restored backup keeps
verifying what was issued. No serializer, export of content or log reads
that annotation; only the public half of a key is ever answered. Rotating
makes a new current key and drops the old private key, keeping its public
half so that credentials signed with it still verify.
"""

import hashlib
import json
from base64 import urlsafe_b64encode
from datetime import UTC
from datetime import datetime

from BTrees.OOBTree import OOBTree
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from persistent.mapping import PersistentMapping
from plone import api

from qgis.certification.annotations import stored


KEY = "qgis.certification.credential-keys"
CURRENT = "current"


def _keys(create=False):
    return stored(api.portal.get(), KEY, OOBTree, create=create)


def thumbprint(jwk):
    """The RFC 7638 thumbprint of an OKP public key: its key id."""
    members = {name: jwk[name] for name in ("crv", "kty", "x")}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(canonical.encode("ascii")).digest()
    return urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _add_key():
    private = Ed25519PrivateKey.generate()
    jwk = json.loads(OKPAlgorithm.to_jwk(private.public_key()))
    kid = thumbprint(jwk)
    keys = _keys(create=True)
    keys[kid] = PersistentMapping(
        public_jwk=dict(jwk, kid=kid, alg="EdDSA", use="sig"),
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        private_pem=private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    keys[CURRENT] = kid
    return kid


def ensure_key():
    """The current key's id; a first key is made when there is none."""
    return _keys().get(CURRENT) or _add_key()


def rotate_key():
    """A new current key; the previous one keeps only its public half."""
    previous = _keys().get(CURRENT)
    kid = _add_key()
    if previous is not None:
        _keys()[previous]["private_pem"] = None
    return kid


def signing_key():
    """``(kid, private key)`` of the current key; made when there is none."""
    kid = ensure_key()
    pem = _keys()[kid]["private_pem"]
    return kid, serialization.load_pem_private_key(pem, password=None)


def public_jwks():
    """Every key's public half as a JWK, the current one first."""
    keys = _keys()
    current = keys.get(CURRENT)
    ids = sorted((kid for kid in keys if kid != CURRENT), key=lambda kid: kid != current)
    return [dict(keys[kid]["public_jwk"]) for kid in ids]


def public_key(kid):
    """The public key with this id, or None."""
    record = _keys().get(kid) if kid != CURRENT else None
    if record is None:
        return None
    return OKPAlgorithm.from_jwk(json.dumps(record["public_jwk"]))
