"""The daily run (``make review-deadlines``) for trainer certificates: it
lapses those past their end date and reminds organisations once per period
before the end."""

from datetime import date
from datetime import timedelta

import pytest
from builders import do
from builders import nominate_trainer
from mail_helpers import parsed
from plone import api

from qgis.certification.trainers import directory
from qgis.certification.trainers.validity import process_trainer_validity


SETTINGS = "qgis.certification.interfaces.ITrainerSettings."


def subjects(portal):
    return [(message["To"], message["Subject"]) for message in parsed(portal.MailHost.messages)]


def ending_in(nomination, days):
    nomination.valid_until = date.today() + timedelta(days=days)
    nomination.reindexObject()


@pytest.fixture
def approved(organisation):
    nomination = nominate_trainer(organisation, "approved")
    organisation.MailHost.reset()
    return nomination


def test_nothing_happens_long_before_the_end(approved):
    ending_in(approved, 61)
    assert process_trainer_validity() == {"lapsed": [], "trainer_reminders": []}
    assert subjects(approved) == []


def test_the_organisation_is_reminded_once_per_period(approved):
    ending_in(approved, 60)
    path = "/".join(approved.getPhysicalPath())
    assert process_trainer_validity()["trainer_reminders"] == [path]
    assert sorted(subjects(approved)) == [
        ("convener@example.org", "Renew the trainer certificate of Ana Trainer"),
        ("owner@example.org", "Renew the trainer certificate of Ana Trainer"),
    ]
    approved.MailHost.reset()
    assert process_trainer_validity()["trainer_reminders"] == []
    assert subjects(approved) == []


def test_a_renewed_certificate_is_reminded_again_in_its_new_period(approved):
    ending_in(approved, 10)
    process_trainer_validity()
    do(approved, "owner", "renew")
    do(approved, "team", "approve")
    ending_in(approved, 5)
    approved.MailHost.reset()
    assert len(process_trainer_validity()["trainer_reminders"]) == 1


def test_the_reminder_is_a_setting(approved):
    api.portal.set_registry_record(SETTINGS + "reminder_days_before", 5)
    ending_in(approved, 6)
    assert process_trainer_validity()["trainer_reminders"] == []
    ending_in(approved, 5)
    assert len(process_trainer_validity()["trainer_reminders"]) == 1


def test_a_certificate_past_its_end_date_lapses(approved):
    ending_in(approved, -1)
    assert directory.certified_convener(approved.convener) is False
    result = process_trainer_validity()
    assert result["lapsed"] == ["/".join(approved.getPhysicalPath())]
    assert api.content.get_state(approved) == "lapsed"
    assert ("owner@example.org", "Trainer certificate lapsed: Ana Trainer") in subjects(approved)
    approved.MailHost.reset()
    assert process_trainer_validity() == {"lapsed": [], "trainer_reminders": []}


def test_the_last_day_is_still_valid(approved):
    ending_in(approved, 0)
    assert process_trainer_validity()["lapsed"] == []
    assert directory.certified_convener(approved.convener) is True


def test_a_lapsed_trainer_renews(approved):
    ending_in(approved, -1)
    process_trainer_validity()
    do(approved, "owner", "renew")
    do(approved, "team", "approve")
    assert approved.valid_until > date.today() + timedelta(days=700)
    assert directory.certified_convener(approved.convener) is True


def test_the_daily_command_runs_both_steps(site, fresh_app, capsys):
    import transaction
    from builders import certified_course

    from scripts import review_deadlines

    organisation, _course, _attendees = certified_course(site)
    nomination = nominate_trainer(organisation, "approved")
    ending_in(nomination, -3)
    transaction.commit()
    assert review_deadlines.main(fresh_app, site.getId()) == 0
    assert "1 trainer certificates lapsed" in capsys.readouterr().out
    transaction.begin()
    assert api.content.get_state(site.organisations["geo-academy"][nomination.getId()]) == "lapsed"
