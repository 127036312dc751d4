"""How many accounts each network address created lately, kept on the site.

Addresses are stored only as the privacy register's keyed digest, each with
the moments of its sign-ups in the period (``ISignUpSettings``). The store is
bounded: past ``MAX_ADDRESSES`` addresses, those with no sign-up in the period
go, then those whose last sign-up is the oldest.
"""

import time

from BTrees.OOBTree import OOBTree
from plone import api

from qgis.certification.annotations import stored
from qgis.certification.interfaces import ISignUpSettings
from qgis.certification.privacy.register import address_key


KEY = "qgis.certification.signups"
MAX_ADDRESSES = 5000
UNKNOWN_ADDRESS = "unknown"


def _setting(name):
    return api.portal.get_registry_record(name=name, interface=ISignUpSettings)


def _period():
    return _setting("signup_period_hours") * 3600


def _key(address):
    return address_key(f"signup:{address or UNKNOWN_ADDRESS}")


def _store(create=False):
    return stored(api.portal.get(), KEY, OOBTree, create)


def _recent(moments, now, period):
    return tuple(moment for moment in moments if now - moment < period)


def may_sign_up(address, now=None):
    """Whether ``address`` may create one more account now (nothing written)."""
    now = now or time.time()
    moments = _store().get(_key(address), ())
    return len(_recent(moments, now, _period())) < _setting("signups_per_address")


def count_sign_up(address, now=None):
    """Record one account created from ``address``."""
    now = now or time.time()
    store, period = _store(create=True), _period()
    key = _key(address)
    store[key] = (*_recent(store.get(key, ()), now, period), now)
    if len(store) > MAX_ADDRESSES:
        _shrink(store, now, period)


def _shrink(store, now, period):
    for key, moments in list(store.items()):
        if not _recent(moments, now, period):
            del store[key]
    surplus = len(store) - MAX_ADDRESSES
    if surplus > 0:
        by_last = sorted(store.items(), key=lambda item: item[1][-1])
        for key, _moments in by_last[:surplus]:
            del store[key]


def addresses_kept():
    """How many addresses the store holds (for the tests and the curious)."""
    return len(_store())
