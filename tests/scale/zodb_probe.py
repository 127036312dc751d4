"""Describe the site in a database, to compare two copies of it.

Run with ``zconsole run <zope.conf> tests/scale/zodb_probe.py``. With
PROBE_ADD_FILE=1 it first adds a File (a blob) with random bytes to the site.
It prints one line ``PROBE-RESULT <json>``: every catalogued object (loaded
from the database, not only its catalog entry) with its type, state and
title, the SHA-256 of every File's and Image's bytes, and the credit balance
of every organisation.
"""

import hashlib
import json
import os
import sys

import transaction
from plone import api
from zope.component.hooks import setSite

from qgis.certification.payments.credits import balance_of


def describe(portal):
    catalog = portal.portal_catalog
    items, blobs, balances = {}, {}, {}
    site_path = "/".join(portal.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path=site_path):
        obj = brain._unrestrictedGetObject()
        path = brain.getPath()
        items[path] = [obj.portal_type, brain.review_state or "", obj.Title()]
        field = {"File": "file", "Image": "image"}.get(obj.portal_type)
        if field:
            blobs[path] = hashlib.sha256(getattr(obj, field).data).hexdigest()
        if obj.portal_type == "CertifyingOrganisation":
            balances[path] = balance_of(obj)
    return {"items": items, "blobs": blobs, "balances": balances}


def main(app):
    portal = app[os.environ.get("SITE_ID", "Plone")]
    setSite(portal)
    if os.environ.get("PROBE_ADD_FILE") == "1":
        from plone.namedfile.file import NamedBlobFile

        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal,
                type="File",
                id="probe-file",
                title="Probe file",
                file=NamedBlobFile(os.urandom(200_000), filename="probe.bin"),
            )
        transaction.commit()
    print("PROBE-RESULT " + json.dumps(describe(portal), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(app))  # noqa: F821 - zconsole run provides ``app``
