"""Signing up with the anonymous ``POST /@users``: the account is created with
its language and gets the mail with the link; every refusal answers a JSON
error and creates nothing, mails nothing."""

import pytest
import transaction
from plone import api
from rest_helpers import error_message
from signup_helpers import VISITOR
from signup_helpers import mailed_link
from signup_helpers import mails_to

from qgis.certification.signup import landing
from qgis.certification.signup import rate_limit


pytestmark = pytest.mark.server

BODY = {**VISITOR, "accept_terms": True}


@pytest.fixture
def portal(server):
    return server["portal"]


@pytest.fixture
def anonymous(rest_session):
    return rest_session()


def nothing_made(portal, address=VISITOR["email"], username=VISITOR["username"]):
    transaction.begin()
    return api.user.get(username=username) is None and not mails_to(portal, address)


def test_a_visitor_signs_up_and_gets_the_link_in_their_language(portal, anonymous):
    response = anonymous.post("/@users", json=BODY)
    assert response.status_code == 201, response.text
    assert response.json()["username"] == "ioana"
    transaction.begin()
    user = api.user.get(username="ioana")
    assert user.getProperty("language") == "ro"
    assert user.getProperty("fullname") == "Ioana Popescu"
    (mail,) = mails_to(portal, VISITOR["email"])
    url, _key, login = mailed_link(mail)
    assert url.startswith(f"{portal.absolute_url()}/ro/passwordreset/")
    assert login == "ioana"
    # its first login lands on applying
    assert landing.signed_up("ioana")


def test_the_mailed_key_sets_the_password_over_rest(portal, anonymous):
    anonymous.post("/@users", json=BODY)
    transaction.begin()
    _url, key, login = mailed_link(mails_to(portal, VISITOR["email"])[0])
    weak = anonymous.post(
        f"/@users/{login}/reset-password", json={"reset_token": key, "new_password": "ab"}
    )
    assert weak.status_code == 400
    assert "8 characters" in error_message(weak)
    response = anonymous.post(
        f"/@users/{login}/reset-password",
        json={"reset_token": key, "new_password": "a-long-new-password-1"},
    )
    assert response.status_code in (200, 204), response.text
    logged_in = anonymous.post(
        "/@login", json={"login": login, "password": "a-long-new-password-1"}
    )
    assert logged_in.status_code == 200


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"accept_terms": None}, "accept_terms", "accept the programme's terms"),
        ({"accept_terms": False}, "accept_terms", "accept the programme's terms"),
        ({"accept_terms": "yes"}, "accept_terms", "accept the programme's terms"),
        ({"email": "not-an-address"}, "email", "not a valid e-mail address"),
        ({"email": 42}, "email", "not a valid e-mail address"),
        ({"fullname": "  "}, "fullname", "full name"),
        ({"language": "de"}, "language", "Swedish (sv)"),
        ({"username": ["x"]}, "username", "must be text"),
    ],
)
def test_each_refusal_is_a_400_naming_the_field(portal, anonymous, changes, field, message):
    # None: the member is left out
    body = {key: value for key, value in {**BODY, **changes}.items() if value is not None}
    response = anonymous.post("/@users", json=body)
    assert response.status_code == 400, response.text
    assert message in error_message(response)
    assert [error["field"] for error in response.json()["error"]["errors"]] == [field]
    assert nothing_made(portal)


def test_an_address_or_user_name_in_use_is_refused(portal, anonymous):
    api.user.create(email=VISITOR["email"].upper(), username="someone", password="x" * 12)
    api.user.create(email="other@geo.example", username="taken", password="x" * 12)
    transaction.commit()
    response = anonymous.post("/@users", json=BODY)
    assert response.status_code == 400
    assert "already uses this e-mail address" in error_message(response)
    response = anonymous.post(
        "/@users", json={**BODY, "username": "taken", "email": "n@geo.example"}
    )
    assert response.status_code == 400
    assert "already taken" in error_message(response)
    assert nothing_made(portal)
    assert nothing_made(portal, address="n@geo.example")


def test_several_faults_are_listed_together(portal, anonymous):
    response = anonymous.post("/@users", json={**BODY, "email": "bad", "language": "xx"})
    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["error"]["errors"]}
    assert fields == {"email", "language"}
    assert nothing_made(portal)


@pytest.mark.parametrize(
    "extra",
    [{"password": "a-long-new-password-1"}, {"roles": ["Manager"]}, {"sendPasswordReset": 1}],
)
def test_a_visitor_chooses_no_password_and_no_roles(portal, anonymous, extra):
    response = anonymous.post("/@users", json={**BODY, **extra})
    if "sendPasswordReset" in extra:  # allowed: the mail is sent anyway
        assert response.status_code == 201
        transaction.begin()
        assert api.user.get_roles(username="ioana") == ["Member", "Authenticated"]
        return
    assert response.status_code == 400
    assert "is not allowed" in error_message(response)
    assert nothing_made(portal)


def test_a_filled_honeypot_is_refused_without_saying_why(portal, anonymous):
    response = anonymous.post("/@users", json={**BODY, "website": "http://spam.example"})
    assert response.status_code == 400
    assert error_message(response) == "The account could not be created."
    assert response.json()["error"]["errors"] == []
    assert nothing_made(portal)


def test_an_address_that_made_too_many_accounts_waits(portal, anonymous):
    limit = api.portal.get_registry_record(
        "qgis.certification.interfaces.ISignUpSettings.signups_per_address"
    )
    for number in range(limit):
        body = {**BODY, "username": f"user{number}", "email": f"user{number}@geo.example"}
        assert anonymous.post("/@users", json=body).status_code == 201
    response = anonymous.post("/@users", json=BODY)
    assert response.status_code == 429
    assert "Too many accounts" in error_message(response)
    assert nothing_made(portal)
    transaction.begin()
    assert rate_limit.addresses_kept() == 1


def test_a_manager_adds_users_as_plone_restapi_does(portal, rest_session):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    manager = rest_session()
    manager.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    response = manager.post(
        "/@users", json={"username": "staff", "email": "staff@geo.example", "password": "x" * 12}
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    assert not landing.signed_up("staff")
