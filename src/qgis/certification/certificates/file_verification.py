"""A certificate file checked against the fingerprints of the files the
programme handed out: the ``@verify-file`` service and the verification page
both answer with ``verify_file``. The file is read, never stored."""

import re

from qgis.certification import _
from qgis.certification.certificates import codes
from qgis.certification.certificates import documents
from qgis.certification.certificates import fingerprints
from qgis.certification.certificates import issuing
from qgis.certification.certificates.verification import verification
from qgis.certification.pdf.reading import UnreadablePdf
from qgis.certification.pdf.reading import metadata_texts
from qgis.certification.refusals import Refusal


#: The largest file read (a certificate PDF is about 50 kB).
MAX_BYTES = 5 * 1024 * 1024

TOO_LARGE = _(
    "The file is too large: certificates are smaller than ${limit} MB.",
    mapping={"limit": MAX_BYTES // (1024 * 1024)},
)
NOT_A_PDF = _("This file is not a PDF: choose the certificate's PDF file.")
NO_FILE = _("Choose the certificate's PDF file.")

# "QGIS-7KX9-P2QM-4" and the like, wherever the metadata names one
CODE_PATTERN = re.compile(r"QGIS(?:-[0-9A-Z]{4}){2}-[0-9A-Z]", re.IGNORECASE)


class FileRefused(Refusal):
    """A file that cannot be checked: none, too large, or not a PDF."""


def read_limited(stream):
    """At most ``MAX_BYTES`` of ``stream``; raises ``FileRefused`` (413) beyond."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FileRefused(413, TOO_LARGE, field="file")
    return data


def claimed_code(data: bytes) -> str | None:
    """The certificate code the file's metadata names, or None."""
    try:
        texts = metadata_texts(data)
    except UnreadablePdf as error:
        raise FileRefused(400, NOT_A_PDF, field="file") from error
    for text in texts:
        for found in CODE_PATTERN.findall(text):
            code = codes.normalize(found)
            if code is not None:
                return code
    return None


def _known(certificate, replaced_on):
    """The answer for a file the programme handed out."""
    if not verification(certificate)["valid"]:
        return {"result": "revoked"}
    if replaced_on:
        return {"result": "replaced", "replaced_on": replaced_on}
    return {"result": "original"}


def verify_file(data: bytes) -> dict:
    """``{"result", "fingerprint", "certificate", "verify_url", ...}``.

    ``result`` is ``original``, ``replaced`` (with ``replaced_on``) or
    ``revoked`` for a file the programme handed out; ``modified`` for another
    file whose metadata names a certificate (``claimed_code``: compare it with
    that certificate); ``unknown`` otherwise. Raises ``FileRefused``."""
    if not data:
        raise FileRefused(400, NO_FILE, field="file")
    code = claimed_code(data)  # refuses what is not a PDF, known or not
    digest = fingerprints.fingerprint(data)
    certificate, replaced_on = fingerprints.find(digest)
    if certificate is not None:
        answer = _known(certificate, replaced_on)
    else:
        certificate = issuing.find_certificate(code) if code else None
        answer = {"result": "modified" if certificate else "unknown", "claimed_code": code}
    answer["fingerprint"] = digest
    answer["certificate"] = verification(certificate) if certificate else None
    answer["verify_url"] = documents.verify_url(certificate.code) if certificate else None
    return answer
