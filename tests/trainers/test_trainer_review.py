"""The review of a nomination: what each step needs, what approving does, and
the mails of each step."""

from datetime import date
from datetime import timedelta

import pytest
from builders import do
from builders import nominate_trainer
from builders import top_up
from mail_helpers import parsed
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

from qgis.certification.payments.credits import balance_of
from qgis.certification.trainers import validity


SETTINGS = "qgis.certification.interfaces.ITrainerSettings."


def sent(portal):
    return [
        {"to": message["To"], "subject": message["Subject"], "body": message.get_content()}
        for message in parsed(portal.MailHost.messages)
    ]


@pytest.mark.parametrize(
    ("state", "transition", "who", "recipients", "subject"),
    [
        (
            "draft",
            "submit",
            "owner",
            {"team@example.org", "owner@example.org", "convener@example.org"},
            None,
        ),
        (
            "submitted",
            "request_changes",
            "team",
            {"owner@example.org", "convener@example.org"},
            "Changes needed in the nomination of Ana Trainer",
        ),
        (
            "submitted",
            "approve",
            "team",
            {"owner@example.org", "convener@example.org"},
            "Ana Trainer is a certified QGIS trainer",
        ),
        (
            "submitted",
            "reject",
            "team",
            {"owner@example.org", "convener@example.org"},
            "The nomination of Ana Trainer was not approved",
        ),
        (
            "approved",
            "revoke",
            "team",
            {"owner@example.org", "convener@example.org"},
            "Trainer certificate revoked: Ana Trainer",
        ),
        (
            "approved",
            "renew",
            "owner",
            {"team@example.org", "owner@example.org", "convener@example.org"},
            None,
        ),
    ],
)
def test_each_step_mails_who_it_concerns(organisation, state, transition, who, recipients, subject):
    nomination = nominate_trainer(organisation, state)
    organisation.MailHost.reset()
    do(nomination, who, transition, comment="Add the course outlines.")
    messages = sent(organisation)
    assert {message["to"] for message in messages} == recipients
    for message in messages:
        assert "${" not in message["body"] + message["subject"]
        assert nomination.absolute_url() in message["body"]
        if subject is not None:
            assert message["subject"] == subject
    if transition in ("request_changes", "reject", "revoke"):
        assert all("Add the course outlines." in message["body"] for message in messages)


@pytest.mark.parametrize(
    ("state", "transition"),
    [("submitted", "request_changes"), ("submitted", "reject"), ("approved", "revoke")],
)
def test_sending_back_rejecting_and_revoking_need_a_comment(organisation, state, transition):
    nomination = nominate_trainer(organisation, state)
    with pytest.raises(WorkflowException, match="a comment is required"):
        do(nomination, "team", transition, comment="  ")
    assert api.content.get_state(nomination) == state


def test_approval_issues_the_certificate_for_the_period_of_the_settings(organisation):
    api.portal.set_registry_record(SETTINGS + "validity_months", 18)
    nomination = nominate_trainer(organisation, "approved")
    today = date.today()
    assert nomination.code.startswith("QGIS-")
    assert nomination.valid_from == today
    assert nomination.valid_until == validity.add_months(today, 18)
    assert nomination.issued_by == "team"
    assert balance_of(organisation) == 0, "free by default"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 3, 15), 24, date(2028, 3, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
    ],
)
def test_months_are_calendar_months(day, months, expected):
    assert validity.add_months(day, months) == expected


def test_an_early_renewal_continues_from_the_end_date_and_keeps_the_code(organisation):
    nomination = nominate_trainer(organisation, "approved")
    code, end = nomination.code, nomination.valid_until
    do(nomination, "owner", "renew")
    assert validity.is_certified(api.content.get_state(nomination), nomination.valid_until)
    do(nomination, "team", "approve")
    assert nomination.code == code
    assert nomination.valid_until == validity.add_months(end, 24)


def test_when_trainer_certificates_cost_credits_approval_takes_them(organisation):
    api.portal.set_registry_record(SETTINGS + "costs_credits", True)
    api.portal.set_registry_record(SETTINGS + "credits", 2)
    nomination = nominate_trainer(organisation, "submitted")
    top_up(organisation, 1)
    with pytest.raises(WorkflowException, match="Not enough credits"):
        do(nomination, "team", "approve")
    assert api.content.get_state(nomination) == "submitted"
    assert nomination.code is None
    top_up(organisation, 2)
    do(nomination, "team", "approve")
    assert balance_of(organisation) == 1


def test_a_convener_is_nominated_once_at_a_time(organisation):
    nominate_trainer(organisation, "approved")
    with api.env.adopt_roles(["Manager"]):
        second = api.content.create(
            container=organisation,
            type="TrainerNomination",
            id="again",
            convener=organisation["ana-trainer"].UID(),
            country="RO",
            teaching_languages=["ro"],
            statement="Again.",
        )
    with pytest.raises(WorkflowException, match="already has a nomination"):
        do(second, "owner", "submit")


def test_a_certificate_lapses_only_after_its_end_date(organisation):
    nomination = nominate_trainer(organisation, "approved")
    with pytest.raises(WorkflowException, match="not reached its end date"):
        do(nomination, "team", "lapse")
    nomination.valid_until = date.today() - timedelta(days=1)
    do(nomination, "team", "lapse")
    assert api.content.get_state(nomination) == "lapsed"


def test_the_history_keeps_each_step_with_its_comment(organisation):
    nomination = nominate_trainer(organisation, "changes_requested")
    with api.env.adopt_user(username="team"):
        history = api.portal.get_tool("portal_workflow").getInfoFor(nomination, "review_history")
    assert [entry["action"] for entry in history] == [None, "submit", "request_changes"]
    assert history[-1]["actor"] == "team"
    assert history[-1]["comments"] == "Checked by the team."
