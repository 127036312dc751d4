"""Classic UI for Open Badges: the links that offer a valid certificate's
credential on the verification page, and the form that verifies a pasted or
uploaded credential (shown on that page, answering on its own)."""

import json

from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.interface import Interface

from qgis.certification import _
from qgis.certification.browser.form_base import EmbeddedForm
from qgis.certification.browser.form_base import embedded
from qgis.certification.browser.form_base import with_valid_data
from qgis.certification.certificates.credentials import sharing
from qgis.certification.certificates.credentials.awards import award_for
from qgis.certification.certificates.credentials.checking import CredentialError
from qgis.certification.certificates.credentials.checking import check_credential


# A signed credential is a few kilobytes; this is far above any of them.
CREDENTIAL_LENGTH = 100_000


class IVerifyCredential(Interface):
    credential = schema.Text(
        title=_("Signed credential"), required=False, max_length=CREDENTIAL_LENGTH
    )
    upload = schema.Bytes(
        title=_("Credential file"),
        description=_("Paste the credential (a JWT) as downloaded, or upload its file."),
        max_length=CREDENTIAL_LENGTH,
        required=False,
    )


def _read(text):
    """A credential's JSON as a dict, else the text (a JWT)."""
    if text.startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


class VerifyCredentialForm(EmbeddedForm):
    view_name = "verify-credential"
    template = ViewPageTemplateFile("templates/verify_credential.pt")
    fields = field.Fields(IVerifyCredential)
    primary_buttons = ("verify",)
    enctype = "multipart/form-data"
    answer = None

    @button.buttonAndHandler(_("Check the credential"), name="verify")
    @with_valid_data
    def handle_verify(self, action, data):
        uploaded = (data.get("upload") or b"").decode("utf-8", "replace")
        text = (data.get("credential") or uploaded).strip()
        if not text:
            self.refuse(_("Paste a credential or upload its file."), "credential")
        try:
            self.answer = check_credential(_read(text))
        except CredentialError as refusal:
            self.refuse(refusal.message, "credential")

    def holder(self):
        subject = (self.answer or {}).get("credential") or {}
        identifiers = subject.get("credentialSubject", {}).get("identifier") or [{}]
        return identifiers[0].get("identityHash")

    def achievement(self):
        subject = (self.answer or {}).get("credential") or {}
        return subject.get("credentialSubject", {}).get("achievement", {}).get("name")


class OpenBadgeLinks:
    """Mixin of the verification page: the Open Badge links and form."""

    def open_badge(self, result):
        """The download and LinkedIn links of a valid certificate, or None."""
        if not result or "error" in result or not result.get("valid"):
            return None
        award = award_for(result["code"])
        if award is None:
            return None
        return {
            "download": sharing.download_url(award.code),
            "linkedin": sharing.linkedin_url(award),
        }

    def credential_form(self):
        return embedded(VerifyCredentialForm, self.context, self.request)
