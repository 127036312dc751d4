"""Over HTTP: certificates only once the course has started, who would be
mailed (``GET @mail-certificates``), mailing only what was not mailed yet and
never twice for one request id, and the sample code that never verifies."""

from datetime import date

import pytest
import transaction
from builders import certified_course
from builders import top_up
from plone import api
from rest_helpers import error_message

from qgis.certification.certificates import codes
from qgis.certification.payments.credits import ledger_of


pytestmark = pytest.mark.server


class Course:
    def __init__(self, portal, start=None):
        with api.env.adopt_roles(["Manager"]):
            organisation, course, _people = certified_course(portal)
            top_up(organisation, 5)
            if start is not None:
                course.start_date, course.end_date = start, date(start.year, start.month, 28)
                course.reindexObject()
        self.organisation = organisation
        self.path = course.getPhysicalPath()
        self.url = course.absolute_url()
        transaction.commit()

    def certificates(self):
        transaction.begin()
        return api.content.find(
            path="/".join(self.path), portal_type="Certificate", unrestricted=True
        )

    def balance(self):
        transaction.begin()
        return ledger_of(self.organisation).balance


ISSUE_ALL = {"attendees": "all", "certificate_type": "completion"}


@pytest.fixture
def actors(server_site, sessions_for):
    return sessions_for("owner", "stranger")


def test_no_certificate_before_the_course_starts(server_site, actors):
    course = Course(server_site, start=date(2030, 3, 12))
    response = actors["owner"].post(f"{course.url}/@issue-certificates", json=ISSUE_ALL)
    assert response.status_code == 400
    assert error_message(response) == (
        "Certificates can be issued from 12 March 2030, when the course starts."
    )
    assert response.json()["error"]["starts"] == "2030-03-12"
    assert len(course.certificates()) == 0
    assert course.balance() == 5


def test_the_refusal_speaks_the_visitors_language(server_site, actors):
    course = Course(server_site, start=date(2030, 3, 12))
    response = actors["owner"].post(
        f"{course.url}/@issue-certificates", json=ISSUE_ALL, headers={"Accept-Language": "ro"}
    )
    assert response.status_code == 400
    assert "12 martie 2030" in error_message(response)


def test_a_course_that_starts_today_issues(server_site, actors):
    course = Course(server_site, start=date.today())
    response = actors["owner"].post(f"{course.url}/@issue-certificates", json=ISSUE_ALL)
    assert response.status_code == 201, response.text
    assert len(course.certificates()) == 3


def mail(session, course, **body):
    return session.post(f"{course.url}/@mail-certificates", json=body)


def test_mailing_over_rest_mails_what_was_not_mailed(server_site, actors):
    course = Course(server_site)
    owner = actors["owner"]
    issued = owner.post(f"{course.url}/@issue-certificates", json=ISSUE_ALL).json()["issued"]
    plan = owner.get(f"{course.url}/@mail-certificates").json()
    assert (plan["issued"], plan["unmailed"]) == (3, 3)
    assert sorted(item["email"] for item in plan["certificates"]) == [
        "asa@example.org",
        "ioana@example.org",
        "john@example.org",
    ]
    first = issued[0]["code"]
    uid = next(item["UID"] for item in plan["certificates"] if item["code"] == first)
    answer = mail(owner, course, certificates=[uid]).json()
    assert [item["code"] for item in answer["sent"]] == [first]
    answer = mail(owner, course).json()  # the default: only those not mailed yet
    assert sorted(item["code"] for item in answer["sent"]) == sorted(
        item["code"] for item in issued if item["code"] != first
    )
    assert mail(owner, course).json()["sent"] == []
    plan = owner.get(f"{course.url}/@mail-certificates").json()
    assert plan["unmailed"] == 0
    assert all(item["mailed"]["date"] for item in plan["certificates"])
    assert len(mail(owner, course, certificates="all").json()["sent"]) == 3


def test_one_request_id_mails_once(server_site, actors):
    course = Course(server_site)
    owner = actors["owner"]
    owner.post(f"{course.url}/@issue-certificates", json=ISSUE_ALL)
    first = mail(owner, course, certificates="all", request_id="click-1").json()
    again = mail(owner, course, certificates="all", request_id="click-1").json()
    assert (len(first["sent"]), first["repeated"]) == (3, False)
    assert (again["sent"], again["repeated"]) == ([], True)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"certificates": "everyone"}, "certificates"),
        ({"certificates": ["no-such-uid"]}, "certificates"),
        ({"request_id": "x" * 101}, "request_id"),
    ],
)
def test_bad_mailing_bodies_mail_nothing(server_site, actors, body, field):
    course = Course(server_site)
    owner = actors["owner"]
    owner.post(f"{course.url}/@issue-certificates", json=ISSUE_ALL)
    response = mail(owner, course, **body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    assert owner.get(f"{course.url}/@mail-certificates").json()["unmailed"] == 3


def test_only_those_who_issue_see_or_mail(server_site, actors):
    course = Course(server_site)
    actors["owner"].post(f"{course.url}/@issue-certificates", json=ISSUE_ALL)
    for who in ("stranger", "anonymous"):
        assert actors[who].get(f"{course.url}/@mail-certificates").status_code in (401, 403)
        assert mail(actors[who], course).status_code in (401, 403)
    assert actors["owner"].get(f"{course.url}/@mail-certificates").json()["unmailed"] == 3


def test_the_sample_code_never_verifies(server_site, actors):
    response = actors["anonymous"].get(f"{server_site.absolute_url()}/@verify/{codes.SAMPLE_CODE}")
    assert response.status_code == 400
    assert "sample" in error_message(response)
    assert codes.normalize(codes.SAMPLE_CODE) is None
