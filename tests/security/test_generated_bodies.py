"""Generated bodies, over HTTP: every JSON endpoint of the product, and the
creation and editing of its content, answer anything a client may send
(any JSON value, its real members holding values of every JSON type, huge
numbers, NaN and Infinity, very long or odd text, nested lists, bytes that are
not JSON) without a server error, in the one error shape when they refuse,
and without writing anything when they refuse.

hypothesis generates the bodies (derandomized, so that every run sends the
same ones); the content is built and committed once, and every example runs
against it."""

import json

import pytest
import transaction
from builders import bring_to
from builders import certified_course
from builders import create_application
from builders import top_up
from builders import with_questionnaires
from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from plone import api
from security_helpers import last_transaction
from zope.schema import getFieldNames

from qgis.certification.certificates import issuing
from qgis.certification.content.attendee import IAttendee
from qgis.certification.content.course import ICourse
from qgis.certification.content.course_convener import ICourseConvener
from qgis.certification.content.course_type import ICourseType
from qgis.certification.content.organisation import ICertifyingOrganisation
from qgis.certification.content.training_center import ITrainingCenter


pytestmark = pytest.mark.server

EXAMPLES = 55  # per endpoint; the endpoints below make at least 1,000 in all
TOTAL = 1000


class Raw:
    """A bare JSON token that json.dumps cannot write (NaN, Infinity, 1e999...)."""

    def __init__(self, token):
        self.token = token


def encode(value):
    """``value`` as JSON text, ``Raw`` tokens written as they are."""
    if isinstance(value, Raw):
        return value.token
    if isinstance(value, dict):
        members = (f"{json.dumps(key)}: {encode(item)}" for key, item in value.items())
        return "{" + ", ".join(members) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(encode(item) for item in value) + "]"
    return json.dumps(value)


TOKENS = ("NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1" + "0" * 400, "-0", "1e-400")
LONG_TEXT = ("x" * 70_000, "é" * 5_000, "\ud800", "\u0000", "<script>alert(1)</script>")
DATES = ("2027-03-01", "2027-02-30", "0000-00-00", "99999-01-01", "2027-03-01T25:61:00")
UIDS = ("all", "completion", "recommend", "oppose", "invoice", "card", "RO", "ro", "en")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**70),
    st.integers(min_value=-(2**70), max_value=-(2**63) + 2),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(LONG_TEXT + DATES + UIDS),
    st.sampled_from(TOKENS).map(Raw),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=8,
)
malformed = st.one_of(
    st.binary(max_size=80),
    st.sampled_from(
        [b"", b"{", b'{"a": }', b"[1, 2", b"\xff\xfe{}", b'{"a": "\xc3\x28"}', b"{'a': 1}", b"nul"]
    ),
)


def utf8(text):
    """Text as UTF-8 bytes, lone surrogates (which JSON may escape) kept."""
    return text.encode("utf-8", "surrogatepass")


def bodies(names, fixed=None):
    """Bytes of bodies for an endpoint whose members are ``names``."""
    members = dict.fromkeys([name for name in names if name not in (fixed or {})], json_values)
    objects = st.fixed_dictionaries(fixed or {}, optional=members)
    as_text = st.one_of(objects, objects, json_values).map(encode)
    truncated = st.tuples(objects.map(encode), st.integers(min_value=1)).map(
        lambda pair: pair[0][: pair[1] % max(len(pair[0]), 1)]
    )
    as_bytes = as_text.map(lambda text: text.encode("utf-8", "surrogatepass"))
    return st.one_of(
        as_bytes, truncated.map(lambda text: text.encode("utf-8", "surrogatepass")), malformed
    )


def content_fields(*schemata):
    return ["title", "description", "id", "@type", *(n for s in schemata for n in getFieldNames(s))]


class Targets:
    """The content the endpoints act on, built and committed once."""

    def __init__(self, portal):
        with_questionnaires(portal)
        with api.env.adopt_roles(["Manager"]):
            organisation, course, people = certified_course(portal)
            other = certified_course(portal, title="Map School", publish=False)
            top_up(organisation, 50)
            certificate = issuing.issue_certificates(
                course, [people[0].UID()], "completion", "owner"
            )[0][0]
            draft = create_application(portal, title="Draft School", answered=False)
            to_submit = create_application(portal, title="Submit School")
            in_review = bring_to(
                create_application(portal, title="Review School"), "user_group_review"
            )
        self.urls = {
            "organisations": portal["organisations"].absolute_url(),
            "organisation": organisation.absolute_url(),
            "centre": organisation["cluj-centre"].absolute_url(),
            "course": course.absolute_url(),
            "draft_course": other[1].absolute_url(),
            "certificate": certificate.absolute_url(),
            "draft": draft.absolute_url(),
            "to_submit": to_submit.absolute_url(),
            "in_review": in_review.absolute_url(),
            "questions": portal["questionnaires"]["application-questionnaire"].absolute_url(),
        }
        transaction.commit()


# (method, who, on what, path, the body's members, fixed members, the product's own endpoint)
ENDPOINTS = [  # fmt: off
    ("POST", "owner", "course", "@issue-certificates",
     ["attendees", "certificate_type"], None, True),
    ("POST", "owner", "course", "@mail-certificates", ["certificates", "request_id"], None, True),
    ("POST", "owner", "certificate", "@correct", ["first_name", "last_name"], None, True),
    ("POST", "team", "certificate", "@revoke", ["comment", "refund"], None, True),
    ("POST", "team", "organisation", "@credits", ["amount", "reason"], None, True),
    ("POST", "owner", "organisation", "@credit-orders", ["credits", "method"], None, True),
    ("POST", "reviewer_ro", "in_review", "@user-group-opinion",
     ["opinion", "comment", "user_group"], None, True),
    ("POST", "owner", "draft", "@questionnaire", ["answers"], None, True),
    ("POST", "team", "in_review", "@review-checklist", ["answers"], None, True),
    ("PATCH", "team", "questions", "@question-languages", ["questions"], None, True),
    ("POST", "owner", "to_submit", "@workflow/submit",
     ["comment", "effective", "expires", "include_children"], None, True),
    ("POST", "owner", "draft_course", "@workflow/publish",
     ["comment", "effective", "expires", "include_children"], None, True),
    ("POST", "owner", "organisations", "", content_fields(ICertifyingOrganisation),
     {"@type": st.just("CertifyingOrganisation")}, False),
    ("POST", "owner", "organisation", "", content_fields(ITrainingCenter),
     {"@type": st.just("TrainingCenter")}, False),
    ("POST", "owner", "organisation", "", content_fields(ICourseType),
     {"@type": st.just("CourseType")}, False),
    ("POST", "owner", "organisation", "", content_fields(ICourseConvener),
     {"@type": st.just("CourseConvener")}, False),
    ("POST", "owner", "organisation", "", content_fields(ICourse),
     {"@type": st.just("Course")}, False),
    ("POST", "owner", "course", "", content_fields(IAttendee),
     {"@type": st.just("Attendee")}, False),
    ("PATCH", "owner", "organisation", "", content_fields(ICertifyingOrganisation), None, False),
    ("PATCH", "owner", "centre", "", content_fields(ITrainingCenter), None, False),
    ("PATCH", "owner", "draft_course", "", content_fields(ICourse), None, False),
]  # fmt: skip


@pytest.fixture
def targets(server_site):
    return Targets(server_site)


@pytest.fixture
def actors(server_site, sessions_for):
    return sessions_for("owner", "team", "reviewer_ro")


def check_error(response, own):
    """A refusal is JSON in the error shape (the product's own, with its
    ``errors``, on the product's endpoints)."""
    assert response.headers["Content-Type"].startswith("application/json")
    answer = response.json()
    # plone.restapi answers the exceptions it raises with the error's members at the top
    error = answer["error"] if own else answer.get("error", answer)
    assert isinstance(error["type"], str)
    assert error["type"]
    assert isinstance(error["message"], str)
    if own:
        assert isinstance(error["errors"], list)
        for fault in error["errors"]:
            assert set(fault) >= {"field", "message"}, fault


def check(portal, session, endpoint, url, body):
    method, _who, _target, _path, _names, _fixed, own = endpoint
    before = last_transaction(portal)
    headers = {"Content-Type": "application/json"}
    response = session.request(method, url, data=body, headers=headers)
    status, said = response.status_code, response.text[:400]
    conflict = status == 500 and "ConflictError" in response.text
    assert status < 500 or conflict, (url, body[:300], status, said)
    if status >= 400:
        check_error(response, own)
        assert last_transaction(portal) == before, ("wrote on a refusal", url, body[:300], said)


def send_generated(portal, session, endpoint, url):
    """Send ``EXAMPLES`` generated bodies to ``url``; returns how many were sent."""
    _method, _who, _target, _path, names, fixed, _own = endpoint
    sent = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(bodies(names, fixed))
    def examples(body):
        sent.append(body)
        check(portal, session, endpoint, url, body)

    examples()
    return len(sent)


def test_generated_bodies_never_break_the_server(server_site, targets, actors):
    sent = 0
    for endpoint in ENDPOINTS:
        _method, who, target, path, _names, _fixed, _own = endpoint
        url = f"{targets.urls[target]}/{path}".rstrip("/")
        sent += send_generated(server_site, actors[who], endpoint, url)
    assert sent >= TOTAL, sent
