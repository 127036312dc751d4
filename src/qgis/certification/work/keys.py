"""Keyed digests that stand for confidential facts in the catalog.

Who owns or convenes something and which user group gave which opinion are
indexed as keyed digests (the key never leaves the site), so that a search
anyone may make (``@search?qgis_people=...``) cannot test a guess, and the
opinions never reach a brain's metadata."""

import hashlib
import hmac

from qgis.certification.privacy.register import privacy_register


def keyed(*parts, create=True):
    """The keyed digest of ``parts`` (text), joined unambiguously. Reading
    (``create`` false) on a site that has no key yet answers None: nothing
    was indexed with one, and a GET never writes."""
    register = privacy_register(create=create)
    if "secret" not in register:
        return None
    secret = register["secret"].encode()
    text = "\x1f".join(str(part) for part in parts)
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def person(role, user_id, create=True):
    """Stands for "``user_id`` holds the local ``role``" in ``qgis_people``."""
    return keyed("person", role, user_id, create=create)


def opinion(user_group_uid, given, create=True):
    """Stands for "the user group gave ``given``" in ``qgis_opinions``."""
    return keyed("opinion", user_group_uid, given, create=create)
