"""The mails with a link that sets an account's password, written in the
language its owner chose: the one that proves a new account's address, and
the one for a forgotten password."""

from datetime import datetime
from urllib.parse import urlencode

from plone import api

from qgis.certification import _
from qgis.certification.mail.messages import sender
from qgis.certification.mail.messages import site_language
from qgis.certification.pdf.common import format_date
from qgis.certification.pdf.common import translated
from qgis.certification.public.programme_pages import LANGUAGES


SUBJECT = _("Your account on the QGIS Certification Programme: choose your password")


def member_language(member):
    language = (member.getProperty("language", "") or "").split("-")[0]
    return language if language in LANGUAGES else site_language()


def password_url(member, randomstring, language):
    """The page that sets the password, in the member's language (folder and cookie)."""
    portal = api.portal.get()
    root = portal.get(language)
    base = (root if root is not None else portal).absolute_url()
    query = urlencode({"userid": member.getUserName(), "set_language": language})
    return f"{base}/passwordreset/{randomstring}?{query}"


def _expiry(reset, language):
    expires = reset["expires"]
    if hasattr(expires, "asdatetime"):  # a Zope DateTime
        expires = expires.asdatetime()
    if not isinstance(expires, datetime):
        return str(expires)
    return f"{format_date(expires.date(), language)}, {expires:%H:%M} UTC"


# what each mail says around the link: (subject, why it comes, what to do, if not asked)
REGISTRATION = (
    SUBJECT,
    _(
        "an account was created for you on the site of the QGIS Certification "
        "Programme. Your user name is ${username}."
    ),
    _("To confirm your e-mail address, open this link and choose your password:"),
    _(
        "If you did not ask for this account, ignore this message: without a password "
        "nobody can use it."
    ),
)
PASSWORD_RESET = (
    _("A new password for your account on the QGIS Certification Programme"),
    _(
        "a new password was asked for your account ${username} on the site of the QGIS "
        "Certification Programme."
    ),
    _("Open this link and choose your new password:"),
    _("If you did not ask for it, ignore this message: your password has not changed."),
)


def body(member, reset, language, kind=REGISTRATION):
    _subject, why, what, if_not_asked = kind
    mapping = {
        "fullname": member.getProperty("fullname", "") or member.getUserName(),
        "username": member.getUserName(),
        "expires": _expiry(reset, language),
    }
    parts = (
        _("Hello ${fullname},", mapping=mapping),
        "",
        _(why, mapping=mapping),
        "",
        what,
        "",
        password_url(member, reset["randomstring"], language),
        "",
        _("The link works until ${expires}.", mapping=mapping),
        if_not_asked,
        "",
        _("The QGIS Certification Programme"),
    )
    return "\n".join(translated(part, language) for part in parts)


def mail_text(member, reset, kind=REGISTRATION):
    """The whole message as Plone's registration tool sends it: headers, a
    blank line, the body. ``kind``: ``REGISTRATION`` or ``PASSWORD_RESET``."""
    language = member_language(member)
    headers = (
        f"From: {sender()}",
        f"To: {member.getProperty('email')}",
        f"Subject: {translated(kind[0], language)}",
        "Content-Type: text/plain; charset=utf-8",
        "Precedence: bulk",
    )
    return "\n".join((*headers, "", body(member, reset, language, kind)))
