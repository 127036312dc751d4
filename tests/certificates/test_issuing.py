"""Issuing certificates: all or none, paid, never twice, refunded on revoke."""

from datetime import date
from datetime import timedelta

import pytest
from builders import certified_course
from builders import create_programme
from builders import do
from builders import top_up
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zExceptions import Forbidden
from zExceptions import Unauthorized

from qgis.certification.certificates import codes
from qgis.certification.certificates import issuing
from qgis.certification.payments.credits import ledger_of


@pytest.fixture
def course(portal):
    create_programme(portal)
    organisation, course, people = certified_course(portal)
    return organisation, course, people


def issue(course, attendees="all", type_id="completion", user="owner"):
    with api.env.adopt_user(username=user):
        return issuing.issue_certificates(course, attendees, type_id, user)


def test_issue_all_debits_one_credit_each(course):
    organisation, course, people = course
    top_up(organisation, 5)
    certificates, balance = issue(course)
    assert balance == 2
    assert sorted(c.printed_name for c in certificates) == [
        "Ioana Ștefănescu",
        "John Smith",
        "Åsa Öberg",
    ]
    ledger = ledger_of(organisation)
    assert [e["reason"] for e in ledger.entries()] == ["top-up"] + ["certificate"] * 3
    assert {e["reference"] for e in ledger.entries()[1:]} == {c.code for c in certificates}
    assert ledger.recomputed_balance() == ledger.balance == 2


def test_certificate_keeps_the_course_as_it_was(course):
    organisation, course, people = course
    top_up(organisation, 1)
    (certificate,), _ = issue(course, [people[0].UID()])
    assert certificate.code == codes.normalize(certificate.code)
    assert certificate.course_type_title == "QGIS for beginners"
    assert certificate.instruction_hours == 16
    assert certificate.convener_name == "Ana Trainer"
    assert certificate.wording == "a absolvit cu succes cursul"  # the course is taught in Romanian
    course.title = "Renamed later"
    organisation["qgis-for-beginners"].instruction_hours = 40
    assert certificate.course_title == "QGIS for beginners, spring"
    assert certificate.instruction_hours == 16


def test_not_enough_credits_issues_nothing(course):
    organisation, course, people = course
    top_up(organisation, 2)
    with pytest.raises(issuing.IssueError) as refusal:
        issue(course)
    assert refusal.value.status == 402
    assert refusal.value.details == {"needed": 3, "balance": 2, "shortfall": 1}
    assert len(api.content.find(context=course, portal_type="Certificate", unrestricted=True)) == 0
    assert ledger_of(organisation).balance == 2


def test_never_twice_for_the_same_attendee_and_type(course):
    organisation, course, people = course
    top_up(organisation, 10)
    issue(course, [people[0].UID()])
    with pytest.raises(issuing.IssueError) as refusal:
        issue(course, [people[0].UID(), people[1].UID()])
    assert refusal.value.status == 409
    assert ledger_of(organisation).balance == 9
    # "all" issues to those who do not have it yet; another type is another certificate
    certificates, _ = issue(course)
    assert len(certificates) == 2
    certificates, balance = issue(course, [people[0].UID()], "attendance")
    assert (len(certificates), balance) == (1, 6)
    with pytest.raises(issuing.IssueError) as refusal:
        issue(course)
    assert refusal.value.status == 409


@pytest.mark.parametrize(
    ("attendees", "type_id", "status"),
    [
        (["not-an-attendee"], "completion", 400),
        ([], "completion", 400),
        ("some", "completion", 400),
        ("all", "diploma", 400),
    ],
)
def test_bad_requests_change_nothing(course, attendees, type_id, status):
    organisation, course, people = course
    top_up(organisation, 5)
    with pytest.raises(issuing.IssueError) as refusal:
        issue(course, attendees, type_id)
    assert refusal.value.status == status
    assert ledger_of(organisation).balance == 5


def test_only_certified_organisations_issue(course):
    organisation, course, people = course
    top_up(organisation, 5)
    do(organisation, "team", "archive")
    with pytest.raises(issuing.IssueError, match="certified organisations"):
        issue(course)


def test_owner_revokes_within_the_window_and_is_refunded(course):
    organisation, course, people = course
    top_up(organisation, 3)
    (certificate, *_), balance = issue(course)
    assert balance == 0
    do(certificate, "owner", "revoke", comment="Wrong course.")
    assert api.content.get_state(certificate) == "revoked"
    assert ledger_of(organisation).balance == 1
    assert ledger_of(organisation).entries()[-1]["reason"] == "refund"
    # the attendee may be certified again
    certificates, balance = issue(course, [certificate.attendee])
    assert balance == 0


def test_revoke_needs_a_comment(course):
    organisation, course, people = course
    top_up(organisation, 3)
    (certificate, *_), _ = issue(course)
    with pytest.raises(WorkflowException, match="comment is required"):
        do(certificate, "owner", "revoke", comment=" ")
    assert api.content.get_state(certificate) == "issued"


def test_after_the_window_only_the_team_revokes(course):
    organisation, course, people = course
    top_up(organisation, 3)
    (certificate, *_), _ = issue(course)
    certificate.issue_date = date.today() - timedelta(days=8)
    with pytest.raises(WorkflowException, match="within 7 days"):
        do(certificate, "owner", "revoke", comment="Too late.")
    do(certificate, "team", "revoke", comment="Fraud.")
    assert api.content.get_state(certificate) == "revoked"
    assert ledger_of(organisation).balance == 0  # the team chose no refund


def test_team_may_refund(course):
    organisation, course, people = course
    top_up(organisation, 3)
    (certificate, *_), _ = issue(course)
    with api.env.adopt_user(username="team"):
        api.portal.get_tool("portal_workflow").doActionFor(
            certificate, "revoke", comment="Course cancelled.", refund=True
        )
    assert ledger_of(organisation).balance == 1


def test_corrections_within_the_window(course):
    organisation, course, people = course
    top_up(organisation, 3)
    (certificate, *_), _ = issue(course)
    with api.env.adopt_user(username="owner"):
        issuing.correct_certificate(certificate, "Ioana", "Ștefănescu-Pop")
        assert certificate.printed_name == "Ioana Ștefănescu-Pop"
        with pytest.raises(issuing.IssueError, match="required"):
            issuing.correct_certificate(certificate, "Ioana", " ")
    certificate.issue_date = date.today() - timedelta(days=8)
    with api.env.adopt_user(username="owner"), pytest.raises(issuing.IssueError) as late:
        issuing.correct_certificate(certificate, "Ioana", "Pop")
    assert late.value.status == 403
    with api.env.adopt_user(username="team"):
        issuing.correct_certificate(certificate, "Ioana", "Pop")
    assert certificate.printed_name == "Ioana Pop"


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [("x" * 1_000_000, "Pop"), ("Ioana", "P" * 201), (10**40, "Pop"), ("Ioana", ["Pop"])],
)
def test_a_correction_is_a_name_of_bounded_length(course, first_name, last_name):
    organisation, course, people = course
    top_up(organisation, 3)
    (certificate, *_), _ = issue(course)
    printed = certificate.printed_name
    with api.env.adopt_user(username="owner"), pytest.raises(issuing.IssueError) as refusal:
        issuing.correct_certificate(certificate, first_name, last_name)
    assert refusal.value.status == 400
    assert certificate.printed_name == printed


def test_certificates_are_never_deleted(course):
    organisation, course, people = course
    top_up(organisation, 3)
    (certificate, *_), _ = issue(course)
    with api.env.adopt_roles(["Manager"]), pytest.raises(Unauthorized):
        api.content.delete(certificate)  # nobody holds the permission
    with pytest.raises(Forbidden):
        course._delObject(certificate.getId())  # and below permissions, the event refuses
    with api.env.adopt_roles(["Manager"]), pytest.raises(Forbidden):
        api.content.delete(course)
    assert certificate.getId() in course.objectIds()


def test_find_by_code_uses_the_catalog(course):
    organisation, course, people = course
    top_up(organisation, 3)
    certificates, _ = issue(course)
    for certificate in certificates:
        assert issuing.find_certificate(certificate.code) == certificate
    assert issuing.find_certificate("QGIS-0000-0000-0") is None
