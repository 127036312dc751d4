"""Private stays private: what the public JSON of the programme's content
shows is no more than its public page (no e-mail address, phone, VAT number,
login name or review comment), and the review history's comments are for
those who may see the review."""

import base64
import re

import pytest
from builders import certified_course
from builders import create_application
from plone import api
from plone.namedfile.file import NamedBlobImage


pytestmark = pytest.mark.server

PRIVATE_FIELDS = ("email", "phone", "vat_number", "user_id", "signature", "members")
REVIEW_COMMENTS = ("Looks right.",)  # what builders.do() comments on every step
LOGIN_NAMES = ("owner", "team", "psc_member", "convener")
# a 1x1 PNG, as the scan of a signature
SIGNATURE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w+")


@pytest.fixture
def published(server_site, commit):
    """URLs of a certified organisation's public items, by type."""
    organisation, course, _people = certified_course(server_site)
    with api.env.adopt_roles(["Manager"]):
        organisation.phone = "+40 264 000 000"
        organisation.vat_number = "RO123456"
        centre = organisation["cluj-centre"]
        centre.email = "cluj@geo-academy.example"
        centre.phone = "+40 264 111 111"
        organisation["ana-trainer"].signature = NamedBlobImage(SIGNATURE, filename="sig.png")
    commit()
    return {
        "CertifyingOrganisation": organisation.absolute_url(),
        "Course": course.absolute_url(),
        "CourseType": organisation["qgis-for-beginners"].absolute_url(),
        "TrainingCenter": centre.absolute_url(),
        "CourseConvener": organisation["ana-trainer"].absolute_url(),
    }


def values(body):
    """Every string value of a JSON body (not its keys)."""
    if isinstance(body, dict):
        return [text for value in body.values() for text in values(value)]
    if isinstance(body, list):
        return [text for value in body for text in values(value)]
    return [body] if isinstance(body, str) else []


def leaks(body):
    """The private things a JSON body shows."""
    texts = [text for text in values(body) if not text.startswith("http")]
    found = [f"field {name}" for name in PRIVATE_FIELDS if name in body]
    found += [f"address {text}" for text in texts if EMAIL.search(text)]
    found += [f"comment {text}" for text in texts if text in REVIEW_COMMENTS]
    found += [f"login {text}" for text in texts if text in LOGIN_NAMES]
    return found


@pytest.mark.parametrize("user", ["anonymous", "stranger"])
def test_public_json_shows_nothing_private(actors, published, user):
    for portal_type, url in published.items():
        for query in ("", "?expand=workflow"):
            response = actors[user].get(url + query)
            assert response.status_code == 200, (portal_type, response.status_code)
            assert leaks(response.json()) == [], (portal_type, query)


def test_the_organisation_sees_its_private_details(actors, published):
    organisation = actors["owner"].get(published["CertifyingOrganisation"]).json()
    assert organisation["email"] == "office@geo-academy.example"
    assert organisation["vat_number"] == "RO123456"
    assert actors["owner"].get(published["CourseConvener"]).json()["user_id"] == "convener"
    assert actors["team"].get(published["TrainingCenter"]).json()["phone"] == "+40 264 111 111"


def test_the_public_page_and_json_agree_on_the_email(actors, published):
    url = published["CertifyingOrganisation"]
    page = actors["anonymous"].get(url, headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "office@geo-academy.example" not in page.text
    assert "email" not in actors["anonymous"].get(url).json()


def history_of(session, url):
    response = session.get(f"{url}/@workflow")
    assert response.status_code == 200, response.status_code
    return response.json()["history"]


@pytest.mark.parametrize("user", ["anonymous", "stranger", "reviewer_se"])
def test_review_history_without_comments_for_others(actors, published, user):
    history = history_of(actors[user], published["CertifyingOrganisation"])
    assert [entry["review_state"] for entry in history][-1] == "published"
    assert all("comments" not in entry and "actor" not in entry for entry in history)


@pytest.mark.parametrize("user", ["team", "psc_member"])
def test_review_history_with_comments_for_the_review(actors, published, user):
    history = history_of(actors[user], published["CertifyingOrganisation"])
    steps = [(entry["action"], entry["comments"], entry["actor"]) for entry in history[1:]]
    assert ("approve", "Looks right.", "psc_member") in steps


def test_expanded_workflow_is_filtered_too(actors, published):
    url = published["CertifyingOrganisation"]
    expanded = actors["anonymous"].get(f"{url}?expand=workflow").json()
    history = expanded["@components"]["workflow"]["history"]
    assert history
    assert all("comments" not in entry for entry in history)
    expanded = actors["team"].get(f"{url}?expand=workflow").json()
    assert any(entry.get("comments") for entry in expanded["@components"]["workflow"]["history"])


def test_questionnaire_ids_are_the_endpoints(actors, server_site, commit):
    organisation = create_application(server_site)
    commit()
    url = organisation.absolute_url()
    for user, endpoint in (("owner", "@questionnaire"), ("team", "@review-checklist")):
        response = actors[user].get(f"{url}/{endpoint}")
        assert response.status_code == 200, (endpoint, response.status_code)
        assert response.json()["@id"] == f"{url}/{endpoint}"
    response = actors["owner"].post(
        f"{url}/@questionnaire", json={"answers": {"teaching": "Online."}}
    )
    assert response.status_code == 200, response.text[:300]
    assert response.json()["@id"] == f"{url}/@questionnaire"


@pytest.mark.parametrize("view", ["@@download/signature", "@@images/signature"])
def test_the_signature_is_not_public(actors, published, view):
    url = f"{published['CourseConvener']}/{view}"
    assert actors["anonymous"].get(url).status_code in (401, 403, 404)
    response = actors["owner"].get(url)
    assert response.status_code == 200
    assert response.content == SIGNATURE
