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
from zope.component import queryUtility
from zope.i18n import translate
from zope.i18n.interfaces import ITranslationDomain
from zope.i18nmessageid import Message

from qgis.certification.content.validation import EMAIL_RE


logger = logging.getLogger("qgis.certification")

CHARSET = "utf-8"
ENGLISH = "en"
# what a catalogue answers for a msgid it does not translate
_MISSING = object()


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


def _parts(parts):
    return (parts,) if isinstance(parts, str) else tuple(parts)


def _messages(parts):
    """The i18n messages of ``parts``, those interpolated into them included."""
    for part in parts:
        if isinstance(part, Message):
            yield part
            yield from _messages(value for value in (part.mapping or {}).values())


def _has_translation(message, language):
    domain = queryUtility(ITranslationDomain, message.domain or "")
    if domain is None or language not in domain.getCatalogsInfo():
        return False
    found = domain.translate(str(message), target_language=language, default=_MISSING)
    return found is not _MISSING and found != ""


def writing_language(language, parts):
    """``language`` when its catalogues translate every message of ``parts``,
    else English: a mail is written wholly in one language, never in a mix of
    a partial catalogue and English defaults."""
    if language == ENGLISH:
        return ENGLISH
    wanted = set(_messages(parts))
    if all(_has_translation(message, language) for message in wanted):
        return language
    logger.info("Mail written in English: no complete %r translation", language)
    return ENGLISH


def _translated(parts, language):
    """The text of ``parts`` (messages or strings) in ``language``, one paragraph
    each: a translation ends with a line break or not, the mail does the same."""
    texts = (translate(part, target_language=language).rstrip("\n") for part in _parts(parts))
    return "\n\n".join(texts)


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
    them, each a paragraph; both are translated into the recipient's
    language, or wholly into English when a catalogue of that language lacks
    one of them. ``attachments`` are ``Attachment``s.
    """
    language = writing_language(recipient.language, (subject, *_parts(body)))
    api.portal.get_tool("MailHost").send(
        _mime(_translated(body, language), attachments),
        mto=recipient.address,
        mfrom=sender(),
        subject=_translated(subject, language),
        charset=CHARSET,
        immediate=False,
    )
