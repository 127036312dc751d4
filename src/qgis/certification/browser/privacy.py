"""Classic UI of data protection: an account's data and its deletion
(``@@my-data``), an attendee's request for a link (``@@data-request``), the
data that link opens with the erasure request (``@@attendee-data``), and the
certification team's list of erasure requests (``@@erasure-requests``).
The rules are in the ``privacy`` package."""

from plone import api
from plone.memoize.view import memoize
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form.interfaces import HIDDEN_MODE
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import alsoProvides
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.browser.form_base import ProductForm
from qgis.certification.browser.form_base import with_valid_data
from qgis.certification.content.validation import EMAIL_LENGTH
from qgis.certification.privacy import accounts
from qgis.certification.privacy import erasure
from qgis.certification.privacy import links
from qgis.certification.privacy.attendees import attendee_data
from qgis.certification.privacy.register import log_request
from qgis.certification.privacy.tokens import MAX_TOKEN_LENGTH
from qgis.certification.privacy.tokens import InvalidLink
from qgis.certification.privacy.tokens import read_token


def allow_log_write(request):
    """Showing data writes its entry in the audit log, and nothing else: a page
    read without a CSRF token may do that."""
    alsoProvides(request, IDisableCSRFProtection)


def must_be_ticked(value):
    if not value:
        raise Invalid(_("Tick the box to confirm."))
    return True


class IDeleteAccount(Interface):
    confirm = schema.Bool(
        title=_("I understand that my account is deleted for good."),
        required=True,
        constraint=must_be_ticked,
    )


class MyDataView(ProductForm):
    """What the product holds about the logged-in account, and its deletion."""

    template = ViewPageTemplateFile("templates/my_data.pt")
    label = _("My data")
    fields = field.Fields(IDeleteAccount)
    primary_buttons = ()

    @memoize
    def data(self):
        user = api.user.get_current()
        if api.user.get(userid=user.getId()) is None:
            return None
        allow_log_write(self.request)
        return accounts.account_data(user)

    @button.buttonAndHandler(_("Delete my account"), name="delete")
    @with_valid_data
    def handle_delete(self, action, data):
        with self.refusals_shown():
            accounts.delete_account(api.user.get_current())
        self.redirect(f"{api.portal.get().absolute_url()}/logout")


class IDataRequest(Interface):
    email = schema.TextLine(
        title=_("Your e-mail address"),
        description=_("The address the organisation of your course used."),
        required=True,
        max_length=EMAIL_LENGTH,
    )


class DataRequestForm(ProductForm):
    """An attendee asks for a link to their data; the answer never says
    whether data is held."""

    template = ViewPageTemplateFile("templates/data_request.pt")
    label = _("Your data as a course attendee")
    fields = field.Fields(IDataRequest)
    primary_buttons = ("send",)
    answer = None

    @button.buttonAndHandler(_("Send me a link"), name="send")
    @with_valid_data
    def handle_send(self, action, data):
        language = api.portal.get_current_language().split("-")[0]
        with self.refusals_shown():
            self.answer = links.request_link(data["email"], language)


class IErasureRequest(Interface):
    token = schema.ASCIILine(required=True, max_length=MAX_TOKEN_LENGTH)
    withdraw_certificates = schema.Bool(
        title=_("Also withdraw my certificates"),
        description=_(
            "Verification will then say that they were withdrawn at your request, and show "
            "no name. Without this, your certificates stay valid and verifiable."
        ),
        required=False,
        default=False,
    )


class AttendeeDataView(ProductForm):
    """What a signed link opens: the attendee's data and the erasure request."""

    template = ViewPageTemplateFile("templates/attendee_data.pt")
    label = _("Your data")
    fields = field.Fields(IErasureRequest)
    primary_buttons = ("erase",)
    requested = None

    def token(self):
        token = self.request.form.get("token") or self.request.form.get("form.widgets.token")
        return token if isinstance(token, str) else ""

    def key(self):
        try:
            return read_token(self.token())
        except InvalidLink:
            return None

    def updateWidgets(self):
        super().updateWidgets()
        self.widgets["token"].mode = HIDDEN_MODE
        self.widgets["token"].value = self.token()

    @memoize
    def data(self):
        key = self.key()
        if key is None:
            return None
        data = attendee_data(key)
        allow_log_write(self.request)
        log_request("attendee-export", "shown")
        return data

    def json_url(self):
        return f"{api.portal.get().absolute_url()}/++api++/@attendee-data?token={self.token()}"

    @button.buttonAndHandler(_("Ask for erasure"), name="erase")
    @with_valid_data
    def handle_erase(self, action, data):
        key = self.key()
        if key is None:
            self.refuse(_("This link is not valid or has expired: ask for a new one."))
        with self.refusals_shown():
            self.requested = erasure.request_erasure(key, bool(data["withdraw_certificates"]))


class ErasureRequestsView(ProductForm):
    """The certification team sees the erasure requests and confirms them."""

    template = ViewPageTemplateFile("templates/erasure_requests.pt")
    label = _("Erasure requests")
    primary_buttons = ("confirm",)

    @memoize
    def requests(self):
        return erasure.erasure_requests()

    def update(self):
        # the choice is among the requests pending now
        pending = [item["id"] for item in self.requests() if item["state"] == erasure.PENDING]
        self.fields = field.Fields(
            schema.Choice(
                __name__="request_id",
                title=_("Erasure request"),
                vocabulary=SimpleVocabulary.fromValues(pending),
                required=True,
            )
        )
        super().update()

    @button.buttonAndHandler(_("Confirm the erasure"), name="confirm")
    @with_valid_data
    def handle_confirm(self, action, data):
        with self.refusals_shown():
            done = erasure.confirm_erasure(data["request_id"])
        api.portal.show_message(
            _(
                "Erased: ${records} attendee records; ${withdrawn} certificates withdrawn.",
                mapping={
                    "records": done["attendee_records"],
                    "withdrawn": done["certificates_withdrawn"],
                },
            ),
            self.request,
        )
        self.redirect(f"{api.portal.get().absolute_url()}/@@erasure-requests")
