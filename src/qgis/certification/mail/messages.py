"""The one way the product writes a mail: to whom, from whom, in which
language, with which attachments.

Recipients are site users (their address and preferred language come from
their properties) or plain addresses with a language chosen by the caller.
Subject and body are i18n messages, translated into each recipient's
language. Messages go through the site's MailHost, which queues them on the
transaction: they leave only when the transaction that caused them commits,
and a refused or failed request sends nothing.
"""

import logging
from dataclasses import dataclass
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from email.utils import parseaddr

from plone import api
from zope.i18n import translate

from qgis.certification.content.validation import EMAIL_RE


logger = logging.getLogger("qgis.certification")

CHARSET = "utf-8"


@dataclass(frozen=True)
class Recipient:
    address: str
    language: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    subtype: str = "pdf"


def site_language():
    return (api.portal.get_default_language() or "en").split("-")[0]


def preferred_language(user_ids, languages=None):
    """The preferred language of the first of ``user_ids`` who chose one (among
    ``languages``, when given), else the site's default language."""
    for user_id in user_ids:
        user = api.user.get(userid=user_id) if user_id else None
        language = (user.getProperty("language", "") or "") if user is not None else ""
        language = language.split("-")[0]
        if language and (languages is None or language in languages):
            return language
    return site_language()


def user_recipient(user_id):
    """The user's address and language, or None (logged) when there is no
    such user or the user has no address."""
    user = api.user.get(userid=user_id)
    if user is None:
        logger.warning("No mail for %s: there is no such user", user_id)
        return None
    address = user.getProperty("email")
    if not address:
        logger.warning("No mail for %s: the user has no e-mail address", user_id)
        return None
    language = user.getProperty("language") or site_language()
    return Recipient(address, language.split("-")[0])


def user_recipients(user_ids):
    """The recipients among ``user_ids``, each once, in user id order."""
    found = (user_recipient(user_id) for user_id in sorted(set(user_ids)))
    return [recipient for recipient in found if recipient is not None]


def address_recipient(address, language):
    """A plain address with the language to write in, or None when the
    address is not a valid e-mail address."""
    address = (address or "").strip()
    if not EMAIL_RE.match(address):
        return None
    return Recipient(address, language)


def sender():
    """The site's "from" address, with its name."""
    address = api.portal.get_registry_record("plone.email_from_address")
    name = api.portal.get_registry_record("plone.email_from_name")
    formatted = formataddr((name, address))
    # formataddr gives up on some names; the bare address is still right.
    return formatted if parseaddr(formatted)[1] == address else address


def _translated(parts, language):
    if isinstance(parts, str):
        parts = (parts,)
    return "\n".join(translate(part, target_language=language) for part in parts)


def _mime(body, attachments):
    text = MIMEText(body, "plain", CHARSET)
    if not attachments:
        return text
    message = MIMEMultipart()
    message.attach(text)
    for attachment in attachments:
        part = MIMEApplication(attachment.data, attachment.subtype)
        part.add_header("Content-Disposition", "attachment", filename=attachment.filename)
        message.attach(part)
    return message


def send_mail(recipient, subject, body, attachments=()):
    """Queue one mail to ``recipient``, sent when the transaction commits.

    ``subject`` is an i18n message; ``body`` one message or a sequence of
    them, joined by line breaks; both are translated into the recipient's
    language. ``attachments`` are ``Attachment``s.
    """
    api.portal.get_tool("MailHost").send(
        _mime(_translated(body, recipient.language), attachments),
        mto=recipient.address,
        mfrom=sender(),
        subject=_translated(subject, recipient.language),
        charset=CHARSET,
        immediate=False,
    )
