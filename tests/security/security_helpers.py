"""Helpers of the security tests: what the server committed, data written past
validation (as data stored before a check existed is), and whether an answer says
yes or no."""

import transaction
from plone import api


DENIED = (401, 403)


def obj_at(url):
    """The object behind ``url``, as the server committed it."""
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


def allowed(response):
    assert response.status_code in (200, 201, 204, *DENIED), (
        response.status_code,
        response.text[:300],
    )
    return response.status_code not in DENIED


def last_transaction(portal):
    """The id of the storage's last committed transaction, as this thread sees
    it: unchanged across a request, the request wrote nothing."""
    transaction.begin()
    return portal._p_jar.db().lastTransaction()
