"""The Open Badges services: a certificate's credential, the issuer profile
with its public keys, the revocation lists, the verification of a credential,
and the rotation of the signing key.

``@credential/<code>`` and ``@credential-status/<n>`` answer JSON, or the
signed VC-JWT (``application/vc+jwt``) with ``?format=jwt`` or that
``Accept`` header; ``&download=1`` sends it as a file.
"""

import json

from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides

from qgis.certification import _
from qgis.certification.certificates.credentials import badges
from qgis.certification.certificates.credentials import checking
from qgis.certification.certificates.credentials import keys
from qgis.certification.certificates.credentials import status_list
from qgis.certification.certificates.credentials.awards import award_for
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError
from qgis.certification.services.base import parse_json_object
from qgis.certification.services.certificates.traversal import NameAfter
from qgis.certification.services.certificates.traversal import canonical_code
from qgis.certification.services.certificates.traversal import no_certificate


class Signed(str):
    """A compact VC-JWT answered as it is, not as JSON."""


class CredentialService(ProductService):
    """Answers JSON, or the signed form (see the module)."""

    filename = "credential"

    def wants_signed(self):
        accept = self.request.getHeader("Accept", "")
        return self.request.form.get("format") == "jwt" or accept == badges.MEDIA_TYPE

    def answer_credential(self, credential):
        return Signed(badges.sign(credential)) if self.wants_signed() else credential

    def render(self):
        self.check_permission()
        content = self.reply()
        if not isinstance(content, Signed):
            self.request.response.setHeader("Content-Type", self.content_type)
            return json.dumps(content, indent=2, sort_keys=True)
        response = self.request.response
        response.setHeader("Content-Type", badges.MEDIA_TYPE)
        if self.request.form.get("download"):
            response.setHeader("Content-Disposition", f'attachment; filename="{self.filename}.jwt"')
        return str(content)


class CredentialGet(NameAfter, CredentialService):
    """``GET /@credential/<code>``: anyone who has the code."""

    def answer(self):
        usage = _("Give the certificate's code: @credential/<code>.")
        code = canonical_code(self.traversed, usage)
        award = award_for(code)
        if award is None:
            raise no_certificate(code)
        self.filename = code
        return self.answer_credential(badges.open_badge_credential(award))


class CredentialStatusGet(NameAfter, CredentialService):
    """``GET /@credential-status/<n>``: revocation list ``n`` (from 1)."""

    def answer(self):
        number = self.traversed or ""
        if not number.isdigit() or not 1 <= int(number) <= status_list.list_count():
            raise ServiceError(
                404, _("There is no status list ${number}.", mapping={"number": number})
            )
        self.filename = f"status-list-{int(number)}"
        return self.answer_credential(status_list.status_list_credential(int(number)))


class IssuerGet(ProductService):
    """``GET /@issuer``: the programme's profile and its public keys."""

    def answer(self):
        return badges.issuer(with_keys=True)


class VerifyCredentialPost(ProductService):
    """``POST /@verify-credential``: the compact VC-JWT as the body (any
    non-JSON type), or JSON ``{"credential": "<JWT>" | {credential}}``."""

    fields = (
        Field(
            "credential",
            (str, dict),
            required=True,
            message=_("'credential' must be the signed credential (a JWT) or its JSON."),
        ),
    )

    def credential(self):
        content_type = self.request.getHeader("Content-Type", "") or ""
        if not content_type.startswith("application/json"):
            alsoProvides(self.request, IDisableCSRFProtection)
            text = (self.request.get("BODY") or b"").decode("utf-8", "replace").strip()
            if not text:
                raise ServiceError(400, checking.NOT_A_CREDENTIAL, field="credential")
            return text
        data = parse_json_object(self.request.get("BODY"))
        if "credential" not in data and "credentialSubject" in data:
            return data  # the credential's JSON itself
        return self.body()["credential"]

    refusals = (checking.CredentialError,)

    def answer(self):
        return checking.check_credential(self.credential())


class RotateKeyPost(ProductService):
    """``POST /@credential-keys`` (site managers): a new signing key; the
    old public keys stay published, so what they signed still verifies."""

    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        kid = keys.rotate_key()
        return {"kid": kid, "keys": keys.public_jwks()}
