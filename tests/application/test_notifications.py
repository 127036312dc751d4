"""The mails of each step: who gets them, and that they read well."""

from email import message_from_bytes
from email.header import decode_header
from email.header import make_header

import pytest
from builders import bring_to
from builders import create_application
from builders import do


def sent(portal):
    messages = []
    for raw in portal.MailHost.messages:
        message = message_from_bytes(raw)
        messages.append(
            {
                "to": message["To"],
                "subject": str(make_header(decode_header(message["Subject"]))),
                "body": message.get_payload(decode=True).decode("utf-8"),
            }
        )
    return messages


@pytest.fixture
def mails(programme):
    programme.MailHost.reset()
    return programme


def test_submit_mails_team_and_applicant(mails):
    organisation = create_application(mails)
    mails.MailHost.reset()
    do(organisation, "owner", "submit")
    by_recipient = {m["to"]: m for m in sent(mails)}
    assert set(by_recipient) == {"team@example.org", "owner@example.org"}
    team = by_recipient["team@example.org"]
    assert team["subject"] == "New application: Geo Academy"
    assert "Geo Academy (Romania)" in team["body"]
    assert organisation.absolute_url() in team["body"]
    assert "${" not in team["body"] + by_recipient["owner@example.org"]["body"]


def test_user_groups_are_asked_with_the_deadline(mails):
    organisation = bring_to(create_application(mails), "submitted")
    mails.MailHost.reset()
    do(organisation, "team", "send_to_user_groups")
    (message,) = sent(mails)
    assert message["to"] == "reviewer_ro@example.org"
    assert "before 20" in message["body"]


def test_decision_and_changes_reach_owner_with_the_comment(mails):
    organisation = bring_to(create_application(mails), "submitted")
    mails.MailHost.reset()
    do(organisation, "team", "request_changes", comment="Link your plugin repository.")
    (message,) = sent(mails)
    assert message["to"] == "owner@example.org"
    assert "Link your plugin repository." in message["body"]
    organisation = bring_to(create_application(mails, title="Second"), "psc_decision")
    mails.MailHost.reset()
    do(organisation, "psc_member", "reject", comment="Too few contributions.")
    (message,) = sent(mails)
    assert message["subject"] == "Your application was not approved: Second"
    assert "Too few contributions." in message["body"]


def test_psc_is_told_when_its_decision_is_needed(mails):
    organisation = bring_to(create_application(mails, country="BR"), "submitted")
    mails.MailHost.reset()
    do(organisation, "team", "send_to_psc")
    assert [m["to"] for m in sent(mails)] == ["psc_member@example.org"]
