"""Signing up with the registration form (``@@register``): Plone's form with the
programme's fields; each refusal says why next to its field and creates
nothing; a sign-up creates the member with their language and mails the link
that sets their password and logs them in."""

import pytest
import transaction
from form_helpers import field_error
from plone import api
from plone.testing.zope import Browser
from signup_helpers import VISITOR
from signup_helpers import mailed_link
from signup_helpers import mails_to

from qgis.certification.signup.landing import FIRST_LOGIN_PATH


@pytest.fixture
def portal(functional):
    return functional["portal"]


@pytest.fixture
def browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    return browser


def fill(browser, portal, language="ro", **changes):
    answers = {**VISITOR, "accept_terms": True, **changes}
    browser.open(f"{portal.absolute_url()}/{language}/@@register")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.username").value = answers["username"]
    form.getControl(name="form.widgets.fullname").value = answers["fullname"]
    form.getControl(name="form.widgets.email").value = answers["email"]
    form.getControl(name="form.widgets.language:list").value = [answers["language"]]
    form.getControl(name="form.widgets.accept_terms:list").value = answers["accept_terms"]
    if answers.get("website"):
        form.getControl(name="website").value = answers["website"]
    form.getControl(name="form.buttons.register").click()
    transaction.begin()
    return browser.contents


def test_the_form_asks_the_programmes_questions(browser, portal):
    browser.open(f"{portal.absolute_url()}/en/@@register")
    assert browser.headers["status"].startswith("200")
    for name in ("username", "fullname", "email", "language", "accept_terms"):
        assert f"form-widgets-{name}" in browser.contents
    assert "form-widgets-password" not in browser.contents
    assert f"{portal.absolute_url()}/en/privacy" in browser.contents
    assert 'name="website"' in browser.contents


def test_a_sign_up_creates_the_member_with_their_language_and_mails_the_link(browser, portal):
    contents = fill(browser, portal, language="en")
    assert "Check your e-mail" in contents
    user = api.user.get(username="ioana")
    assert user is not None, contents
    assert user.getProperty("language") == "ro"
    assert user.getProperty("fullname") == "Ioana Popescu"
    assert user.getProperty("email") == VISITOR["email"]
    (mail,) = mails_to(portal, VISITOR["email"])
    assert "parola" in mail["Subject"]
    assert "Ioana Popescu" in mail.get_content()
    url, _key, login = mailed_link(mail)
    assert url.startswith(f"{portal.absolute_url()}/ro/passwordreset/")
    assert login == "ioana"


def set_password(browser, portal, password):
    """Sign up, open the mailed link and choose ``password``; the link's key."""
    fill(browser, portal)
    (mail,) = mails_to(portal, VISITOR["email"])
    url, key, login = mailed_link(mail)
    browser.open(url)
    form = browser.getForm(name="pwreset_action")
    form.getControl(name="userid").value = login
    form.getControl(name="password").value = password
    form.getControl(name="password2").value = password
    form.submit()
    return key


def test_the_mailed_link_sets_the_password_and_lands_on_applying(browser, portal):
    set_password(browser, portal, "a-long-new-password-1")
    assert browser.url == f"{portal.absolute_url()}/{FIRST_LOGIN_PATH}"
    assert "__ac" in browser.cookies
    assert browser.cookies.get("I18N_LANGUAGE", "").strip('"') == "ro"
    assert "Bun venit! Contul dumneavoastră este gata" in browser.contents


def test_a_weak_password_is_refused_on_the_mailed_link(browser, portal):
    key = set_password(browser, portal, "ab")
    assert "at least 8 characters" in browser.contents
    assert "__ac" not in browser.cookies
    transaction.begin()
    api.portal.get_tool("portal_password_reset").verifyKey(key)  # still unused


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"accept_terms": False}, "accept_terms", "accept the programme's terms"),
        ({"email": "not-an-address"}, "email", "valid"),
        ({"fullname": ""}, "fullname", "Required"),
    ],
)
def test_a_refused_sign_up_says_why_next_to_the_field(browser, portal, changes, field, message):
    contents = fill(browser, portal, language="en", **changes)
    assert message in (field_error(contents, field) or ""), contents
    assert api.user.get(username="ioana") is None
    assert not mails_to(portal, changes.get("email", VISITOR["email"]))


def test_an_address_or_user_name_in_use_is_refused(browser, portal):
    api.user.create(email=VISITOR["email"].upper(), username="someone-else", password="x" * 12)
    api.user.create(email="other@geo.example", username="ioana2", password="x" * 12)
    transaction.commit()
    contents = fill(browser, portal, language="en")
    assert "already uses this e-mail address" in field_error(contents, "email")
    contents = fill(browser, portal, language="en", username="ioana2", email="new@geo.example")
    assert "already in use" in field_error(contents, "username")
    assert api.user.get(username="ioana") is None
    assert not mails_to(portal, "new@geo.example")


def test_a_filled_honeypot_is_refused_quietly(browser, portal):
    contents = fill(browser, portal, language="en", website="http://spam.example")
    # the robot reads the usual answer, not the form with a reason
    assert browser.headers["status"].startswith("200")
    assert "form-widgets-email" not in contents
    assert api.user.get(username="ioana") is None
    assert not mails_to(portal, VISITOR["email"])


def test_the_login_page_and_the_front_page_lead_to_the_form(browser, portal):
    browser.open(f"{portal.absolute_url()}/login")
    assert "signup-invitation" in browser.contents
    assert f"{portal.absolute_url()}/@@register" in browser.contents
    browser.open(f"{portal.absolute_url()}/ro")
    link = browser.getLink(id="apply-now")
    assert link.url == f"{portal.absolute_url()}/ro/@@register"


def test_a_forgotten_password_mail_speaks_the_members_language(browser, portal):
    api.user.create(
        email="sven@geo.example",
        username="sven",
        password="x" * 12,
        properties={"language": "sv", "fullname": "Sven Berg"},
    )
    transaction.commit()
    browser.open(f"{portal.absolute_url()}/en/@@mail_password_form")
    form = browser.getForm(name="mail_password")
    form.getControl(name="userid").value = "sven"
    form.submit()
    transaction.begin()
    (mail,) = mails_to(portal, "sven@geo.example")
    assert mail["Subject"] == "Ett nytt lösenord för ditt konto i QGIS certifieringsprogram"
    assert "Hej Sven Berg," in mail.get_content()
    url, _key, login = mailed_link(mail)
    assert url.startswith(f"{portal.absolute_url()}/sv/passwordreset/")
    assert login == "sven"


def test_too_many_accounts_from_one_address_are_refused(browser, portal):
    api.portal.set_registry_record(
        "qgis.certification.interfaces.ISignUpSettings.signups_per_address", 1
    )
    transaction.commit()
    fill(browser, portal, language="en")
    assert api.user.get(username="ioana") is not None
    contents = fill(browser, portal, language="en", username="ioana2", email="i2@geo.example")
    assert "Too many accounts were created from your network address" in contents
    assert api.user.get(username="ioana2") is None
    assert not mails_to(portal, "i2@geo.example")
