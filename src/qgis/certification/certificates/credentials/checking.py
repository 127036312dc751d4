"""The verification of a credential sent back to the site.

Three questions, each answered on its own: is the proof valid (a VC-JWT
signed by one of the programme's keys, unchanged since), was it issued here,
and what is the certificate's status now (read from the published
revocation list). A tampered payload or signature, a key that is not the
programme's, a revoked certificate and one past its end date (a trainer's
that lapsed, or a credential whose ``validUntil`` has passed) each get their
own answer.
"""

from datetime import UTC
from datetime import datetime

import jwt

from qgis.certification import _
from qgis.certification.certificates import codes
from qgis.certification.certificates.credentials import badges
from qgis.certification.certificates.credentials import keys
from qgis.certification.certificates.credentials import status_list
from qgis.certification.certificates.credentials import status_register
from qgis.certification.certificates.credentials.awards import award_for
from qgis.certification.refusals import Refusal


NOT_A_CREDENTIAL = _(
    "This is not a signed credential: give the credential as downloaded (a JWT, "
    "three parts separated by dots)."
)
PROOF_MESSAGES = {
    "valid": _("The signature is valid: the credential is as the programme signed it."),
    "invalid": _(
        "The signature does not match: the credential was changed after it was signed, "
        "or signed with another key."
    ),
    "unknown-key": _(
        "The credential is signed with a key that is not one of the programme's: it was "
        "not issued here."
    ),
    "missing": _(
        "The credential carries no signature: give the signed credential (a JWT) as downloaded."
    ),
}
STATUS_MESSAGES = {
    "active": _("Valid certificate."),
    "revoked": _("This certificate has been revoked: it is no longer valid."),
    "expired": _("This certificate reached its end date: it is no longer valid."),
    "unknown": _("No certificate of the programme has this credential's code."),
}
RENEWED = _(
    "The certificate has been renewed since: its current credential is offered on its "
    "verification page."
)


class CredentialError(Refusal):
    """What was sent is not a credential at all."""


def _header(token):
    if not isinstance(token, str) or token.count(".") != 2:
        raise CredentialError(400, NOT_A_CREDENTIAL, field="credential")
    try:
        return jwt.get_unverified_header(token)
    except jwt.InvalidTokenError as error:
        raise CredentialError(400, NOT_A_CREDENTIAL, field="credential") from error


def _proof(token):
    """``(proof, payload)``: the payload only when the proof is valid."""
    token = token.strip() if isinstance(token, str) else token
    header = _header(token)
    if header.get("alg") != badges.ALGORITHM:
        return "invalid", None
    kid = str(header.get("kid") or "").rpartition("#")[2]
    public_key = keys.public_key(kid) if kid else None
    if public_key is None:
        return "unknown-key", None
    try:
        payload = jwt.decode(
            token,
            public_key,
            algorithms=[badges.ALGORITHM],
            options={"verify_nbf": False, "verify_exp": False, "verify_aud": False},
        )
    except jwt.InvalidTokenError:
        return "invalid", None
    return "valid", payload


def _code(payload):
    credential_id = payload.get("id")
    if not isinstance(credential_id, str):
        return None
    return codes.normalize(credential_id.rpartition("/")[2])


def _listed_revoked(payload):
    """Whether the credential's entry in the published list is set, or None
    when it names no entry of this site's lists."""
    entry = payload.get("credentialStatus")
    if not isinstance(entry, dict):
        return None
    url = str(entry.get("statusListCredential", ""))
    number, position = url.rpartition("/")[2], str(entry.get("statusListIndex", ""))
    if url != badges.status_list_url(number) or not (number.isdigit() and position.isdigit()):
        return None
    if int(number) < 1 or int(position) >= status_register.LIST_SIZE:
        return None
    return status_list.is_revoked(status_list.encoded_list(int(number)), int(position))


def _ended(payload):
    """Whether the credential's own ``validUntil`` has passed."""
    try:
        valid_until = badges.parse_instant(payload["validUntil"])
    except (KeyError, TypeError, AttributeError, ValueError):
        return False
    if valid_until.tzinfo is None:
        valid_until = valid_until.replace(tzinfo=UTC)
    return valid_until < datetime.now(UTC)


def _status(payload):
    """``(code, status, award)`` of the credential's certificate."""
    code = _code(payload)
    award = award_for(code) if code else None
    if award is None:
        return code, "unknown", None
    revoked = _listed_revoked(payload)
    if revoked is None:
        revoked = not award.active
    if revoked:
        return code, "expired" if award.expired else "revoked", award
    return code, "expired" if _ended(payload) else "active", award


def _messages(proof, status, award):
    messages = [PROOF_MESSAGES[proof]]
    if status is not None:
        messages.append(STATUS_MESSAGES[status])
    if status == "expired" and award is not None and award.active:
        messages.append(RENEWED)
    return messages


def check_credential(token):
    """The answer to "is this credential good?" for a compact VC-JWT
    (``token``), or a credential's JSON object: unsigned, so its status is
    told but it is not verified."""
    if isinstance(token, dict):
        proof, payload, shown = "missing", None, token
    else:
        proof, payload = _proof(token)
        shown = payload
    code, status, award = _status(shown) if shown is not None else (None, "unknown", None)
    return {
        "verified": proof == "valid" and status == "active",
        "proof": proof,
        "issued_here": proof == "valid",
        "status": status,
        "code": code,
        "messages": _messages(proof, status if shown is not None else None, award),
        "credential": payload,
    }
