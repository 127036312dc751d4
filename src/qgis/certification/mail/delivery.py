"""Outgoing mail configured by the process environment.

Without ``SMTP_HOST`` every message is delivered into a maildir (``MAIL_DIR``,
by default ``$DATA_DIR/mail``), so a demo or development site never needs a
mail server and never loses a message. With ``SMTP_HOST`` set, mail goes to
that server. Delivery happens when the transaction commits, as with Plone's
own MailHost, because only the mailer is replaced.
"""

import mailbox
import os
from pathlib import Path

from Products.MailHost.MailHost import MailHost
from zope.interface import implementer
from zope.sendmail.interfaces import IMailer
from zope.sendmail.mailer import SMTPMailer


TRUE_VALUES = {"1", "true", "yes", "on"}


def maildir_path() -> Path:
    configured = os.environ.get("MAIL_DIR")
    if configured:
        return Path(configured)
    data_dir = os.environ.get("DATA_DIR") or os.path.join(os.getcwd(), "var")
    return Path(data_dir) / "mail"


@implementer(IMailer)
class MaildirMailer:
    """Writes each message, as sent, into a maildir's ``new/`` folder."""

    def __init__(self, path):
        self.path = Path(path)

    def _maildir(self):
        return mailbox.Maildir(str(self.path), create=True)

    def vote(self, fromaddr, toaddrs, message):
        # Fail the transaction now, rather than lose the message later, when
        # the maildir cannot be created.
        self._maildir()

    def send(self, fromaddr, toaddrs, message):
        if isinstance(message, str):
            message = message.encode("utf-8")
        envelope = (f"X-Envelope-From: {fromaddr}\nX-Envelope-To: {', '.join(toaddrs)}\n").encode()
        self._maildir().add(mailbox.MaildirMessage(envelope + message))

    def abort(self):
        """Nothing was written before send, so there is nothing to undo."""


def smtp_mailer_from_environment():
    host = os.environ.get("SMTP_HOST")
    if not host:
        return None
    # Products.CMFPlone patches SMTPMailer.__init__ to take its settings from the
    # registry, whatever is passed; the environment's settings are set after.
    mailer = SMTPMailer()
    mailer.hostname = host
    mailer.port = int(os.environ.get("SMTP_PORT") or 25)
    mailer.username = os.environ.get("SMTP_USER") or None
    mailer.password = os.environ.get("SMTP_PASSWORD") or None
    mailer.force_tls = os.environ.get("SMTP_TLS", "").lower() in TRUE_VALUES
    return mailer


class EnvironmentMailHost(MailHost):
    """Plone's MailHost, with the mailer chosen from the environment."""

    meta_type = "QGIS Certification Mail Host"

    def _makeMailer(self):
        return smtp_mailer_from_environment() or MaildirMailer(maildir_path())
