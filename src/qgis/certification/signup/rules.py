"""What a sign-up must satisfy, the same for the registration form and the
anonymous ``POST @users``: a full name, a valid e-mail address no account
uses yet, a free user name, one of the programme's languages and the
programme's terms accepted. A filled honeypot (a field people never see) or
too many accounts from one network address refuse it as a whole."""

from plone import api

from qgis.certification import _
from qgis.certification.public.programme_pages import LANGUAGES


# The preferred language, stored as the member's ``language`` property.
LANGUAGE_NAMES = {"en": "English", "ro": "Română", "sv": "Svenska"}
# The honeypot: hidden from people, filled by robots that fill every field.
HONEYPOT = "website"
TERMS = "accept_terms"

FULLNAME_MISSING = _("Please enter your full name.")
EMAIL_INVALID = _("This is not a valid e-mail address.")
EMAIL_IN_USE = _(
    "An account already uses this e-mail address. Log in with it, or ask for a new "
    "password on the login page."
)
USERNAME_IN_USE = _("This user name is already taken. Please choose another one.")
USERNAME_NOT_TEXT = _("The user name must be text.")
LANGUAGE_UNKNOWN = _("Choose English (en), Romanian (ro) or Swedish (sv).")
TERMS_MISSING = _("Please accept the programme's terms to create an account.")
REFUSED_QUIETLY = _("The account could not be created.")
TOO_MANY = _(
    "Too many accounts were created from your network address lately. Please try again later."
)


def is_valid_email(email):
    return bool(email) and bool(api.portal.get_tool("portal_registration").isValidEmail(email))


def email_in_use(email):
    """Whether an account has this address (in any letter case)."""
    wanted = email.strip().lower()
    users = api.portal.get_tool("acl_users").searchUsers(email=wanted)
    for found in users:
        user = api.user.get(userid=found["id"])
        if user is not None and (user.getProperty("email") or "").strip().lower() == wanted:
            return True
    return False


def login_in_use(login):
    acl_users = api.portal.get_tool("acl_users")
    return bool(acl_users.searchUsers(login=login, exact_match=True)) or bool(
        acl_users.searchUsers(id=login, exact_match=True)
    )


def is_robot(honeypot_value):
    """A robot filled the field people never see (with text, or anything else)."""
    if isinstance(honeypot_value, str):
        return bool(honeypot_value.strip())
    return bool(honeypot_value)


def _text(value):
    return value.strip() if isinstance(value, str) else ""


def faults(data, checked=("fullname", "email", "username", "language", TERMS)):
    """``(field, message)`` for each rule ``data`` breaks, among ``checked``."""
    email = _text(data.get("email"))
    found = []
    if "fullname" in checked and not _text(data.get("fullname")):
        found.append(("fullname", FULLNAME_MISSING))
    if "email" in checked:
        if not is_valid_email(email):
            found.append(("email", EMAIL_INVALID))
        elif email_in_use(email):
            found.append(("email", EMAIL_IN_USE))
    username = data.get("username")
    if "username" in checked and username is not None and not _text(username):
        found.append(("username", USERNAME_NOT_TEXT))
    elif "username" in checked and username and login_in_use(username):
        found.append(("username", USERNAME_IN_USE))
    if "language" in checked and data.get("language") not in LANGUAGES:
        found.append(("language", LANGUAGE_UNKNOWN))
    if TERMS in checked and data.get(TERMS) is not True:
        found.append((TERMS, TERMS_MISSING))
    return found
