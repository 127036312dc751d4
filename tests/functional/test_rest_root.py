"""plone.restapi answers in the product's test layers."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD


def test_anonymous_gets_site_root(rest_session, server):
    response = rest_session().get("/")
    assert response.status_code == 200
    assert response.json()["@id"] == server["portal"].absolute_url()


def test_manager_lists_users(rest_session):
    response = rest_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD).get("/@users")
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["items"]]
    assert "test_user_1_" in ids


def test_anonymous_may_not_list_users(rest_session):
    assert rest_session().get("/@users").status_code == 401
