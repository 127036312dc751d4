"""Account holders over HTTP: ``GET /@my-data`` (profile, organisations owned or
convened for, workflow steps) and ``DELETE /@my-data`` (refused while the
account alone owns a certified organisation)."""

import pytest
import transaction
from builders import PASSWORD
from builders import certified_course
from plone import api
from rest_helpers import error_message

from qgis.certification.privacy.register import audit_log


pytestmark = pytest.mark.server


@pytest.fixture
def academy(server_site):
    with api.env.adopt_roles(["Manager"]):
        organisation, _course, _people = certified_course(server_site)
    transaction.commit()
    return organisation.absolute_url()


def test_an_owner_downloads_their_data(academy, sessions_for):
    response = sessions_for("owner")["owner"].get("/@my-data")
    assert response.status_code == 200
    data = response.json()
    assert data["profile"]["id"] == "owner"
    assert data["profile"]["email"] == "owner@example.org"
    assert {"url": academy, "relation": "owner", "state": "published"}.items() <= (
        data["organisations"][0].items()
    )
    assert "submit" in [step["action"] for step in data["workflow_actions"]]
    assert all(step["action"] != "approve" for step in data["workflow_actions"])


def test_a_convener_sees_the_organisation_they_convene_for(academy, sessions_for):
    data = sessions_for("convener")["convener"].get("/@my-data").json()
    assert [(item["url"], item["relation"]) for item in data["organisations"]] == [
        (academy, "convener")
    ]


def test_anonymous_has_no_account_data(academy, rest_session):
    assert rest_session().get("/@my-data").status_code == 401
    assert rest_session().delete("/@my-data").status_code == 401


def test_the_owner_of_a_certified_organisation_cannot_delete_their_account(academy, sessions_for):
    response = sessions_for("owner")["owner"].delete("/@my-data")
    assert response.status_code == 409
    assert "Geo Academy" in error_message(response)
    assert "hand its ownership" in error_message(response)
    assert response.json()["error"]["organisations"] == [academy]
    transaction.begin()
    assert api.user.get(userid="owner") is not None


def test_once_ownership_is_handed_over_the_account_can_be_deleted(academy, sessions_for):
    transaction.begin()
    organisation = api.content.get(path="/organisations/geo-academy")
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="stranger", obj=organisation, roles=["Owner"])
        organisation.manage_delLocalRoles(["owner"])
    transaction.commit()
    owner = sessions_for("owner")["owner"]
    response = owner.delete("/@my-data")
    assert response.status_code == 200, response.text
    assert response.json() == {"deleted": True}
    transaction.begin()
    assert api.user.get(userid="owner") is None
    assert owner.get("/@my-data").status_code == 401
    assert [entry["outcome"] for entry in audit_log() if entry["kind"] == "account-deletion"] == [
        "deleted"
    ]


def test_an_account_without_organisations_is_deleted(academy, rest_session):
    session = rest_session("stranger", PASSWORD)
    assert session.delete("/@my-data").status_code == 200
    transaction.begin()
    assert api.user.get(userid="stranger") is None
