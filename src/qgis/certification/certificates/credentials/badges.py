"""The Open Badges 3.0 ``OpenBadgeCredential`` of an award, and its signature.

The proof is the VC-JWT format Open Badges 3.0 accepts: the credential is the
payload of a JSON Web Token signed with the programme's Ed25519 key (EdDSA),
whose header names the key (``kid``). Nothing needs JSON-LD processing, so no
context is ever fetched. The key ids are listed in the issuer profile,
``@issuer``, each as a verification method ``<issuer>#<kid>``.
"""

from datetime import UTC
from datetime import datetime
from datetime import time

import jwt
from plone import api

from qgis.certification.certificates import documents
from qgis.certification.certificates.credentials import keys
from qgis.certification.certificates.credentials import status_register
from qgis.certification.certificates.credentials.awards import PROGRAMME


CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
MEDIA_TYPE = "application/vc+jwt"
ALGORITHM = "EdDSA"


def site_url():
    return api.portal.get().absolute_url()


def issuer_id():
    return f"{site_url()}/@issuer"


def credential_id(code):
    return f"{site_url()}/@credential/{code}"


def status_list_url(number):
    return f"{site_url()}/@credential-status/{number}"


def issuer(with_keys=False):
    """The programme's Profile; ``with_keys`` adds its public keys."""
    profile = {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": PROGRAMME,
        "url": site_url(),
        "email": api.portal.get_registry_record("plone.email_from_address") or None,
    }
    profile = {name: value for name, value in profile.items() if value}
    if with_keys:
        profile["@context"] = CONTEXT
        profile["verificationMethod"] = [
            {
                "id": f"{issuer_id()}#{jwk['kid']}",
                "type": "JsonWebKey",
                "controller": issuer_id(),
                "publicKeyJwk": jwk,
            }
            for jwk in keys.public_jwks()
        ]
    return profile


def _moment(day):
    return datetime.combine(day, time(0), tzinfo=UTC)


def parse_instant(text):
    """The moment of an instant as a credential writes it (``...Z``)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _instant(day):
    return _moment(day).isoformat().replace("+00:00", "Z")


def _last_instant(day):
    """The last second of ``day``: a certificate is valid through its end date."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC).isoformat().replace("+00:00", "Z")


def _profile(party):
    return {"id": party.url, "type": ["Profile"], "name": party.name}


def achievement_json(achievement):
    return {
        "id": achievement.id,
        "type": ["Achievement"],
        "achievementType": achievement.achievement_type,
        "name": achievement.name,
        "description": achievement.description,
        "criteria": {"narrative": achievement.criteria},
        "creator": _profile(achievement.creator),
    }


def _subject(award):
    subject = {
        "type": ["AchievementSubject"],
        # the holder is named, never identified by an e-mail address
        "identifier": [
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": award.holder,
            }
        ],
        "achievement": achievement_json(award.achievement),
        "source": _profile(award.organisation),
    }
    if award.period:
        subject["activityStartDate"] = _instant(award.period[0])
        subject["activityEndDate"] = _instant(award.period[1])
    return subject


def status_entry(code):
    """The credential's place in the revocation list, or None without one."""
    index = status_register.index_of(code)
    if index is None:
        return None
    url = status_list_url(status_register.list_number(index))
    position = str(index % status_register.LIST_SIZE)
    return {
        "id": f"{url}#{position}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": position,
        "statusListCredential": url,
    }


def open_badge_credential(award):
    """The credential of ``award`` as JSON, without its proof."""
    credential = {
        "@context": CONTEXT,
        "id": credential_id(award.code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{award.achievement.name}: {award.holder}",
        "issuer": issuer(),
        "validFrom": _instant(award.issue_date),
        "credentialSubject": _subject(award),
        "evidence": [
            {
                "id": documents.verify_url(award.code),
                "type": ["Evidence"],
                "name": f"Verification page of the certificate {award.code}",
            }
        ],
    }
    if award.valid_until is not None:
        credential["validUntil"] = _last_instant(award.valid_until)
    entry = status_entry(award.code)
    if entry is not None:
        credential["credentialStatus"] = entry
    return credential


def sign(credential):
    """The compact VC-JWT of a credential (JSON), signed with the current key.

    The registered claims repeat the credential's own members, as Open Badges
    3.0 asks: ``iss`` its issuer, ``jti`` its id, ``nbf`` its validFrom and,
    when it ends, ``exp`` its validUntil."""
    kid, private_key = keys.signing_key()
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(parse_instant(credential["validFrom"]).timestamp()),
    }
    if "validUntil" in credential:
        claims["exp"] = int(parse_instant(credential["validUntil"]).timestamp())
    headers = {"kid": f"{credential['issuer']['id']}#{kid}", "typ": "JWT"}
    return jwt.encode(claims, private_key, algorithm=ALGORITHM, headers=headers)


def signed_credential(award):
    return sign(open_badge_credential(award))
