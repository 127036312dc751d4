"""The revocation list of the programme's credentials (W3C Bitstring Status List).

Bit ``i`` of list ``n`` is set when the credential with index
``(n - 1) * LIST_SIZE + i`` is revoked: an attendee's certificate in the
state ``revoked``, an organisation's certificate whose organisation is no
longer certified, and what the other kinds of certificate add with
``register_revoked`` (a trainer's certificate that lapsed or was revoked).
The list is read from the catalog alone (states, dates and the code index),
never from the certificates themselves.
"""

import gzip
from base64 import urlsafe_b64decode
from base64 import urlsafe_b64encode
from datetime import UTC
from datetime import datetime

from plone import api

from qgis.certification.certificates.credentials import badges
from qgis.certification.certificates.credentials import status_register


CODE_INDEX = "qgis_certificate_code"
#: functions ``catalog -> brains`` of other kinds of certificate no longer valid
REVOKED_SOURCES = []


def register_revoked(source):
    """Add ``source(catalog) -> brains``: the holders of another kind of
    certificate whose certificate is no longer valid."""
    if source not in REVOKED_SOURCES:
        REVOKED_SOURCES.append(source)


def _codes(brains, catalog):
    index = catalog._catalog.getIndex(CODE_INDEX)
    found = (index.getEntryForObject(brain.getRID()) for brain in brains)
    return [code for code in found if code]


def revoked_codes():
    """The codes of every revoked certificate, from the catalog."""
    catalog = api.portal.get_tool("portal_catalog")
    certificates = catalog.unrestrictedSearchResults(
        portal_type="Certificate", review_state="revoked"
    )
    organisations = [
        brain
        for brain in catalog.unrestrictedSearchResults(portal_type="CertifyingOrganisation")
        if brain.review_state != "published"
    ]
    found = _codes(certificates, catalog) + _codes(organisations, catalog)
    for source in REVOKED_SOURCES:
        found.extend(_codes(source(catalog), catalog))
    return found


def list_count():
    """How many lists the issued credentials fill (at least one)."""
    return max(1, -(-status_register.next_free_index() // status_register.LIST_SIZE))


def encoded_list(number):
    """List ``number``'s bits, GZIP-compressed, as multibase base64url ("u...")."""
    bits = bytearray(status_register.LIST_SIZE // 8)
    first = (number - 1) * status_register.LIST_SIZE
    for index in status_register.indexes_of(revoked_codes()):
        position = index - first
        if 0 <= position < status_register.LIST_SIZE:
            bits[position // 8] |= 0x80 >> (position % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def is_revoked(encoded, position):
    """Whether bit ``position`` of an encoded list is set."""
    padded = encoded[1:] + "=" * (-len(encoded[1:]) % 4)
    bits = gzip.decompress(urlsafe_b64decode(padded))
    return bool(bits[position // 8] & (0x80 >> (position % 8)))


def status_list_credential(number):
    """The ``BitstringStatusListCredential`` of list ``number`` (JSON, unsigned)."""
    url = badges.status_list_url(number)
    now = datetime.now(UTC).replace(microsecond=0)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": badges.issuer(),
        "validFrom": now.isoformat().replace("+00:00", "Z"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list(number),
        },
    }
