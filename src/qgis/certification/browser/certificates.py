"""Classic UI for courses and certificates: the course page, PDFs, and the
public verification page (the course's forms are in ``course_forms``)."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.browser.course_forms import mailed_on
from qgis.certification.browser.credentials import OpenBadgeLinks
from qgis.certification.browser.own_fields import OwnFieldsView
from qgis.certification.browser.states import StateBadges
from qgis.certification.browser.verify_file import VerifyFileSection
from qgis.certification.certificates import codes
from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing
from qgis.certification.certificates import mailing
from qgis.certification.certificates import organisation_certificate
from qgis.certification.certificates import verification
from qgis.certification.content.organisation import organisation_of
from qgis.certification.payments import orders


def allow_fingerprint_write(request):
    """Handing out a certificate's PDF records its fingerprint: a write that
    plone.protect would refuse on a GET (see ``certificates.fingerprints``)."""
    alsoProvides(request, IDisableCSRFProtection)


def send_pdf(request, data, filename, disposition="inline"):
    response = request.response
    response.setHeader("Content-Type", "application/pdf")
    response.setHeader("Content-Disposition", f'{disposition}; filename="{filename}"')
    response.setHeader("Content-Length", str(len(data)))
    return data


class CertificatePdf(BrowserView):
    def __call__(self):
        allow_fingerprint_write(self.request)
        data = documents.certificate_pdf(self.context)
        return send_pdf(self.request, data, f"{self.context.code}.pdf")


class CertificatePreviewPdf(BrowserView):
    def __call__(self):
        type_id = self.request.form.get("certificate_type", "completion")
        try:
            data = documents.preview_pdf(self.context, type_id)
        except issuing.IssueError as refusal:  # no wording in the course's language
            self.request.response.setStatus(refusal.status)
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translate(refusal.message, context=self.request)
        return send_pdf(self.request, data, "preview.pdf")


class CertificatesZip(BrowserView):
    """Every certificate of the course the user may see, one PDF each."""

    def __call__(self):
        certificates = [
            brain.getObject()
            for brain in api.content.find(context=self.context, portal_type="Certificate")
        ]
        if not certificates:
            raise NotFound(
                translate(_("The course has no certificates yet."), context=self.request)
            )
        allow_fingerprint_write(self.request)
        data = documents.certificates_zip(certificates)
        response = self.request.response
        response.setHeader("Content-Type", "application/zip")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}-certificates.zip"'
        )
        return data


class CourseView(StateBadges, OwnFieldsView):
    def can(self, permission):
        return api.user.has_permission(permission, obj=self.context)

    def attendees(self):
        if not self.can(permissions.MANAGE_ATTENDEES):
            return []
        return issuing.attendees_of(self.context)

    def certificates(self):
        return api.content.find(
            context=self.context, portal_type="Certificate", sort_on="sortable_title"
        )

    def organisation(self):
        return organisation_of(self.context)

    def may_mail(self):
        return self.can(permissions.ISSUE_CERTIFICATES)

    def mailed(self, brain):
        """When and to which address the certificate was last mailed, or None."""
        mailed = mailing.last_mailed(brain.getObject())
        if mailed is None:
            return None
        return {"date": mailed_on(mailed["date"]), "email": mailed["email"] or ""}


@implementer(IPublishTraverse)
class VerifyView(OpenBadgeLinks, BrowserView):
    """``/verify`` (a form), ``/verify/<code>`` (the result) and
    ``/verify/<code>/certificate.pdf`` (the PDF of a valid certificate)."""

    code = None
    wants_pdf = False
    details_macros = ViewPageTemplateFile("templates/certificate_details.pt")

    def publishTraverse(self, request, name):
        if self.code is None:
            self.code = name
        elif name == "certificate.pdf":
            self.wants_pdf = True
        else:
            raise NotFound(name)
        return self

    def typed(self):
        return self.code or self.request.form.get("code", "")

    def result(self):
        typed = self.typed()
        if not typed:
            return None
        if codes.is_sample(typed):
            return {"error": verification.SAMPLE_MESSAGE}
        code = codes.normalize(typed)
        if code is None:
            return {"error": _("This is not a valid code: check it for typing mistakes.")}
        holder, verifier = verification.find(code)
        if holder is None:
            return {"error": _("No certificate has this code.")}
        return dict(verifier.verification(holder), pdf=verifier.pdf_url(holder))

    def file_section(self):
        """The section that checks a certificate file (``verify_file``)."""
        return VerifyFileSection(self.context, self.request)()

    def __call__(self):
        if self.wants_pdf:
            result = self.result()
            if not result or "error" in result or not result["valid"]:
                raise NotFound(self.code)
            holder, verifier = verification.find(result["code"])
            allow_fingerprint_write(self.request)
            return send_pdf(self.request, verifier.pdf(holder), f"{result['code']}.pdf")
        return self.index()


class InvoicePdf(BrowserView):
    def __call__(self):
        return send_pdf(
            self.request, orders.invoice_pdf(self.context), f"{self.context.number}.pdf"
        )


class OrganisationCertificatePdf(BrowserView):
    def __call__(self):
        if organisation_certificate.organisation_certificate(self.context) is None:
            raise NotFound("organisation-certificate.pdf")
        data = organisation_certificate.organisation_certificate_pdf(self.context)
        return send_pdf(self.request, data, "authorised-training-provider.pdf")
