"""Nominating and reviewing through the REST API: a bad body or a refused
step answers 400 in the product's error shape and changes nothing."""

import pytest
import transaction
from builders import certified_course
from plone import api


pytestmark = pytest.mark.server


@pytest.fixture
def organisation(server_site):
    organisation, _course, _attendees = certified_course(server_site)
    transaction.commit()
    return organisation


def nomination_body(organisation, **changes):
    body = {
        "@type": "TrainerNomination",
        "convener": organisation["ana-trainer"].UID(),
        "country": "RO",
        "teaching_languages": ["ro", "en"],
        "statement": "Teaches QGIS since 2018.",
        "links": ["https://example.org/ana"],
        "certificate_language": "ro",
        "listed_publicly": True,
    }
    body.update(changes)
    return body


def test_the_owner_nominates_and_the_team_approves(organisation, sessions_for):
    sessions = sessions_for("owner", "team")
    body = nomination_body(organisation)
    created = sessions["owner"].post(organisation.absolute_url(), json=body)
    assert created.status_code == 201, created.text
    url = created.json()["@id"]
    assert created.json()["statement"] == "Teaches QGIS since 2018."
    assert sessions["owner"].post(f"{url}/@workflow/submit", json={}).status_code == 200
    refused = sessions["team"].post(f"{url}/@workflow/reject", json={"comment": ""})
    assert refused.status_code == 400
    assert "comment is required" in refused.json()["error"]["message"]
    approved = sessions["team"].post(f"{url}/@workflow/approve", json={"comment": "Welcome."})
    assert approved.status_code == 200
    evidence = sessions["team"].get(f"{url}/@trainer-evidence").json()
    assert [course["title"] for course in evidence["courses"]] == ["QGIS for beginners, spring"]
    assert sessions["anonymous"].get(f"{url}/@trainer-evidence").status_code == 401


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"convener": "not-a-convener"}, "convener"),
        ({"country": "XX"}, "country"),
        ({"links": ["javascript:alert(1)"]}, "links"),
        ({"certificate_language": "pl"}, "certificate_language"),
    ],
)
def test_a_bad_nomination_is_refused_naming_the_field(organisation, sessions_for, changes, field):
    owner = sessions_for("owner")["owner"]
    body = nomination_body(organisation, **changes)
    response = owner.post(organisation.absolute_url(), json=body)
    assert response.status_code == 400, response.text
    assert field in response.text
    transaction.begin()
    assert not api.content.find(portal_type="TrainerNomination", unrestricted=True)


def test_a_nomination_without_statement_is_not_submitted(organisation, sessions_for):
    owner = sessions_for("owner")["owner"]
    body = nomination_body(organisation, statement="")
    url = owner.post(organisation.absolute_url(), json=body).json()["@id"]
    refused = owner.post(f"{url}/@workflow/submit", json={})
    assert refused.status_code == 400
    assert "needs a statement" in refused.json()["error"]["message"]


def test_a_stranger_may_not_nominate(organisation, sessions_for):
    stranger = sessions_for("stranger")["stranger"]
    response = stranger.post(organisation.absolute_url(), json=nomination_body(organisation))
    assert response.status_code in (401, 403)
