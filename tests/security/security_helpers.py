"""Helpers of the security tests: data written past validation, as data stored
before a check existed is, and the server's view of it."""

import transaction
from plone import api


def obj_at(url):
    """The item at an absolute URL, as the server last committed it."""
    transaction.begin()
    portal = api.portal.get()
    return portal.unrestrictedTraverse(url[len(portal.absolute_url()) :].lstrip("/"))


def store(obj, **values):
    """Write values straight on the item, reindex it and commit."""
    for name, value in values.items():
        setattr(obj, name, value)
    obj.reindexObject()
    transaction.commit()


def store_metadata(obj, **values):
    """Overwrite catalog metadata of the item (what an indexer of an older
    release wrote), and commit."""
    catalog = api.portal.get_tool("portal_catalog")._catalog
    rid = catalog.uids["/".join(obj.getPhysicalPath())]
    record = list(catalog.data[rid])
    for name, value in values.items():
        record[catalog.schema[name]] = value
    catalog.data[rid] = tuple(record)
    transaction.commit()
