"""The mail helper: recipients, sender, language, attachments, sending on commit."""

import mailbox
from email import message_from_bytes
from email import policy

import pytest
import transaction
from plone import api
from zope.i18nmessageid import Message

from qgis.certification import _
from qgis.certification.application.notifications import MAILS
from qgis.certification.mail import messages
from qgis.certification.mail.delivery import EnvironmentMailHost


SUBJECT = _(
    "mail_submitted_team_subject",
    default="New application: ${title}",
    mapping={"title": "Geo Academy"},
)
PDF = b"%PDF-1.4 a tiny document"


def sent(portal):
    return [message_from_bytes(raw, policy=policy.default) for raw in portal.MailHost.messages]


@pytest.fixture
def people(portal):
    portal.MailHost.reset()
    with api.env.adopt_roles(["Manager"]):
        for user_id, email, language in (
            ("anaro", "ana@example.org", "ro"),
            ("bosse", "bo@example.org", "sv-se"),
            ("cyril", "cy@example.org", ""),
            ("nomail", "", "en"),
        ):
            user = api.user.create(username=user_id, email=email or "x@example.org")
            user.setMemberProperties({"email": email, "language": language})
    return portal


def test_users_are_resolved_to_address_and_language(people):
    assert messages.user_recipient("anaro") == messages.Recipient("ana@example.org", "ro")
    assert messages.user_recipient("bosse") == messages.Recipient("bo@example.org", "sv")
    # Without a language of their own, users are written to in the site's.
    assert messages.user_recipient("cyril").language == api.portal.get_default_language()[:2]
    assert messages.user_recipient("nomail") is None
    assert messages.user_recipient("nobody") is None
    found = messages.user_recipients(["cyril", "nobody", "anaro", "anaro", "nomail"])
    assert [recipient.address for recipient in found] == ["ana@example.org", "cy@example.org"]


def test_plain_addresses_are_checked(portal):
    assert messages.address_recipient(" x@example.org ", "sv") == messages.Recipient(
        "x@example.org", "sv"
    )
    for bad in ("", None, "not an address", "a@b"):
        assert messages.address_recipient(bad, "en") is None


def test_mail_is_written_in_the_recipients_language_from_the_site(people):
    api.portal.set_registry_record("plone.email_from_address", "cert@example.org")
    api.portal.set_registry_record("plone.email_from_name", "Certificare QGIS – România")
    messages.send_mail(messages.user_recipient("anaro"), SUBJECT, (SUBJECT, "-- \nsignature"))
    messages.send_mail(messages.address_recipient("x@example.org", "sv"), SUBJECT, SUBJECT)
    ro, sv = sent(people)
    assert ro["To"] == "ana@example.org"
    assert ro["From"].addresses[0].display_name == "Certificare QGIS – România"
    assert ro["From"].addresses[0].addr_spec == "cert@example.org"
    assert ro["Subject"] == "Cerere nouă: Geo Academy"
    assert ro.get_content_type() == "text/plain"
    # each part is a paragraph, whether its translation ends with a line break or not
    assert ro.get_content() == "Cerere nouă: Geo Academy\n\n-- \nsignature"
    assert sv["Subject"] == "Ny ansökan: Geo Academy"


CERTIFICATE_SUBJECT = _("Your QGIS certificate: ${course}", mapping={"course": "QGIS"})
REVIEW_BODY = Message(
    MAILS["user_group_review"][1], mapping={"title": "Geo", "country": "Romania", "url": ""}
)


@pytest.mark.parametrize(
    ("language", "parts", "expected"),
    [
        ("de", (CERTIFICATE_SUBJECT,), "de"),
        ("ja", (CERTIFICATE_SUBJECT, "plain text is no message"), "ja"),
        # the German catalogue holds the attendees' mails only
        ("de", (CERTIFICATE_SUBJECT, REVIEW_BODY), "en"),
        # a message put into another one counts too
        ("de", (_("${a}", mapping={"a": REVIEW_BODY}),), "en"),
        ("ro", (CERTIFICATE_SUBJECT, REVIEW_BODY), "ro"),
        ("nl", (CERTIFICATE_SUBJECT,), "en"),
        ("en", (REVIEW_BODY,), "en"),
    ],
)
def test_a_mail_is_written_wholly_in_one_language(portal, language, parts, expected):
    assert messages.writing_language(language, parts) == expected


def test_a_partial_catalogue_sends_a_wholly_english_mail(portal):
    portal.MailHost.reset()
    recipient = messages.address_recipient("x@example.org", "de")
    messages.send_mail(recipient, CERTIFICATE_SUBJECT, REVIEW_BODY)
    (message,) = sent(portal)
    assert message["Subject"] == "Your QGIS certificate: QGIS"
    assert message.get_content().startswith("Hello,\n\nGeo (Romania) applies to become")


def test_attachments_travel_with_the_text(people):
    attachment = messages.Attachment("QGIS-1.pdf", PDF)
    messages.send_mail(messages.user_recipient("anaro"), SUBJECT, SUBJECT, attachments=[attachment])
    (message,) = sent(people)
    assert message.get_content_type() == "multipart/mixed"
    assert message.get_body(("plain",)).get_content() == "Cerere nouă: Geo Academy"
    (part,) = list(message.iter_attachments())
    assert part.get_content_type() == "application/pdf"
    assert part.get_filename() == "QGIS-1.pdf"
    assert part.get_payload(decode=True) == PDF


@pytest.fixture
def maildir_site(functional, monkeypatch, tmp_path):
    for name in ("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MAIL_DIR", str(tmp_path / "mail"))
    portal = functional["portal"]
    mock = portal.MailHost
    portal.MailHost = EnvironmentMailHost("MailHost")
    transaction.commit()
    yield tmp_path / "mail"
    transaction.abort()
    portal.MailHost = mock
    transaction.commit()


def delivered(path):
    return [message["To"] for message in mailbox.Maildir(str(path), create=True)]


def test_mail_leaves_only_when_the_transaction_commits(maildir_site):
    recipient = messages.address_recipient("x@example.org", "en")
    messages.send_mail(recipient, SUBJECT, SUBJECT)
    transaction.abort()
    assert delivered(maildir_site) == []
    messages.send_mail(recipient, SUBJECT, SUBJECT)
    assert delivered(maildir_site) == []
    transaction.commit()
    assert delivered(maildir_site) == ["x@example.org"]
