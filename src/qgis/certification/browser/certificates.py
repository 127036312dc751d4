"""Classic UI for courses and certificates: the course page, attendee import,
issuing with a confirmation, PDFs, and the public verification page."""

import transaction
from plone import api
from plone.dexterity.browser.view import DefaultView
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from qgis.certification import _
from qgis.certification.certificates import codes
from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing
from qgis.certification.certificates import organisation_certificate
from qgis.certification.certificates.attendees import import_attendees
from qgis.certification.content.organisation import organisation_of
from qgis.certification.payments import orders
from qgis.certification.payments.credits import balance_of
from qgis.certification.services.certificates import verification


def send_pdf(request, data, filename, disposition="inline"):
    response = request.response
    response.setHeader("Content-Type", "application/pdf")
    response.setHeader("Content-Disposition", f'{disposition}; filename="{filename}"')
    response.setHeader("Content-Length", str(len(data)))
    return data


class CertificatePdf(BrowserView):
    def __call__(self):
        data = documents.certificate_pdf(self.context)
        return send_pdf(self.request, data, f"{self.context.code}.pdf")


class CertificatePreviewPdf(BrowserView):
    def __call__(self):
        type_id = self.request.form.get("certificate_type", "completion")
        data = documents.preview_pdf(self.context, type_id)
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
        data = documents.certificates_zip(certificates)
        response = self.request.response
        response.setHeader("Content-Type", "application/zip")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}-certificates.zip"'
        )
        return data


class CourseView(DefaultView):
    def can(self, permission):
        return api.user.has_permission(permission, obj=self.context)

    def attendees(self):
        if not self.can("qgis.certification: Manage attendees"):
            return []
        return issuing.attendees_of(self.context)

    def certificates(self):
        return api.content.find(
            context=self.context, portal_type="Certificate", sort_on="sortable_title"
        )

    def organisation(self):
        return organisation_of(self.context)


class ImportAttendeesForm(BrowserView):
    errors = ()

    def __call__(self):
        if self.request.method == "POST" and "form.buttons.import" in self.request.form:
            CheckAuthenticator(self.request)
            upload = self.request.form.get("file")
            data = upload.read(10_000_000) if upload else b""
            result, created, skipped = import_attendees(self.context, data)
            if not result.ok:
                transaction.doom()
                self.errors = result.errors
            else:
                api.portal.show_message(
                    _(
                        "${count} attendees imported, ${skipped} already in the course.",
                        mapping={"count": len(created), "skipped": len(skipped)},
                    ),
                    self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()


class IssueCertificatesForm(BrowserView):
    """Choose attendees and a type, see the cost and the balance, confirm."""

    error = None
    confirming = False

    def types(self):
        return sorted(issuing.certificate_types().items())

    def attendees(self):
        return issuing.attendees_of(self.context)

    def balance(self):
        return balance_of(organisation_of(self.context))

    def price(self):
        return f"{issuing.setting('credit_price')} {issuing.setting('currency')}"

    def selected(self):
        chosen = self.request.form.get("attendees") or []
        return [chosen] if isinstance(chosen, str) else list(chosen)

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            attendees = "all" if form.get("all") else self.selected()
            if "form.buttons.review" in form:
                if not attendees:
                    self.error = _("Choose at least one attendee.")
                else:
                    self.confirming = True
            elif "form.buttons.issue" in form:
                try:
                    certificates, balance = issuing.issue_certificates(
                        self.context,
                        attendees,
                        form.get("certificate_type", ""),
                        api.user.get_current().getId(),
                    )
                except issuing.IssueError as refusal:
                    transaction.doom()
                    self.error = refusal.message
                else:
                    api.portal.show_message(
                        _(
                            "${count} certificates issued; ${balance} credits left.",
                            mapping={"count": len(certificates), "balance": balance},
                        ),
                        self.request,
                    )
                    return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def cost(self):
        if self.request.form.get("all"):
            return len(self.attendees())
        return len(self.selected())


@implementer(IPublishTraverse)
class VerifyView(BrowserView):
    """``/verify`` (a form), ``/verify/<code>`` (the result) and
    ``/verify/<code>/certificate.pdf`` (the PDF of a valid certificate)."""

    code = None
    wants_pdf = False

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
        code = codes.normalize(typed)
        if code is None:
            return {"error": _("This is not a valid code: check it for typing mistakes.")}
        certificate = issuing.find_certificate(code)
        if certificate is None:
            organisation = issuing.find_certificate(code, "CertifyingOrganisation")
            if organisation is None:
                return {"error": _("No certificate has this code.")}
            return dict(
                organisation_certificate.verification(organisation),
                pdf=f"{organisation.absolute_url()}/@@organisation-certificate.pdf",
            )
        return dict(
            verification(certificate),
            pdf=f"{documents.verify_url(code)}/certificate.pdf",
        )

    def __call__(self):
        if self.wants_pdf:
            result = self.result()
            if not result or "error" in result or not result["valid"]:
                raise NotFound(self.code)
            certificate = issuing.find_certificate(result["code"])
            data = documents.certificate_pdf(certificate)
            return send_pdf(self.request, data, f"{certificate.code}.pdf")
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
        language = api.portal.get_current_language()[:2]
        data = organisation_certificate.organisation_certificate_pdf(
            self.context, language if language in ("en", "ro", "sv") else "en"
        )
        return send_pdf(self.request, data, "authorised-training-provider.pdf")


class MailCertificatesForm(BrowserView):
    """The course page's "mail the certificates" button."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        certificates = [
            brain.getObject()
            for brain in api.content.find(
                context=self.context, portal_type="Certificate", review_state="issued"
            )
        ]
        sent, failed = documents.mail_certificates(certificates)
        api.portal.show_message(
            _("${count} certificates mailed.", mapping={"count": len(sent)}), self.request
        )
        for item in failed:
            api.portal.show_message(
                _(
                    "Not mailed to ${name} (${code}): no valid e-mail address.",
                    mapping={"name": item["name"], "code": item["code"]},
                ),
                self.request,
                type="warning",
            )
        return self.request.response.redirect(self.context.absolute_url() + "#certificates")


class BuyCreditsForm(BrowserView):
    """The organisation page's order form: by invoice or by card."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        try:
            credits = int(self.request.form.get("credits", ""))
        except ValueError:
            credits = None
        try:
            order = orders.place_order(
                self.context,
                credits,
                self.request.form.get("method"),
                api.user.get_current().getId(),
            )
        except orders.OrderError as refusal:
            transaction.doom()
            api.portal.show_message(refusal.message, self.request, type="error")
            return self.request.response.redirect(self.context.absolute_url() + "#credits")
        if order.get("checkout_url"):
            return self.request.response.redirect(order["checkout_url"])
        api.portal.show_message(
            _("Your invoice was created and mailed to you; the credits follow your transfer."),
            self.request,
        )
        return self.request.response.redirect(self.context.absolute_url() + "#credits")
