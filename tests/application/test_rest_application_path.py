"""The whole application path of the certification programme, driven through
plone.restapi over HTTP only, as its users drive it: the applicant, the
certification team, a user group's reviewer and the PSC. Each step asserts the
answer, the organisation's state and the mails it sends.

Set-up data (people, user groups) is made in test code and committed, so that
the server thread sees it; what the server changes is read back after
``transaction.begin()``.
"""

from email import message_from_bytes
from email import message_from_string
from email.header import decode_header
from email.header import make_header
from email.message import Message

import pytest
import transaction
from builders import APPLICATION_ANSWERS
from builders import PASSWORD
from plone import api
from rest_helpers import error_message


pytestmark = pytest.mark.server

APPLICANT = "applicant"
TITLE = "Geo Academy"
DENIED = (401, 403)


# -- set-up -------------------------------------------------------------------


@pytest.fixture
def site(server_site):
    """The programme's site with a fresh applicant, committed."""
    portal = server_site
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username=APPLICANT,
            email=f"{APPLICANT}@example.org",
            password=PASSWORD,
            properties={"fullname": "Ana Applicant"},
        )
    transaction.commit()
    return portal


@pytest.fixture
def actors(site, sessions_for):
    users = (APPLICANT, "owner", "stranger", "reviewer_ro", "reviewer_se", "team", "psc_member")
    return sessions_for(*users)


class Mailbox:
    """The MockMailHost's messages, read as the server committed them."""

    def __init__(self, portal):
        self.portal = portal
        self.seen = 0

    def new(self):
        """The messages sent since the last call, as (to, subject, body)."""
        transaction.begin()
        messages = list(self.portal.MailHost.messages)
        fresh, self.seen = messages[self.seen :], len(messages)
        return [parse_mail(message) for message in fresh]

    def new_recipients(self):
        return sorted(to for to, _subject, _body in self.new())


@pytest.fixture
def mailbox(site):
    box = Mailbox(site)
    box.new()  # whatever the set-up sent is not part of the path
    return box


def parse_mail(raw):
    if isinstance(raw, bytes):
        message = message_from_bytes(raw)
    elif isinstance(raw, str):
        message = message_from_string(raw)
    else:
        assert isinstance(raw, Message), raw
        message = raw
    subject = str(make_header(decode_header(message["Subject"])))
    part = next(p for p in message.walk() if not p.is_multipart())
    payload = part.get_payload(decode=True) or b""
    body = payload.decode(part.get_content_charset() or "utf-8")
    return str(message["To"]), subject, body


# -- helpers ------------------------------------------------------------------


def application_data(**extra):
    data = {
        "@type": "CertifyingOrganisation",
        "title": TITLE,
        "email": "office@geo-academy.example",
        "country": "RO",
        "contribution_types": ["documentation"],
        "contributions": {
            "data": "<p>We translate QGIS: <a href='https://example.org/po'>our work</a></p>",
            "content-type": "text/html",
        },
    }
    data.update(extra)
    return data


def created(response):
    assert response.status_code == 201, (response.status_code, response.text)
    return response.json()["@id"]


def apply(session, complete=True, **extra):
    """Create an application (and, when complete, its course type with
    training material); returns the organisation's URL."""
    url = created(session.post("/organisations", json=application_data(**extra)))
    if complete:
        add_course_type(session, url)
        answer(session, url)
    return url


def answer(session, organisation_url):
    response = session.post(
        f"{organisation_url}/@questionnaire", json={"answers": APPLICATION_ANSWERS}
    )
    assert response.status_code == 200, response.text


def add_course_type(session, organisation_url, with_material=True):
    url = created(
        session.post(
            organisation_url,
            json={"@type": "CourseType", "title": "QGIS for beginners", "instruction_hours": 16},
        )
    )
    if with_material:
        created(
            session.post(
                url,
                json={
                    "@type": "Link",
                    "title": "Exercises",
                    "remoteUrl": "https://example.org/exercises",
                },
            )
        )
    return url


def transition(session, organisation_url, name, comment="Looks right."):
    body = {} if comment is None else {"comment": comment}
    return session.post(f"{organisation_url}/@workflow/{name}", json=body)


def give_opinion(session, organisation_url, opinion="recommend", comment="A fine trainer."):
    body = {"opinion": opinion}
    if comment is not None:
        body["comment"] = comment
    return session.post(f"{organisation_url}/@user-group-opinion", json=body)


# The path through the workflow, step by step, to the state after each step.
REST_PATH = (
    (APPLICANT, "submit", "submitted"),
    ("team", "send_to_user_groups", "user_group_review"),
    ("reviewer_ro", "opinion", "user_group_review"),
    ("team", "send_to_psc", "psc_decision"),
    ("psc_member", "approve", "published"),
)


def advance(actors, organisation_url, state):
    """Drive the organisation over REST until it reaches ``state``."""
    for actor, step, reached in REST_PATH:
        if step == "opinion":
            response = give_opinion(actors[actor], organisation_url)
            assert response.status_code == 201, response.text
        else:
            response = transition(actors[actor], organisation_url, step)
            assert response.status_code == 200, (step, response.status_code, response.text)
        if reached == state:
            break
    assert state_of(organisation_url) == state


def obj_at(url):
    transaction.begin()
    portal = api.portal.get()
    path = url[len(portal.absolute_url()) :].lstrip("/")
    return portal.unrestrictedTraverse(path)


def state_of(url):
    return api.content.get_state(obj_at(url))


def children(url, portal_type=None):
    container = obj_at(url)
    return [
        item.getId()
        for item in container.objectValues()
        if portal_type is None or item.portal_type == portal_type
    ]


def in_anonymous_search(actors, organisation_url):
    response = actors["anonymous"].get(
        "/@search",
        params={"portal_type": "CertifyingOrganisation", "review_state": "published"},
    )
    assert response.status_code == 200, response.text
    return organisation_url in [item["@id"] for item in response.json()["items"]]


# -- 1. the happy path ---------------------------------------------------------


def test_application_from_draft_to_certified(actors, mailbox):
    applicant, team, psc = actors[APPLICANT], actors["team"], actors["psc_member"]
    reviewer_ro, reviewer_se = actors["reviewer_ro"], actors["reviewer_se"]
    anonymous = actors["anonymous"]

    # Any logged-in user applies, and owns the application.
    response = applicant.post("/organisations", json=application_data())
    org = created(response)
    assert response.json()["review_state"] == "draft"
    assert "Owner" in obj_at(org).get_local_roles_for_userid(APPLICANT)
    add_course_type(applicant, org)
    answer(applicant, org)
    assert anonymous.get(org).status_code in DENIED
    assert mailbox.new() == []

    # The applicant submits: the team is told, the applicant gets a confirmation.
    response = transition(applicant, org, "submit", "Please review us.")
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "submitted"
    assert state_of(org) == "submitted"
    mails = {to: (subject, body) for to, subject, body in mailbox.new()}
    assert sorted(mails) == [f"{APPLICANT}@example.org", "team@example.org"]
    assert "New application" in mails["team@example.org"][0]
    assert TITLE in mails["team@example.org"][0]
    assert org in mails["team@example.org"][1]
    assert "We received your application" in mails[f"{APPLICANT}@example.org"][0]
    assert not in_anonymous_search(actors, org)

    # The team asks the user groups covering Romania, and only them.
    assert reviewer_ro.get(org).status_code in DENIED
    response = transition(team, org, "send_to_user_groups")
    assert response.status_code == 200, response.text
    assert state_of(org) == "user_group_review"
    assert mailbox.new_recipients() == ["reviewer_ro@example.org"]
    response = reviewer_ro.get(org)
    assert response.status_code == 200
    assert response.json()["title"] == TITLE
    assert reviewer_se.get(org).status_code in DENIED

    # The Romanian reviewer records the group's opinion.
    response = give_opinion(reviewer_ro, org, "recommend", "They teach QGIS well.")
    assert response.status_code == 201, response.text
    assert response.json()["opinion"] == "recommend"
    assert response.json()["author"] == "reviewer_ro"
    mailbox.new()  # the brief names no mail for an opinion

    # The team and the PSC read it; the applicant and the public may not.
    for reader in (team, psc):
        response = reader.get(f"{org}/@user-group-opinion")
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert [(i["author"], i["opinion"], i["comment"]) for i in items] == [
            ("reviewer_ro", "recommend", "They teach QGIS well.")
        ]
        assert items[0]["user_group_title"] == "QGIS UG-RO"
    for outsider in (applicant, anonymous):
        assert outsider.get(f"{org}/@user-group-opinion").status_code in DENIED

    # Every covering group answered: the team hands over to the PSC.
    response = transition(team, org, "send_to_psc")
    assert response.status_code == 200, response.text
    assert state_of(org) == "psc_decision"
    assert mailbox.new_recipients() == ["psc_member@example.org"]

    # The PSC approves: the applicant is told, the public sees the organisation.
    response = transition(psc, org, "approve", "Welcome to the programme.")
    assert response.status_code == 200, response.text
    assert state_of(org) == "published"
    ((to, subject, body),) = mailbox.new()
    assert to == f"{APPLICANT}@example.org"
    assert "Congratulations" in subject
    assert TITLE in subject
    assert "Welcome to the programme." in body

    response = anonymous.get(org)
    assert response.status_code == 200
    assert response.json()["review_state"] == "published"
    assert in_anonymous_search(actors, org)


# -- 2. refusals ---------------------------------------------------------------


def test_incomplete_application_cannot_be_submitted(actors, mailbox):
    applicant = actors[APPLICANT]
    org = apply(applicant, complete=False)

    response = transition(applicant, org, "submit")
    assert response.status_code == 400, response.text
    assert "course type" in error_message(response)
    assert state_of(org) == "draft"

    course_type = add_course_type(applicant, org, with_material=False)
    response = transition(applicant, org, "submit")
    assert response.status_code == 400, response.text
    assert "training material" in error_message(response)
    assert state_of(org) == "draft"
    assert mailbox.new() == []

    created(
        applicant.post(
            course_type,
            json={"@type": "Link", "title": "Slides", "remoteUrl": "https://example.org/s"},
        )
    )
    response = transition(applicant, org, "submit")
    assert response.status_code == 400, response.text
    assert "questionnaire" in error_message(response)
    assert state_of(org) == "draft"

    # Once complete, the same request succeeds.
    answer(applicant, org)
    assert transition(applicant, org, "submit").status_code == 200
    assert state_of(org) == "submitted"


def test_only_the_applicant_submits(actors, mailbox):
    org = apply(actors[APPLICANT])

    response = transition(actors["anonymous"], org, "submit")
    assert response.status_code == 401, response.text
    error_message(response)
    assert state_of(org) == "draft"

    response = transition(actors["stranger"], org, "submit")
    assert response.status_code != 200
    assert response.status_code in (400, *DENIED), response.text
    error_message(response)
    assert state_of(org) == "draft"
    assert mailbox.new() == []


def test_review_refusals(actors, mailbox):
    team, psc, reviewer_ro = actors["team"], actors["psc_member"], actors["reviewer_ro"]
    org = apply(actors[APPLICANT])
    advance(actors, org, "submitted")
    mailbox.new()

    # The PSC may not skip the review.
    response = transition(psc, org, "approve")
    assert response.status_code in (400, *DENIED), response.text
    error_message(response)
    assert state_of(org) == "submitted"
    assert mailbox.new() == []

    advance_to_user_groups = transition(team, org, "send_to_user_groups")
    assert advance_to_user_groups.status_code == 200, advance_to_user_groups.text
    mailbox.new()

    # A reviewer of a group that does not cover Romania has no say.
    response = give_opinion(actors["reviewer_se"], org)
    assert response.status_code in DENIED, response.text
    error_message(response)

    # An opinion is 'recommend' or 'oppose', and is explained.
    response = give_opinion(reviewer_ro, org, opinion="maybe")
    assert response.status_code == 400, response.text
    assert "opinion" in error_message(response)
    response = give_opinion(reviewer_ro, org, comment=None)
    assert response.status_code == 400, response.text
    assert "comment" in error_message(response)
    response = give_opinion(reviewer_ro, org, comment="   ")
    assert response.status_code == 400, response.text
    assert "comment" in error_message(response)

    # Without the Romanian group's opinion, the PSC must wait.
    response = transition(team, org, "send_to_psc")
    assert response.status_code == 400, response.text
    message = error_message(response)
    assert "Waiting" in message
    assert "QGIS UG-RO" in message
    assert state_of(org) == "user_group_review"

    response = team.get(f"{org}/@user-group-opinion")
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert mailbox.new() == []


def test_decision_refusals(actors, mailbox):
    org = apply(actors[APPLICANT])
    advance(actors, org, "psc_decision")
    mailbox.new()

    # A rejection says why.
    response = transition(actors["psc_member"], org, "reject", comment=None)
    assert response.status_code == 400, response.text
    assert "comment" in error_message(response)
    response = transition(actors["psc_member"], org, "reject", comment="  ")
    assert response.status_code == 400, response.text
    assert state_of(org) == "psc_decision"

    # The applicant does not decide on their own application.
    response = transition(actors[APPLICANT], org, "approve")
    assert response.status_code in (400, *DENIED), response.text
    error_message(response)
    assert state_of(org) == "psc_decision"
    assert mailbox.new() == []


# -- 3. validation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("country", "XX"), ("email", "not-an-email")],
)
def test_invalid_application_is_not_created(actors, field, value):
    before = children(api.portal.get()["organisations"].absolute_url())
    response = actors[APPLICANT].post("/organisations", json=application_data(**{field: value}))
    assert response.status_code == 400, response.text
    assert field in error_message(response)
    assert children(api.portal.get()["organisations"].absolute_url()) == before


def test_invalid_course_parts_are_not_created(actors):
    owner = actors[APPLICANT]
    org = apply(owner)
    advance(actors, org, "published")

    convener = created(
        owner.post(org, json={"@type": "CourseConvener", "title": "Ana", "user_id": "convener"})
    )
    centre = created(
        owner.post(
            org,
            json={
                "@type": "TrainingCenter",
                "title": "Cluj",
                "country": "RO",
                "latitude": 46.7,
                "longitude": 23.6,
            },
        )
    )
    course_type = next(iter(children(org, "CourseType")))
    uid = {
        "course_type": obj_at(f"{org}/{course_type}").UID(),
        "convener": obj_at(convener).UID(),
        "training_center": obj_at(centre).UID(),
    }

    # A convener of another organisation (an application still in draft).
    other = apply(actors["stranger"], complete=False, title="Other Academy")
    foreign_convener = created(
        actors["stranger"].post(
            other, json={"@type": "CourseConvener", "title": "Ion", "user_id": "stranger"}
        )
    )

    def course(**extra):
        data = {
            "@type": "Course",
            "title": "QGIS for beginners, spring",
            **uid,
            "start_date": "2027-03-01",
            "end_date": "2027-03-03",
            "course_language": "ro",
        }
        data.update(extra)
        return data

    before = sorted(children(org))
    refused = {
        "end before start": owner.post(
            org, json=course(start_date="2027-03-03", end_date="2027-03-01")
        ),
        "foreign convener": owner.post(org, json=course(convener=obj_at(foreign_convener).UID())),
        "latitude 95": owner.post(
            org,
            json={
                "@type": "TrainingCenter",
                "title": "North",
                "country": "RO",
                "latitude": 95.0,
                "longitude": 23.6,
            },
        ),
        "unknown user": owner.post(
            org, json={"@type": "CourseConvener", "title": "Nobody", "user_id": "nobody"}
        ),
    }
    answers = {
        case: (response.status_code, error_message(response) if not response.ok else "")
        for case, response in refused.items()
    }
    assert {case: status for case, (status, _m) in answers.items()} == dict.fromkeys(
        refused, 400
    ), answers
    assert "end before it starts" in answers["end before start"][1]
    assert "organisation" in answers["foreign convener"][1]
    assert "convener" in answers["foreign convener"][1]
    assert "latitude" in answers["latitude 95"][1]
    assert "too big" in answers["latitude 95"][1]
    assert "no user" in answers["unknown user"][1]
    assert sorted(children(org)) == before

    # The same course, with dates in order and its own convener, is created.
    created(owner.post(org, json=course()))
    assert len(children(org, "Course")) == 1


def test_whole_number_coordinates_are_accepted(actors):
    """A JSON client cannot tell 46 from 46.0 (JavaScript writes both as 46):
    a training centre on a whole degree must be accepted like any other."""
    owner = actors[APPLICANT]
    org = apply(owner, complete=False)
    response = owner.post(
        org,
        json={
            "@type": "TrainingCenter",
            "title": "Equator",
            "country": "RO",
            "latitude": 46,
            "longitude": 0,
        },
    )
    assert response.status_code == 201, response.text
    centre = obj_at(response.json()["@id"])
    assert (centre.latitude, centre.longitude) == (46.0, 0.0)
