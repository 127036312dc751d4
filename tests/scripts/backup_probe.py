"""Change or describe the site, for the backup and restore test.

Run with ``zconsole run <zope.conf> tests/scripts/backup_probe.py``; PROBE_MODE says what to do
first. ``dump`` changes nothing; ``change-backup-damage`` adds blobs (organisation logos, a PDF
file), credits and an invoice, prints the site (``PROBE-BACKED-UP <json>``), backs it up with
``python -m scripts.backup backup`` while the database stays open, as a running site does,
then deletes an organisation and the PDF, replaces a logo, archives an organisation, adds
credits and an invoice. Each description (``PROBE-RESULT <json>``) has every catalogued object
with its type and state, the certificate codes, ledger balances and entries, invoice numbers
and the SHA-256 of every blob-backed field.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import transaction
from Acquisition import aq_base
from PIL import Image
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

from qgis.certification.builders import certificates
from qgis.certification.certificates.organisation_certificate import organisation_certificate
from qgis.certification.certificates.organisation_certificate import organisation_certificate_pdf
from qgis.certification.payments.credits import balance_of
from qgis.certification.payments.credits import ledger_of
from qgis.certification.payments.orders import invoice_numbers
from qgis.certification.payments.orders import place_order


BLOB_FIELDS = ("file", "image", "logo", "signature")


def png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def organisations(portal, state=None):
    found = portal.organisations.objectValues()
    return [o for o in found if state is None or api.content.get_state(o) == state]


def describe_object(obj, path, result):
    result["items"][path] = [obj.portal_type, api.content.get_state(obj, default="")]
    for field in BLOB_FIELDS:
        value = getattr(aq_base(obj), field, None)
        if value is not None and hasattr(value, "open"):
            result["blobs"][f"{path}:{field}"] = hashlib.sha256(value.data).hexdigest()
    if obj.portal_type == "Certificate":
        result["certificates"][path] = obj.code
    elif obj.portal_type == "Invoice":
        result["invoices"][path] = obj.number
    elif obj.portal_type == "CertifyingOrganisation":
        record = organisation_certificate(obj)
        result["certificates"][path] = record["code"] if record else None
        ledger = ledger_of(obj, create=False)
        result["balances"][path] = [balance_of(obj), len(ledger) if ledger is not None else 0]


def describe(portal):
    result = {key: {} for key in ("items", "blobs", "certificates", "invoices", "balances")}
    site_path = "/".join(portal.getPhysicalPath())
    for brain in portal.portal_catalog.unrestrictedSearchResults(path=site_path):
        describe_object(brain._unrestrictedGetObject(), brain.getPath(), result)
    result["invoice_counter"] = {str(k): v for k, v in invoice_numbers().last.items()}
    return result


def change(portal):
    for number, organisation in enumerate(organisations(portal)):
        organisation.logo = NamedBlobImage(png((number * 40, 90, 200)), filename="logo.png")
    certified = organisations(portal, "published")[0]
    api.content.create(
        container=portal,
        type="File",
        id="certificate-pdf",
        title="Certificate PDF",
        file=NamedBlobFile(organisation_certificate_pdf(certified), filename="certificate.pdf"),
    )
    certificates.top_up(certified, 5, "Backup test transfer", "team")
    place_order(certified, 7, "invoice", "team")


def damage(portal):
    published = organisations(portal, "published")
    published[0].logo = NamedBlobImage(png((255, 0, 0)), filename="other.png")
    certificates.top_up(published[0], 3, "After the backup", "team")
    api.content.delete(obj=portal["certificate-pdf"])
    place_order(published[0], 2, "invoice", "team")
    # certificates are never deleted: an organisation without any goes
    api.content.delete(obj=organisations(portal, "rejected")[0], check_linkintegrity=False)
    api.content.transition(obj=published[-1], transition="archive")


def back_up():
    # zconsole runs this file without __file__; the test runs it from the project's folder
    command = [sys.executable, "-m", "scripts.backup", "backup"]
    result = subprocess.run(command, cwd=Path.cwd(), capture_output=True, text=True, timeout=120)
    print(f"PROBE-BACKUP {result.returncode} {result.stdout.strip()} {result.stderr.strip()}")
    return result.returncode


def main(app):
    portal = makerequest(app)[os.environ.get("SITE_ID", "Plone")]
    setSite(portal)
    if os.environ.get("PROBE_MODE", "dump") == "change-backup-damage":
        with api.env.adopt_roles(["Manager"]):
            change(portal)
        transaction.commit()
        print("PROBE-BACKED-UP " + json.dumps(describe(portal), sort_keys=True))
        if back_up():
            return 1
        with api.env.adopt_roles(["Manager"]):
            damage(portal)
        transaction.commit()
    print("PROBE-RESULT " + json.dumps(describe(portal), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(app))  # noqa: F821 - zconsole run provides ``app``
