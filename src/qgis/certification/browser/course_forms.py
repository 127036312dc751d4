"""The course's forms: importing attendees from a CSV file, issuing
certificates (the cost is confirmed first) and mailing them to the attendees.
The rules are in ``certificates/``; these forms turn the request into a call."""

import uuid

from DateTime import DateTime
from plone import api
from plone.app.z3cform.widgets.checkbox import CheckBoxFieldWidget
from plone.app.z3cform.widgets.radio import RadioFieldWidget
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form.interfaces import HIDDEN_MODE
from zope import schema
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.browser.form_base import ProductForm
from qgis.certification.browser.form_base import handler_with
from qgis.certification.browser.form_base import with_valid_data
from qgis.certification.certificates import issuing
from qgis.certification.certificates import mailing
from qgis.certification.certificates.attendees import import_attendees
from qgis.certification.content.organisation import organisation_of
from qgis.certification.payments.credits import balance_of


class IImportAttendees(Interface):
    file = schema.Bytes(title=_("CSV file"), required=True)


class ImportAttendeesForm(ProductForm):
    template = ViewPageTemplateFile("templates/import_attendees.pt")
    fields = field.Fields(IImportAttendees)
    primary_buttons = ("import",)
    enctype = "multipart/form-data"

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        self.widgets["file"].accept = ".csv,text/csv"

    def rows_refused(self, errors):
        summary = _(
            "The file was not imported: nothing changed. Correct these rows and upload it again:"
        )
        reasons = [translate(error["reason"], context=self.request) for error in errors]
        return " ".join([translate(summary, context=self.request), *reasons])

    @button.buttonAndHandler(_("Import"), name="import")
    @with_valid_data
    def handle_import(self, action, data):
        result, created, skipped = import_attendees(self.context, data["file"])
        if not result.ok:
            self.refuse(self.rows_refused(result.errors), "file")
        api.portal.show_message(
            _(
                "${count} attendees imported, ${skipped} already in the course.",
                mapping={"count": len(created), "skipped": len(skipped)},
            ),
            self.request,
        )
        self.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.redirect(self.context.absolute_url())


@provider(IContextSourceBinder)
def certificate_types(context):
    return SimpleVocabulary(
        [
            SimpleTerm(type_id, type_id, issuing.type_title(item))
            for type_id, item in sorted(issuing.certificate_types().items())
        ]
    )


@provider(IContextSourceBinder)
def course_attendees(context):
    return SimpleVocabulary(
        [SimpleTerm(brain.UID, brain.UID, brain.Title) for brain in issuing.attendees_of(context)]
    )


class IIssueCertificates(Interface):
    certificate_type = schema.Choice(
        title=_("Certificate type"), source=certificate_types, required=True
    )
    all = schema.Bool(title=_("All attendees who do not have this certificate yet"), required=False)
    attendees = schema.List(
        title=_("Attendees"),
        value_type=schema.Choice(source=course_attendees),
        required=False,
    )


#: a confirm button's handler, called only when the submitted data has no
#: errors (back to the first step otherwise)
with_confirmed_data = handler_with(lambda form: form.confirmed_data())


class ConfirmedForm(ProductForm):
    """A form whose action is confirmed on a second step: its confirm button
    (``confirm_button``) exists when it was pressed, so that its handler runs,
    and, once the handlers have run, after a successful review."""

    confirm_button = None
    confirming = False

    def update(self):
        self.confirming = f"{self.prefix}buttons.{self.confirm_button}" in self.request.form
        super().update()
        self.updateActions()

    def confirmed_data(self):
        """The submitted data, or None (back to the first step) if it has errors."""
        data = self.valid_data()
        if data is None:
            self.confirming = False
        return data


class IssueCertificatesForm(ConfirmedForm):
    """Choose attendees and a type, see the cost and the balance, confirm."""

    template = ViewPageTemplateFile("templates/issue_certificates.pt")
    fields = field.Fields(IIssueCertificates)
    fields["attendees"].widgetFactory = CheckBoxFieldWidget
    primary_buttons = ("issue",)
    confirm_button = "issue"
    cost = 0

    def balance(self):
        return balance_of(organisation_of(self.context))

    def price(self):
        return f"{issuing.setting('credit_price')} {issuing.setting('currency')}"

    def chosen(self, data):
        """ "all", or the chosen attendees' UIDs; refused when there are none."""
        if data.get("all"):
            self.cost = len(issuing.attendees_of(self.context))
            return "all"
        if not data.get("attendees"):
            self.confirming = False
            self.refuse(_("Choose at least one attendee."), "attendees")
        self.cost = len(data["attendees"])
        return list(data["attendees"])

    def not_started(self):
        """Why nothing can be issued yet (the course has not started), or None."""
        try:
            issuing.check_started(self.context)
        except issuing.IssueError as refusal:
            return refusal.message
        return None

    @button.buttonAndHandler(_("Review the cost"), name="review")
    def handle_review(self, action):
        data = self.valid_data()
        if data is not None:
            with self.refusals_shown():
                issuing.check_started(self.context)
            self.chosen(data)
            self.confirming = True

    @button.buttonAndHandler(
        _("Confirm and issue"), name="issue", condition=lambda form: form.confirming
    )
    @with_confirmed_data
    def handle_issue(self, action, data):
        attendees = self.chosen(data)
        try:
            certificates, balance = issuing.issue_certificates(
                self.context,
                attendees,
                data["certificate_type"],
                api.user.get_current().getId(),
            )
        except issuing.IssueError as refusal:
            self.confirming = False
            self.refuse(refusal.message, refusal.details.get("field"))
        api.portal.show_message(
            _(
                "${count} certificates issued; ${balance} credits left.",
                mapping={"count": len(certificates), "balance": balance},
            ),
            self.request,
        )
        self.redirect(self.context.absolute_url())


@provider(IContextSourceBinder)
def course_certificates(context):
    return SimpleVocabulary(
        [
            SimpleTerm(certificate.UID(), certificate.UID(), _certificate_label(certificate))
            for certificate in mailing.issued(context)
        ]
    )


def _certificate_label(certificate):
    mailed = mailing.last_mailed(certificate)
    name = f"{certificate.printed_name} ({certificate.code})"
    if mailed is None:
        return _("${name}: not mailed yet", mapping={"name": name})
    return _(
        "${name}: mailed on ${date}", mapping={"name": name, "date": mailed_on(mailed["date"])}
    )


def mailed_on(iso):
    """A recorded date and time as the visitor reads them."""
    return api.portal.get_localized_time(datetime=DateTime(iso), long_format=True)


WHICH_CERTIFICATES = SimpleVocabulary(
    [
        SimpleTerm(mailing.UNMAILED, mailing.UNMAILED, _("Only certificates not mailed yet")),
        SimpleTerm(mailing.ALL, mailing.ALL, _("Every certificate, again")),
        SimpleTerm("chosen", "chosen", _("The certificates chosen below")),
    ]
)


class IMailCertificates(Interface):
    which = schema.Choice(
        title=_("Which certificates"),
        vocabulary=WHICH_CERTIFICATES,
        default=mailing.UNMAILED,
        required=True,
    )
    certificates = schema.List(
        title=_("Certificates"),
        value_type=schema.Choice(source=course_certificates),
        required=False,
    )
    request_id = schema.ASCIILine(required=False)


class MailCertificatesForm(ConfirmedForm):
    """Choose which certificates, see who will be mailed, confirm. The
    confirmation carries a request id, so a double click mails once."""

    template = ViewPageTemplateFile("templates/mail_certificates.pt")
    fields = field.Fields(IMailCertificates)
    fields["which"].widgetFactory = RadioFieldWidget
    fields["certificates"].widgetFactory = CheckBoxFieldWidget
    fields["request_id"].mode = HIDDEN_MODE
    primary_buttons = ("mail",)
    confirm_button = "mail"
    planned = ()

    def unmailed(self):
        return len(mailing.chosen(self.context, mailing.UNMAILED))

    def chosen(self, data):
        """The certificates to mail; refused (next to the field) when there are none."""
        which = data["which"]
        if which == "chosen":
            which = list(data.get("certificates") or ())
        with self.refusals_shown():
            certificates = mailing.chosen(self.context, which)
        if not certificates:
            self.confirming = False
            if not mailing.issued(self.context):
                self.refuse(_("The course has no certificates yet."), "which")
            if which == mailing.UNMAILED:
                self.refuse(_("Every certificate was mailed already."), "which")
            self.refuse(_("Choose at least one certificate."), "certificates")
        return certificates

    @button.buttonAndHandler(_("Review who will be mailed"), name="review")
    @with_valid_data
    def handle_review(self, action, data):
        self.planned = mailing.plan(self.chosen(data))
        self.confirming = True
        self.widgets["request_id"].value = uuid.uuid4().hex

    @button.buttonAndHandler(
        _("Confirm and mail"), name="mail", condition=lambda form: form.confirming
    )
    @with_confirmed_data
    def handle_mail(self, action, data):
        sent, failed, repeated = mailing.mail(
            self.context, self.chosen(data), data.get("request_id")
        )
        if repeated:
            api.portal.show_message(
                _("These certificates were mailed already: nothing was mailed twice."),
                self.request,
            )
        else:
            self.report(sent, failed)
        self.redirect(self.context.absolute_url() + "#certificates")

    def report(self, sent, failed):
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

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.redirect(self.context.absolute_url() + "#certificates")
