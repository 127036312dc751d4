"""The SHA-256 fingerprints of the certificate PDFs the programme handed out.

A certificate's PDF is not stored (it is about 47 kB, the database keeps a few
kB per certificate): it is rendered on every download, in the ZIP of a course
and in the attendee's mail, deterministically, so the same certificate renders
the same bytes while the renderer is unchanged. Every rendering handed out
records its fingerprint on the certificate (once: the next rendering is the
same), and the catalog index ``qgis_pdf_fingerprints`` finds the certificate
of a fingerprint. A new renderer (other wording, fonts) adds a fingerprint and
keeps the earlier ones: every file ever handed out stays recognised.

A correction of the printed name replaces the files handed out before it: their
fingerprints are kept with the day of the correction.
"""

import hashlib
from datetime import date

from plone import api


INDEX = "qgis_pdf_fingerprints"


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recorded(certificate) -> dict:
    """``fingerprint -> None`` (the current file) or the ISO day it was replaced."""
    return dict(getattr(certificate, "pdf_fingerprints", ()))


def _store(certificate, known):
    certificate.pdf_fingerprints = tuple(known.items())
    certificate.reindexObject(idxs=[INDEX])


def record(certificate, data: bytes) -> str:
    """Note that ``data`` (a rendering of ``certificate``) was handed out."""
    digest = fingerprint(data)
    known = recorded(certificate)
    if digest in known and known[digest] is None:
        return digest
    # new, or a name corrected back to one printed before: current again
    known[digest] = None
    _store(certificate, known)
    return digest


def mark_replaced(certificate, day: date | None = None):
    """The files handed out so far show what is no longer true (a corrected name)."""
    day = (day or date.today()).isoformat()
    known = recorded(certificate)
    if known:
        _store(certificate, {digest: replaced or day for digest, replaced in known.items()})


def find(digest: str):
    """``(certificate, replaced_on)`` of a fingerprint, whoever asks, or ``(None, None)``."""
    brains = api.content.find(portal_type="Certificate", unrestricted=True, **{INDEX: digest})
    if not brains:
        return None, None
    certificate = brains[0]._unrestrictedGetObject()
    return certificate, recorded(certificate).get(digest)
