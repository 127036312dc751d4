"""The daily deadline run: reminders a week before the end, then the PSC."""

from datetime import timedelta

from builders import bring_to
from builders import create_application
from plone import api

from qgis.certification.application import review
from qgis.certification.application.deadlines import process_review_deadlines


def at(monkeypatch, moment):
    """Run the deadline step as if it were ``moment``."""
    monkeypatch.setattr(review, "now_utc", lambda: moment)
    return process_review_deadlines()


def mails_to(portal, address):
    return [m for m in portal.MailHost.messages if address.encode() in m]


def test_nothing_happens_early(programme, monkeypatch):
    organisation = bring_to(create_application(programme), "user_group_review")
    started = review.review_started(organisation)
    result = at(monkeypatch, started + timedelta(days=10))
    assert result == {"sent_to_psc": [], "reminded": []}
    assert api.content.get_state(organisation) == "user_group_review"


def test_reminder_once_a_week_before_the_end(programme, monkeypatch):
    organisation = bring_to(create_application(programme), "user_group_review")
    started = review.review_started(organisation)
    programme.MailHost.reset()
    result = at(monkeypatch, started + timedelta(days=24))
    assert result["reminded"] == ["/".join(organisation.getPhysicalPath())]
    assert len(mails_to(programme, "reviewer_ro@example.org")) == 1
    again = at(monkeypatch, started + timedelta(days=25))
    assert again["reminded"] == []
    assert len(mails_to(programme, "reviewer_ro@example.org")) == 1


def test_period_end_sends_to_psc_without_opinion(programme, monkeypatch):
    organisation = bring_to(create_application(programme), "user_group_review")
    started = review.review_started(organisation)
    programme.MailHost.reset()
    result = at(monkeypatch, started + timedelta(days=30, minutes=1))
    assert result["sent_to_psc"] == ["/".join(organisation.getPhysicalPath())]
    assert api.content.get_state(organisation) == "psc_decision"
    assert mails_to(programme, "psc_member@example.org")


def test_review_period_is_a_setting(programme, monkeypatch):
    api.portal.set_registry_record(
        "qgis.certification.interfaces.IReviewSettings.user_group_review_days", 10
    )
    organisation = bring_to(create_application(programme), "user_group_review")
    started = review.review_started(organisation)
    assert review.review_deadline(organisation) == started + timedelta(days=10)
    at(monkeypatch, started + timedelta(days=11))
    assert api.content.get_state(organisation) == "psc_decision"
