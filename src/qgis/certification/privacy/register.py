"""The site's privacy register: its secret, the erasure requests, the audit
log and the per-address request counts.

Nothing here holds an e-mail address or a name: addresses are kept only as a
keyed digest (``address_key``), and the log says which request, of which
kind, when and with what outcome.
"""

import hashlib
import hmac
import logging
import secrets
import uuid
from datetime import UTC
from datetime import datetime

from BTrees.IOBTree import IOBTree
from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api

from qgis.certification.annotations import stored


logger = logging.getLogger("qgis.certification.privacy")

KEY = "qgis.certification.privacy"


def _new_register():
    data = PersistentMapping()
    data["secret"] = secrets.token_hex(32)
    data["requests"] = OOBTree()
    data["audit"] = IOBTree()
    data["counts"] = OOBTree()
    return data


def privacy_register(create=False):
    """The register on the site; ``{}`` when there is none yet and ``create`` is false."""
    return stored(api.portal.get(), KEY, _new_register, create)


def normalized(address):
    return (address or "").strip().lower()


def address_key(address):
    """The keyed digest that stands for an e-mail address in the catalog and
    the register; None for no address. The key never leaves the site, so the
    digest cannot be recomputed from a list of guessed addresses elsewhere."""
    address = normalized(address)
    if not address:
        return None
    secret = privacy_register(create=True)["secret"].encode()
    return hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()


def now_utc():
    return datetime.now(UTC)


def new_request_id():
    return uuid.uuid4().hex[:16]


def log_request(kind, outcome, request_id=None):
    """Record a request in the audit log and the application log: its id,
    kind, date and outcome, never who asked. Returns the request id."""
    request_id = request_id or new_request_id()
    audit = privacy_register(create=True)["audit"]
    entry = PersistentMapping(
        id=request_id, kind=kind, date=now_utc().isoformat(timespec="seconds"), outcome=outcome
    )
    audit[(audit.maxKey() + 1) if len(audit) else 1] = entry
    logger.info("privacy request %s (%s): %s", request_id, kind, outcome)
    return request_id


def audit_log():
    """The audit entries, oldest first, as plain dicts."""
    audit = privacy_register().get("audit", {})
    return [dict(entry) for entry in audit.values()]


def within_limit(key, limit, hours, now=None):
    """Count one request for ``key``; False when it already made ``limit``
    requests in the last ``hours`` (the request is then not counted)."""
    now = (now or now_utc()).timestamp()
    counts = privacy_register(create=True)["counts"]
    recent = [moment for moment in counts.get(key, ()) if now - moment < hours * 3600]
    if len(recent) >= limit:
        counts[key] = tuple(recent)
        return False
    counts[key] = (*recent, now)
    return True


def forget_old_counts(hours, now=None):
    """Drop the counts older than ``hours`` (the daily run)."""
    now = (now or now_utc()).timestamp()
    counts = privacy_register().get("counts")
    if not counts:
        return
    for key in list(counts.keys()):
        recent = tuple(moment for moment in counts[key] if now - moment < hours * 3600)
        if recent:
            if recent != counts[key]:
                counts[key] = recent
        else:
            del counts[key]
