"""REST endpoints of credits and certificates."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from qgis.certification import _
from qgis.certification.certificates import attendee_import
from qgis.certification.certificates import codes
from qgis.certification.certificates import issuing
from qgis.certification.certificates import organisation_certificate
from qgis.certification.certificates.attendees import import_attendees
from qgis.certification.certificates.documents import mail_certificates
from qgis.certification.certificates.organisation_certificate import issue_organisation_certificate
from qgis.certification.payments import orders
from qgis.certification.payments.credits import InsufficientCredits
from qgis.certification.payments.credits import ledger_of


class JsonService(Service):
    """A POST service reading a JSON object and answering errors as JSON."""

    def error(self, status, message, **details):
        self.request.response.setStatus(status)
        kind = {400: "BadRequest", 402: "PaymentRequired", 403: "Forbidden", 404: "NotFound",
                409: "Conflict"}.get(status, "Error")  # fmt: skip
        return {"error": {"type": kind, "message": translate(message, context=self.request),
                          **details}}  # fmt: skip

    def body(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except DeserializationError:
            data = None
        return data if isinstance(data, dict) else None


def price():
    return {
        "amount": str(issuing.setting("credit_price")),
        "currency": issuing.setting("currency"),
    }


class CreditsGet(Service):
    def reply(self):
        ledger = ledger_of(self.context, create=False)
        return {
            "@id": f"{self.context.absolute_url()}/@credits",
            "balance": ledger.balance if ledger is not None else 0,
            "price": price(),
            "entries": ledger.entries() if ledger is not None else [],
        }


class CreditAdjustmentPost(JsonService):
    """The certification team's adjustment: a whole number of credits and a reason."""

    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("The body must be a JSON object."))
        amount = data.get("amount")
        reason = (data.get("reason") or "").strip() if isinstance(data.get("reason"), str) else ""
        if not isinstance(amount, int) or isinstance(amount, bool) or amount == 0:
            return self.error(
                400, _("'amount' must be a whole, non-zero number of credits."), field="amount"
            )
        if not reason:
            return self.error(
                400, _("Say why the balance changes: 'reason' is required."), field="reason"
            )
        try:
            entry = ledger_of(self.context).append(
                amount, "adjustment", reason, api.user.get_current().getId()
            )
        except InsufficientCredits as refusal:
            return self.error(400, refusal.message(), balance=refusal.balance)
        self.request.response.setStatus(201)
        return entry


class IssueCertificatesPost(JsonService):
    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("The body must be a JSON object."))
        try:
            certificates, balance = issuing.issue_certificates(
                self.context,
                data.get("attendees"),
                data.get("certificate_type") or "",
                api.user.get_current().getId(),
            )
        except issuing.IssueError as refusal:
            return self.error(refusal.status, refusal.message, **refusal.details)
        self.request.response.setStatus(201)
        return {
            "issued": [
                {
                    "@id": certificate.absolute_url(),
                    "code": certificate.code,
                    "attendee": certificate.attendee,
                    "name": certificate.printed_name,
                }
                for certificate in certificates
            ],
            "balance": balance,
        }


class CorrectCertificatePost(JsonService):
    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("The body must be a JSON object."))
        try:
            issuing.correct_certificate(self.context, data.get("first_name"), data.get("last_name"))
        except issuing.IssueError as refusal:
            return self.error(refusal.status, refusal.message)
        return {"@id": self.context.absolute_url(), "name": self.context.printed_name}


class RevokePost(JsonService):
    """Revoke with the team's refund choice (``@workflow/revoke`` works too)."""

    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("The body must be a JSON object."))
        refund = bool(data.get("refund")) and issuing.may_act_late(self.context)
        try:
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context, "revoke", comment=data.get("comment") or "", refund=refund
            )
        except WorkflowException as refusal:
            return self.error(400, str(refusal))
        return {"state": "revoked", "balance": issuing.balance_for(self.context)}


def verification(certificate):
    """What anyone may know of a certificate: never the attendee's e-mail."""
    state = api.content.get_state(certificate)
    certificate_type = issuing.certificate_types().get(certificate.certificate_type)
    return {
        "valid": state == "issued",
        "state": state,
        "code": certificate.code,
        "name": certificate.printed_name,
        "certificate_type": certificate.certificate_type,
        "certificate_type_title": (
            certificate_type.Title() if certificate_type else certificate.certificate_type
        ),
        "course": certificate.course_type_title,
        "organisation": certificate.organisation_title,
        "start_date": certificate.start_date.isoformat(),
        "end_date": certificate.end_date.isoformat(),
        "issue_date": certificate.issue_date.isoformat(),
    }


@implementer(IPublishTraverse)
class VerifyGet(JsonService):
    code = None

    def publishTraverse(self, request, name):
        if self.code is None:
            self.code = name
        return self

    def reply(self):
        if not self.code:
            return self.error(400, _("Give the code to verify: @verify/<code>."))
        code = codes.normalize(self.code)
        if code is None:
            return self.error(
                400,
                _(
                    "'${code}' is not a valid certificate code: check it for typing "
                    "mistakes (codes look like QGIS-7KX9-P2QM-4).",
                    mapping={"code": self.code},
                ),
            )
        certificate = issuing.find_certificate(code)
        if certificate is None:
            organisation = issuing.find_certificate(code, "CertifyingOrganisation")
            if organisation is not None:
                return organisation_certificate.verification(organisation)
            return self.error(
                404, _("No certificate has the code ${code}.", mapping={"code": code})
            )
        return verification(certificate)


class ImportAttendeesPost(JsonService):
    """``POST <course>/@import-attendees`` with a CSV body (``text/csv``)."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        length = int(self.request.get_header("Content-Length") or 0)
        if length > attendee_import.MAX_BYTES:
            return self.error(
                413,
                _(
                    "The file is too large: at most ${limit} bytes are accepted.",
                    mapping={"limit": attendee_import.MAX_BYTES},
                ),
            )
        self.request.stdin.seek(0)
        data = self.request.stdin.read(attendee_import.MAX_BYTES + 1)
        result, created, skipped = import_attendees(self.context, data)
        if not result.ok:
            rows = [
                {"line": error["line"], "reason": translate(error["reason"], context=self.request)}
                for error in result.errors
            ]
            return self.error(400, _("The file was not imported: nothing changed."), rows=rows)
        self.request.response.setStatus(201)
        return {
            "imported": len(created),
            "skipped": skipped,
            "items": [
                {"@id": attendee.absolute_url(), "UID": attendee.UID(), "name": attendee.Title()}
                for attendee in created
            ],
        }


class CreditOrdersPost(JsonService):
    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("The body must be a JSON object."))
        try:
            summary = orders.place_order_summary(
                self.context,
                data.get("credits"),
                data.get("method"),
                api.user.get_current().getId(),
            )
        except orders.OrderError as refusal:
            return self.error(refusal.status, refusal.message, **refusal.details)
        self.request.response.setStatus(201)
        return summary


class InvoicesGet(Service):
    def reply(self):
        items = orders.order_summaries(self.context)
        return {"@id": f"{self.context.absolute_url()}/@invoices", "items": items}


class StripeWebhookPost(JsonService):
    """Stripe's signed notification of a completed Checkout payment."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        self.request.stdin.seek(0)
        payload = self.request.stdin.read(1_000_000)
        signature = self.request.get_header("Stripe-Signature") or ""
        try:
            status = orders.handle_stripe_event(payload, signature)
        except orders.OrderError as refusal:
            return self.error(refusal.status, refusal.message, **refusal.details)
        return {"status": status}


class OrganisationCertificatePost(JsonService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            record = issue_organisation_certificate(self.context, api.user.get_current().getId())
        except issuing.IssueError as refusal:
            return self.error(refusal.status, refusal.message)
        self.request.response.setStatus(201)
        return dict(record, pdf=f"{self.context.absolute_url()}/@@organisation-certificate.pdf")


class MailCertificatesPost(JsonService):
    """Mail attendees their certificate (link and PDF); report who could not be mailed."""

    def reply(self):
        data = self.body() or {}
        wanted = data.get("certificates", "all")
        brains = api.content.find(
            context=self.context, portal_type="Certificate", review_state="issued"
        )
        if wanted != "all":
            if not isinstance(wanted, list):
                return self.error(
                    400,
                    _("'certificates' must be \"all\" or a list of UIDs."),
                    field="certificates",
                )
            brains = [brain for brain in brains if brain.UID in wanted]
        sent, failed = mail_certificates([brain.getObject() for brain in brains])
        return {"sent": sent, "failed": failed}
