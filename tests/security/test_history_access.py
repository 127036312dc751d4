"""Over HTTP: who reads the versions of an application (``@history``, one
version of it, the History tab and its differences), per state and role, and
what its review history shows to the owners."""

import pytest
import transaction
from builders import bring_to
from builders import create_application
from builders import do
from plone import api
from rest_helpers import error_message
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


pytestmark = pytest.mark.server

# "stranger" owns an application of their own: another owner
ROLES = ("anonymous", "stranger", "owner", "reviewer_ro", "reviewer_se", "team", "psc_member")
ROLES += ("convener", "site_manager")
# state -> who may read the versions; every other role is refused
READERS = {
    "draft": {"owner", "team", "site_manager"},
    "submitted": {"owner", "team", "psc_member", "site_manager"},
    "user_group_review": {"owner", "reviewer_ro", "team", "psc_member", "site_manager"},
    "psc_decision": {"owner", "reviewer_ro", "team", "psc_member", "site_manager"},
    "published": {"owner", "team", "psc_member", "site_manager"},
}
REFUSED = (302, 401, 403)
NEW_DESCRIPTION = "Courses in Cluj and online."
INTERNAL_NOTE = "Internal: check their translations first."
CHANGE_REQUEST = "Please describe your trainers."


@pytest.fixture
def edited_application(server_site, actors, commit):
    """``edited_application(state)``: an application its owner edited once
    through REST while a draft, brought to ``state``; another application
    belongs to "stranger"."""

    def make(state):
        create_application(server_site, "Other School", country="SE", owner="stranger")
        organisation = create_application(server_site)
        commit()
        response = actors["owner"].patch(
            organisation.absolute_url(), json={"description": NEW_DESCRIPTION}
        )
        assert response.status_code == 204, response.text
        transaction.begin()  # see the server's change
        with api.env.adopt_roles(["Manager"]):
            bring_to(organisation, state)
        commit()
        return organisation

    return make


def versions_in(body):
    return [item for item in body if item["type"] == "versioning"]


@pytest.mark.parametrize("state", tuple(READERS))
def test_who_reads_the_versions(actors, edited_application, state):
    url = edited_application(state).absolute_url()
    for role in ROLES:
        listing = actors[role].get(f"{url}/@history")
        version = actors[role].get(f"{url}/@history/0")
        tab = actors[role].get(f"{url}/@@historyview", allow_redirects=False)
        diff = actors[role].get(f"{url}/@@history?one=current&two=0", allow_redirects=False)
        if role in READERS[state]:
            assert listing.status_code == 200, (role, listing.status_code)
            # the first version, and the one the PATCH saved
            assert len(versions_in(listing.json())) == 2, role
            assert version.status_code == 200, role
            assert version.json()["description"] == ""
            assert tab.status_code == 200, role
            assert diff.status_code == 200, role
            assert NEW_DESCRIPTION in diff.text
        else:
            for response in (listing, version, tab, diff):
                assert response.status_code in REFUSED, (role, response.url, response.status_code)


def test_the_parts_of_an_application_keep_versions(actors, edited_application, commit):
    organisation = edited_application("user_group_review")
    course_type = organisation["qgis-for-beginners"]
    url = course_type.absolute_url()
    with api.env.adopt_roles(["Manager"]):
        course_type.description = "Three days."
        notify(ObjectModifiedEvent(course_type))
    commit()
    for role in ROLES:
        listing = actors[role].get(f"{url}/@history")
        if role in READERS["user_group_review"]:
            assert len(versions_in(listing.json())) == 2, role
        else:
            assert listing.status_code in REFUSED, role


def test_a_version_that_is_not_kept_is_refused_cleanly(actors, edited_application):
    url = edited_application("draft").absolute_url()
    owner = actors["owner"]
    not_a_number = owner.get(f"{url}/@history/first")
    assert not_a_number.status_code == 400
    assert "version" in error_message(not_a_number)
    assert not_a_number.json()["error"]["field"] == "version"
    unknown = owner.get(f"{url}/@history/99")
    assert unknown.status_code == 404
    assert error_message(unknown)
    assert owner.get(f"{url}/@@history?one=current&two=first").status_code == 400
    assert owner.get(f"{url}/@@history?one=99&two=0").status_code == 404


@pytest.fixture
def changes_requested(server_site, commit):
    """An application the team sent to the user groups with an internal note,
    then sent back to its owner with a change request."""
    organisation = create_application(server_site)
    do(organisation, "owner", "submit", comment="")
    do(organisation, "team", "send_to_user_groups", comment=INTERNAL_NOTE)
    do(organisation, "team", "request_changes", comment=CHANGE_REQUEST)
    commit()
    return organisation


def workflow_steps(body):
    return {item["action"]: item for item in body if item["type"] == "workflow"}


def test_the_owners_read_the_change_request_and_no_internal_note(actors, changes_requested):
    url = changes_requested.absolute_url()
    steps = workflow_steps(actors["owner"].get(f"{url}/@history").json())
    assert steps["request_changes"]["comments"] == CHANGE_REQUEST
    assert steps["send_to_user_groups"]["comments"] == ""
    # the team's steps do not name who took them; the owner's own do
    assert steps["request_changes"]["actor"]["id"] is None
    assert steps["submit"]["actor"]["id"] == "owner"
    page = actors["owner"].get(f"{url}/@@historyview")
    assert CHANGE_REQUEST in page.text
    assert INTERNAL_NOTE not in page.text


def test_the_team_reads_every_comment_and_actor(actors, changes_requested):
    url = changes_requested.absolute_url()
    steps = workflow_steps(actors["team"].get(f"{url}/@history").json())
    assert steps["send_to_user_groups"]["comments"] == INTERNAL_NOTE
    assert steps["request_changes"]["comments"] == CHANGE_REQUEST
    assert steps["request_changes"]["actor"]["id"] == "team"
    page = actors["team"].get(f"{url}/@@historyview")
    assert INTERNAL_NOTE in page.text


@pytest.mark.parametrize(("state", "allowed"), [("draft", True), ("submitted", False)])
def test_the_owner_reverts_only_while_they_may_edit(actors, edited_application, state, allowed):
    organisation = edited_application(state)
    response = actors["owner"].patch(f"{organisation.absolute_url()}/@history", json={"version": 0})
    transaction.begin()
    if allowed:
        assert response.status_code == 200, response.text
        assert organisation.description == ""
    else:
        assert response.status_code in REFUSED
        assert organisation.description == NEW_DESCRIPTION


def test_the_reviewer_is_told_what_changed_since_the_opinion(actors, edited_application, commit):
    organisation = edited_application("user_group_review")
    url = organisation.absolute_url()
    recorded = actors["reviewer_ro"].post(
        f"{url}/@user-group-opinion", json={"opinion": "recommend", "comment": "Fine."}
    )
    assert recorded.status_code == 201, recorded.text
    with api.env.adopt_roles(["Manager"]):
        transaction.begin()
        organisation.title = "Geo Academy of Cluj"
        notify(ObjectModifiedEvent(organisation))
    commit()
    (since,) = actors["reviewer_ro"].get(f"{url}/@user-group-opinion").json()["since_opinion"]
    assert [field["field"] for field in since["fields"]] == ["title"]
    assert since["current_version"] == since["version"] + 1
    differences = actors["reviewer_ro"].get(since["diff_url"])
    assert differences.status_code == 200
    assert "Geo Academy of Cluj" in differences.text
    for role in ("reviewer_se", "stranger", "anonymous"):
        assert actors[role].get(since["diff_url"], allow_redirects=False).status_code in REFUSED


def test_the_owner_the_team_and_the_psc_open_a_version(actors, edited_application):
    # (a reviewer's local role is not on a version saved before the review:
    # reviewers read versions through @history and the differences page)
    url = edited_application("user_group_review").absolute_url()
    for role in ("owner", "team", "psc_member"):
        preview = actors[role].get(f"{url}/versions_history_form?version_id=0")
        assert preview.status_code == 200, role
