"""Outgoing mail: a maildir by default, SMTP when configured, always after commit."""

import mailbox
import socket
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header

import pytest
import transaction
from aiosmtpd.controller import Controller

from qgis.certification.mail.delivery import EnvironmentMailHost
from qgis.certification.mail.delivery import MaildirMailer
from qgis.certification.mail.delivery import maildir_path


@pytest.fixture
def clean_transaction(functional):
    """Plone's MailHost reads the site registry: run inside the functional layer."""
    transaction.abort()
    yield
    transaction.abort()


@pytest.fixture
def smtp_env(monkeypatch):
    for name in ("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "MAIL_DIR"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def decoded_subject(message):
    return str(make_header(decode_header(message["Subject"])))


def send_one(host, subject="Hello"):
    host.send(
        "Dear reviewer,\n\nan application waits for you.\n",
        mto="reviewer@example.org",
        mfrom="certification@example.org",
        subject=subject,
        charset="utf-8",
    )


def test_maildir_path_follows_environment(smtp_env, tmp_path):
    smtp_env.setenv("DATA_DIR", str(tmp_path))
    assert maildir_path() == tmp_path / "mail"
    smtp_env.setenv("MAIL_DIR", str(tmp_path / "elsewhere"))
    assert maildir_path() == tmp_path / "elsewhere"


def test_maildir_mailer_keeps_message_and_envelope(tmp_path):
    MaildirMailer(tmp_path / "mail").send(
        "a@example.org", ["b@example.org"], b"Subject: Hi\n\nBody\n"
    )
    (message,) = mailbox.Maildir(str(tmp_path / "mail"), create=False)
    assert message["Subject"] == "Hi"
    assert message["X-Envelope-To"] == "b@example.org"


def test_without_smtp_host_mail_lands_in_maildir_on_commit(smtp_env, tmp_path, clean_transaction):
    smtp_env.setenv("MAIL_DIR", str(tmp_path / "mail"))
    send_one(EnvironmentMailHost("MailHost"), subject="Application submitted")
    assert not (tmp_path / "mail").exists() or not list(mailbox.Maildir(str(tmp_path / "mail")))
    transaction.commit()
    messages = list(mailbox.Maildir(str(tmp_path / "mail"), create=False))
    assert [decoded_subject(m) for m in messages] == ["Application submitted"]


def test_aborted_transaction_sends_nothing(smtp_env, tmp_path, clean_transaction):
    smtp_env.setenv("MAIL_DIR", str(tmp_path / "mail"))
    send_one(EnvironmentMailHost("MailHost"))
    transaction.abort()
    assert not list(mailbox.Maildir(str(tmp_path / "mail"), create=True))


class Recorder:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, recorder
    controller.stop()


def test_with_smtp_host_mail_goes_to_the_server(smtp_env, smtp_server, tmp_path, clean_transaction):
    controller, recorder = smtp_server
    smtp_env.setenv("SMTP_HOST", controller.hostname)
    smtp_env.setenv("SMTP_PORT", str(controller.port))
    smtp_env.setenv("MAIL_DIR", str(tmp_path / "mail"))
    send_one(EnvironmentMailHost("MailHost"), subject="Über SMTP")
    assert recorder.envelopes == []
    transaction.commit()
    (envelope,) = recorder.envelopes
    assert envelope.rcpt_tos == ["reviewer@example.org"]
    message = message_from_bytes(envelope.content)
    assert decoded_subject(message) == "Über SMTP"
    assert not (tmp_path / "mail").exists()
