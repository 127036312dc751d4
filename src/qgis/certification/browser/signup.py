"""Signing up through Plone's own registration form (``@@register``), extended
with the preferred language and the programme's terms, a honeypot and the
per-address limit; the mail with the password link in the chosen language;
and where a new account lands at its first login. The rules are in the
``signup`` package."""

from copy import copy

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.app.users.browser.register import RegistrationForm
from plone.app.users.utils import notifyWidgetActionExecutionError
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import field
from z3c.form.action import ActionErrorOccurred
from z3c.form.interfaces import ActionExecutionError
from zope import schema
from zope.event import notify
from zope.interface import Interface
from zope.interface import Invalid
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.public.programme_pages import LANGUAGES
from qgis.certification.public.programme_pages import PAGES
from qgis.certification.signup import landing
from qgis.certification.signup import mails
from qgis.certification.signup import rate_limit
from qgis.certification.signup import rules


LANGUAGE_VOCABULARY = SimpleVocabulary(
    [SimpleTerm(code, code, name) for code, name in rules.LANGUAGE_NAMES.items()]
)


MAILED_LINK = _("We mail you a link: open it to confirm your address and choose your password.")
WELCOME = _("Welcome! Your account is ready: start your application with your organisation.")


class ISignUpFields(Interface):
    """What the programme asks on signing up, besides Plone's own fields.
    ``language`` is stored as the member's property of that name (the adapter
    is plone.app.users' own, see configure.zcml); the terms are checked."""

    language = schema.Choice(
        title=_("Preferred language"),
        description=_("The language of the site and of the programme's e-mails to you."),
        vocabulary=LANGUAGE_VOCABULARY,
        required=True,
    )
    accept_terms = schema.Bool(
        title=_("I accept the programme's terms and its privacy notice"),
        # required is checked by the rules, with the programme's own message
        required=False,
    )


class SignUpForm(RegistrationForm):
    """``@@register``: Plone's registration form with the programme's fields."""

    label = _("Create an account")
    formErrorsMessage = _("Please correct the fields marked below.")
    template = ViewPageTemplateFile("templates/signup_form.pt")
    robot = False

    def updateFields(self):
        super().updateFields()
        if not self.showForm:
            return
        self.fields += field.Fields(ISignUpFields)
        fullname = self.fields["fullname"]
        fullname.field = copy(fullname.field)
        fullname.field.required = True
        language = self.fields["language"]
        language.field = copy(language.field)
        language.field.default = self.language()

    def updateWidgets(self):
        super().updateWidgets()
        if self.showForm:
            self.widgets["accept_terms"].required = True
            if "mail_me" in self.widgets:
                self.widgets["mail_me"].label = MAILED_LINK

    def language(self):
        current = (api.portal.get_current_language() or "").split("-")[0]
        return current if current in LANGUAGES else "en"

    def page_url(self, name):
        """A programme page in the form's language (the terms, the privacy notice)."""
        language = self.language()
        portal = api.portal.get()
        page = next(page for page in PAGES if page["id"]["en"] == name)
        return f"{portal.absolute_url()}/{language}/{page['id'][language]}"

    def login_url(self):
        return f"{api.portal.get().absolute_url()}/login"

    def validate_registration(self, action, data):
        super().validate_registration(action, data)
        self.robot = rules.is_robot(self.request.form.get(rules.HONEYPOT))
        if self.robot:
            return
        in_error = {error.field.getName() for error in action.form.widgets.errors}
        checked = {"email", rules.TERMS} - in_error
        for name, message in rules.faults(data, checked=checked):
            notifyWidgetActionExecutionError(action, name, message)
        if not rate_limit.may_sign_up(self.request.getClientAddr()):
            self.show_form_error(action, rules.TOO_MANY)

    def show_form_error(self, action, message):
        notify(ActionErrorOccurred(action, ActionExecutionError(Invalid(message))))

    def handle_join_success(self, data):
        if self.robot:
            # refused quietly: the robot reads the usual answer, nothing is made
            self._finishedRegister = True
            return None
        data.pop(rules.TERMS, None)
        answer = super().handle_join_success(data)
        if self._finishedRegister:
            rate_limit.count_sign_up(self.request.getClientAddr())
            landing.remember_new_account(data.get("user_id", data.get("username")))
        return answer


class SignedUpView(BrowserView):
    """``@@registered``: what a new account does next (mail, link, password)."""

    def days(self):
        return api.portal.get_tool("portal_password_reset").getExpirationTimeout()


class RegistrationMail(BrowserView):
    """``registered_notify_template``: the text Plone's registration tool mails
    to a new account, here in the account's language (``signup.mails``)."""

    kind = mails.REGISTRATION

    def __call__(self, member, reset, **options):
        return mails.mail_text(member, reset, self.kind)


class PasswordResetMail(RegistrationMail):
    """``mail_password_template``: the forgotten password's mail, likewise."""

    kind = mails.PASSWORD_RESET


def first_login_landing(request, is_initial_login):
    """After its first login a signed-up account starts applying: the URL of
    the form, or None for later logins and accounts made otherwise."""
    user = api.user.get_current()
    if not (is_initial_login and landing.signed_up(user.getId())):
        return None
    IStatusMessage(request).add(WELCOME, type="info")
    return landing.first_login_url()


class SignUpInvitation(ViewletBase):
    """On the login page, for visitors: where to create an account."""

    index = ViewPageTemplateFile("templates/signup_invitation.pt")

    def available(self):
        return api.user.is_anonymous() and bool(
            api.portal.get_registry_record("plone.enable_self_reg", default=False)
        )

    def register_url(self):
        return f"{api.portal.get_navigation_root(self.context).absolute_url()}/@@register"
