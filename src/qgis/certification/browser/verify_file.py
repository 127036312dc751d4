"""The verification page's section that checks a certificate file: a form
posting the file to the page itself (a drop zone with ``verify-file.js``).

Posting a file writes nothing, so the form needs no CSRF token."""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18nmessageid import Message

from qgis.certification import _
from qgis.certification.certificates import file_verification


MESSAGES = {
    "original": _("This is an original certificate issued by the QGIS Certification Programme."),
    "replaced": _(
        "This file was issued by the programme, but the certificate was corrected on "
        "${date}: this file has been replaced."
    ),
    "revoked": _(
        "This file was issued by the programme, but the certificate has been revoked: "
        "it is no longer valid."
    ),
    "modified": _(
        "This file was not issued by the programme. It claims to be the certificate "
        "${code}: compare it with the original."
    ),
    "unknown": _("This file was not issued by the programme."),
}
LINKS = {
    "replaced": _("See the current certificate."),
    "modified": _("See the original certificate."),
}
ALERTS = {"original": "success", "replaced": "warning", "revoked": "danger"}


class VerifyFileSection(BrowserView):
    index = ViewPageTemplateFile("templates/verify_file.pt")
    details_macros = ViewPageTemplateFile("templates/certificate_details.pt")

    def __call__(self):
        return self.index()

    def uploaded(self):
        """The posted file's bytes, or None when no file was posted."""
        if self.request.get("REQUEST_METHOD") != "POST" or "file" not in self.request.form:
            return None
        upload = self.request.form.get("file")
        return file_verification.read_limited(upload) if hasattr(upload, "read") else b""

    def result(self):
        """The answer for the posted file, with its message, or an ``error``."""
        try:
            data = self.uploaded()
            if data is None:
                return None
            answer = file_verification.verify_file(data)
        except file_verification.FileRefused as refusal:
            return {"error": refusal.message}
        mapping = {"date": answer.get("replaced_on"), "code": answer.get("claimed_code")}
        answer["message"] = Message(MESSAGES[answer["result"]], mapping=mapping)
        answer["link"] = LINKS.get(answer["result"])
        return answer

    def alert_class(self, result):
        return ALERTS.get(result, "danger")
