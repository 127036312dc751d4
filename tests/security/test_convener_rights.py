"""A course's convener holds their rights from the course's convener role
only: attendees they add are not theirs, and when the course changes hands
(or the convener's account changes) the former convener keeps nothing."""

import pytest
from builders import certified_course
from plone import api
from security_helpers import allowed
from security_helpers import obj_at


pytestmark = pytest.mark.server

NEW_ATTENDEE = {
    "@type": "Attendee",
    "first_name": "Mara",
    "last_name": "Pop",
    "email": "mara@example.org",
}


def attendee_rights(session, url):
    """Whether the user reads the attendee (with its e-mail) and edits it."""
    response = session.get(url)
    reads = allowed(response)
    if reads:
        assert response.json()["email"]
    return {
        "read": reads,
        "edit": allowed(session.patch(url, json={"first_name": "Marina"})),
    }


MANAGES = {"read": True, "edit": True}
NOTHING = {"read": False, "edit": False}


@pytest.fixture
def course(server_site, commit):
    _organisation, course, _people = certified_course(server_site)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=course.aq_parent,
            type="CourseConvener",
            id="bo-trainer",
            title="Bo Trainer",
            user_id="stranger",
        )
    commit()
    return course.absolute_url()


@pytest.fixture
def added_by_convener(actors, course):
    response = actors["convener"].post(course, json=NEW_ATTENDEE)
    assert response.status_code == 201, response.text[:300]
    return response.json()["@id"]


def test_an_attendee_added_by_the_convener_is_not_theirs(added_by_convener):
    attendee = obj_at(added_by_convener)
    assert "Owner" not in attendee.get_local_roles_for_userid("convener")
    assert [user for user, roles in attendee.get_local_roles() if "Owner" in roles] == []


def test_the_convener_manages_attendees_through_the_course(actors, added_by_convener, course):
    assert attendee_rights(actors["convener"], added_by_convener) == MANAGES
    first = obj_at(course)["attendee-0"].absolute_url()
    assert attendee_rights(actors["convener"], first) == MANAGES
    assert attendee_rights(actors["stranger"], added_by_convener) == NOTHING


def test_a_replaced_convener_keeps_nothing(actors, added_by_convener, course):
    new_convener = obj_at(course).aq_parent["bo-trainer"].UID()
    response = actors["owner"].patch(course, json={"convener": new_convener})
    assert response.status_code == 204, response.text[:300]
    assert "CourseConvener" not in obj_at(course).get_local_roles_for_userid("convener")
    first = obj_at(course)["attendee-0"].absolute_url()
    for url in (added_by_convener, first):
        assert attendee_rights(actors["convener"], url) == NOTHING
        assert attendee_rights(actors["stranger"], url) == MANAGES
    response = actors["convener"].post(course, json=NEW_ATTENDEE)
    assert response.status_code in (401, 403), response.status_code


def test_the_convener_role_follows_the_convener_account(actors, added_by_convener, course):
    convener_url = obj_at(course).aq_parent["ana-trainer"].absolute_url()
    response = actors["site_manager"].patch(convener_url, json={"user_id": "stranger"})
    assert response.status_code == 204, response.text[:300]
    assert attendee_rights(actors["convener"], added_by_convener) == NOTHING
    assert attendee_rights(actors["stranger"], added_by_convener) == MANAGES
