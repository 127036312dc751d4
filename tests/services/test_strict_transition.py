"""``@workflow/<transition>`` on the product's types: a transition that is not
available answers 400 naming it, even when the item already is in its target
state (plone.restapi answers 200 then); an available one works as before."""

import pytest
import transaction
from plone import api


pytestmark = pytest.mark.server


@pytest.fixture
def course_url(served_course):
    return served_course[1].absolute_url()


def state_at(url):
    transaction.begin()
    portal = api.portal.get()
    return api.content.get_state(
        portal.unrestrictedTraverse(url[len(portal.absolute_url()) :].lstrip("/"))
    )


def test_retracting_a_course_twice_is_refused(course_url, sessions_for):
    owner = sessions_for("owner")["owner"]
    response = owner.post(f"{course_url}/@workflow/retract", json={})
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "draft"

    response = owner.post(f"{course_url}/@workflow/retract", json={})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "WorkflowException"
    assert "'retract' is not available" in error["message"]
    assert "'draft'" in error["message"]
    assert state_at(course_url) == "draft"


def test_an_unknown_transition_is_refused(course_url, sessions_for):
    owner = sessions_for("owner")["owner"]
    response = owner.post(f"{course_url}/@workflow/no-such-transition", json={})
    assert response.status_code == 400, response.text
    assert "'no-such-transition' is not available" in response.json()["error"]["message"]
    assert state_at(course_url) == "published"
