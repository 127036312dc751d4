"""The place of each certificate in the programme's revocation list.

A certificate gets the next free index when it is issued. The counter is one
persistent object without conflict resolution: two issuings at the same time
conflict in ZODB and one is retried, so no index is ever given twice.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api

from qgis.certification.annotations import stored


KEY = "qgis.certification.credential-status"
# Bitstring Status List: at least 16 KB (131,072 entries) per list.
LIST_SIZE = 131072


class StatusRegister(Persistent):
    def __init__(self):
        self.next_index = 0
        self.indexes = OOBTree()


def _register(create=False):
    return stored(api.portal.get(), KEY, StatusRegister, create=create)


def assign_index(code):
    """The index of ``code`` in the status list, given now when it has none."""
    register = _register(create=True)
    index = register.indexes.get(code)
    if index is None:
        index = register.indexes[code] = register.next_index
        register.next_index = index + 1
    return index


def index_of(code):
    """The index of ``code``, or None when it was never given one."""
    register = _register()
    return register.indexes.get(code) if register else None


def indexes_of(codes):
    """The indexes of those ``codes`` that have one."""
    register = _register()
    if not register:
        return []
    found = (register.indexes.get(code) for code in codes)
    return [index for index in found if index is not None]


def next_free_index():
    register = _register()
    return register.next_index if register else 0


def list_number(index):
    """The number (from 1) of the status list that holds ``index``."""
    return index // LIST_SIZE + 1


def status_list_number(code):
    """The number of the status list that holds ``code``, or None."""
    index = index_of(code)
    return None if index is None else list_number(index)
