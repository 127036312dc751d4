"""The course's forms: importing attendees from a CSV file, issuing
certificates (the cost is confirmed first) and mailing them to the attendees.
The rules are in ``certificates/``; these forms turn the request into a call."""

from plone import api
from plone.app.z3cform.widgets.checkbox import CheckBoxFieldWidget
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from zope import schema
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.browser.form_base import EmbeddedForm
from qgis.certification.browser.form_base import ProductForm
from qgis.certification.browser.form_base import with_valid_data
from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing
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


class IssueCertificatesForm(ProductForm):
    """Choose attendees and a type, see the cost and the balance, confirm."""

    template = ViewPageTemplateFile("templates/issue_certificates.pt")
    fields = field.Fields(IIssueCertificates)
    fields["attendees"].widgetFactory = CheckBoxFieldWidget
    primary_buttons = ("issue",)
    confirming = False
    cost = 0

    def balance(self):
        return balance_of(organisation_of(self.context))

    def price(self):
        return f"{issuing.setting('credit_price')} {issuing.setting('currency')}"

    def update(self):
        # The confirm button exists when it was pressed (so that its handler
        # runs) and, once the handlers have run, after a successful review.
        self.confirming = f"{self.prefix}buttons.issue" in self.request.form
        super().update()
        self.updateActions()

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

    @button.buttonAndHandler(_("Review the cost"), name="review")
    def handle_review(self, action):
        data = self.valid_data()
        if data is not None:
            self.chosen(data)
            self.confirming = True

    @button.buttonAndHandler(
        _("Confirm and issue"), name="issue", condition=lambda form: form.confirming
    )
    def handle_issue(self, action):
        data = self.valid_data()
        if data is None:
            self.confirming = False
            return
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


class MailCertificatesForm(EmbeddedForm):
    """The course page's "mail the certificates" button."""

    view_name = "mail-certificates"
    label = _("Certificates")
    fields = field.Fields()

    def certificates(self):
        return [
            brain.getObject()
            for brain in api.content.find(
                context=self.context, portal_type="Certificate", review_state="issued"
            )
        ]

    @button.buttonAndHandler(_("Mail each attendee their certificate"), name="mail")
    def handle_mail(self, action):
        sent, failed = documents.mail_certificates(self.certificates())
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
        self.redirect(self.context.absolute_url() + "#certificates")
