"""Answers kept ready in this process: a public feed is built once for each
state of what it shows, then served from here.

An answer is kept under a key that names everything it depends on: the site,
the state of what the feeds show (``feed_state.state()``, read from the
database at every request), today's date (upcoming courses become past at
midnight), the visitor's roles, the site's address and the feed's own
parameters. A change committed anywhere, by this instance or another one,
makes a new key; nothing here depends on this process having seen the change.
Answers of an older state of the same site are dropped when a newer one is
kept, and at most ``SIZE`` answers are kept (least recently used first out).
"""

import threading
from collections import OrderedDict
from datetime import date

from AccessControl.SecurityManagement import getSecurityManager
from plone import api

from qgis.certification.public import feed_state


SIZE = 48


class ReadyAnswers:
    """Answers by key; ``get`` builds a missing one once, however many threads
    ask for it at the same time."""

    def __init__(self, size=SIZE):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()
        self.building = {}

    def get(self, key, build):
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
            building = self.building.setdefault(key, threading.Lock())
        with building:
            with self.lock:
                if key in self.entries:
                    return self.entries[key]
            try:
                answer = build()
                self.keep(key, answer)
            finally:
                with self.lock:
                    self.building.pop(key, None)
        return answer

    def keep(self, key, answer):
        site, state = key[:2]
        with self.lock:
            for old in [old for old in self.entries if old[0] == site and old[1] != state]:
                del self.entries[old]
            self.entries[key] = answer
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


ANSWERS = ReadyAnswers()


def answers():
    """This process's ready answers."""
    return ANSWERS


def ready(parameters, build):
    """The answer of a feed with these ``parameters`` (a tuple) in the current
    state, built by ``build()`` when it is not ready yet. While this
    transaction has changed what the feeds show, it is built and not kept."""
    state = feed_state.state()
    if state is None:
        return build()
    portal = api.portal.get()
    catalog = api.portal.get_tool("portal_catalog")
    roles = tuple(sorted(catalog._listAllowedRolesAndUsers(getSecurityManager().getUser())))
    key = (
        "/".join(portal.getPhysicalPath()),
        state,
        date.today().isoformat(),
        roles,
        portal.absolute_url(),
        *parameters,
    )
    return answers().get(key, build)
