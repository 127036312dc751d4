"""The mail that proves a new account's address: a link with which its owner
sets their password, written in the language they chose when signing up."""

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


def body(member, reset, language):
    fullname = member.getProperty("fullname", "") or member.getUserName()
    mapping = {
        "fullname": fullname,
        "username": member.getUserName(),
        "url": password_url(member, reset["randomstring"], language),
        "expires": _expiry(reset, language),
    }
    parts = (
        _("Hello ${fullname},", mapping=mapping),
        "",
        _(
            "an account was created for you on the site of the QGIS Certification "
            "Programme. Your user name is ${username}.",
            mapping=mapping,
        ),
        "",
        _(
            "To confirm your e-mail address, open this link and choose your password:",
            mapping=mapping,
        ),
        "",
        "${url}",
        "",
        _("The link works until ${expires}.", mapping=mapping),
        _(
            "If you did not ask for this account, ignore this message: without a password "
            "nobody can use it.",
        ),
        "",
        _("The QGIS Certification Programme"),
    )
    return "\n".join(
        mapping["url"] if part == "${url}" else translated(part, language) for part in parts
    )


def mail_text(member, reset):
    """The whole message as Plone's registration sends it: headers, a blank line, the body."""
    language = member_language(member)
    headers = (
        f"From: {sender()}",
        f"To: {member.getProperty('email')}",
        f"Subject: {translated(SUBJECT, language)}",
        "Content-Type: text/plain; charset=utf-8",
        "Precedence: bulk",
    )
    return "\n".join((*headers, "", body(member, reset, language)))
