"""A workflow mail delivered through a real SMTP server on loopback."""

import socket
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header

import pytest
import transaction
from aiosmtpd.controller import Controller
from builders import create_application
from builders import create_programme
from builders import do

from qgis.certification.mail.delivery import EnvironmentMailHost


class Recorder:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp(monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(port))
    yield recorder
    controller.stop()


def test_submit_mail_reaches_the_smtp_server_after_commit(functional, smtp):
    portal = functional["portal"]
    create_programme(portal)
    portal.MailHost = EnvironmentMailHost("MailHost")
    organisation = create_application(portal)
    transaction.commit()
    do(organisation, "owner", "submit")
    assert smtp.envelopes == []  # nothing leaves before the transaction commits
    transaction.commit()
    recipients = sorted(rcpt for envelope in smtp.envelopes for rcpt in envelope.rcpt_tos)
    assert recipients == ["owner@example.org", "team@example.org"]
    to_team = next(e for e in smtp.envelopes if e.rcpt_tos == ["team@example.org"])
    message = message_from_bytes(to_team.content)
    assert str(make_header(decode_header(message["Subject"]))) == "New application: Geo Academy"
    body = message.get_payload(decode=True).decode("utf-8")
    assert "Geo Academy (Romania)" in body
    assert organisation.absolute_url() in body
