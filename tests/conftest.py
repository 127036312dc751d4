"""Shared fixtures. Translations are compiled when the ZCML loads (as in the instance)."""

import os


os.environ.setdefault("zope_i18n_compile_mo_files", "true")

import pytest
import requests
from plone.app.testing import TEST_USER_PASSWORD
from pytest_plone import fixtures_factory

from qgis.certification.testing import FUNCTIONAL_TESTING
from qgis.certification.testing import INTEGRATION_TESTING
from qgis.certification.testing import SERVER_TESTING


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (SERVER_TESTING, "server"),
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_setupnodes(config, specs):
    """Before the xdist workers start: compile the .mo files their ZCML loads would."""
    from mo_files import compile_catalogues

    compile_catalogues()


@pytest.fixture(scope="session")
def package_name() -> str:
    return "qgis.certification"


class RestSession(requests.Session):
    """A requests session whose relative URLs start at the test site."""

    def __init__(self, base_url):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.headers.update({"Accept": "application/json"})

    def request(self, method, url, *args, **kwargs):
        if not url.startswith("http"):
            url = self.base_url + "/" + url.lstrip("/")
        kwargs.setdefault("timeout", 60)
        return super().request(method, url, *args, **kwargs)


@pytest.fixture
def rest_session(server):
    """``rest_session(user=None, password=...)``: a session on the server layer."""
    sessions = []

    def make(user=None, password=None):
        session = RestSession(server["portal"].absolute_url())
        if user is not None:
            session.auth = (user, password or TEST_USER_PASSWORD)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()


@pytest.fixture
def server_site(server):
    """The server's portal with the programme's people and user groups, committed
    so that the server's threads see them."""
    import transaction
    from builders import create_programme
    from plone import api
    from zope.component.hooks import setSite

    portal = server["portal"]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        create_programme(portal)
    transaction.commit()
    return portal


@pytest.fixture
def sessions_for(rest_session):
    """``sessions_for(*users)``: a REST session per user, plus ``anonymous``."""
    from builders import PASSWORD

    def make(*users):
        sessions = {user: rest_session(user, PASSWORD) for user in users}
        sessions["anonymous"] = rest_session()
        return sessions

    return make


@pytest.fixture(scope="module")
def shared_feed_world(server_session):
    """``feed_world.World`` on the server layer, built once for the module that asks
    for it; a test reads it through ``feed_world.world_in_test``."""
    from feed_world import shared_world

    with shared_world(server_session) as shared:
        yield shared


@pytest.fixture
def site(functional):
    """The functional portal with the programme's people and user groups (RO, SE)."""
    from builders import create_programme

    portal = functional["portal"]
    create_programme(portal)
    return portal


@pytest.fixture
def browser_for(functional):
    """``browser_for(user_id)``: a test browser logged in as the user (None: anonymous).

    Errors are rendered as the site renders them (status and page), as a visitor sees them."""
    from builders import PASSWORD
    from plone.testing.zope import Browser

    def make(user_id=None):
        browser = Browser(functional["app"])
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        if user_id:
            browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
        return browser

    return make


@pytest.fixture
def programme(portal):
    """The integration portal with people and two user groups (RO and SE)."""
    from builders import create_programme

    create_programme(portal)
    return portal


@pytest.fixture
def certified(site):
    """(organisation, course, attendees) of a certified organisation."""
    from builders import certified_course

    return certified_course(site)


@pytest.fixture
def served_course(server_site):
    """(organisation, course, attendees) of a certified organisation, committed so
    that the server's threads see them."""
    from builders import certified_course
    from builders import committed

    return committed(certified_course, server_site)


@pytest.fixture
def fresh_app(functional, monkeypatch, tmp_path):
    """The Zope application with a fresh request, as `make create-site` has it
    (the test portal's request carries browser layers of its add-ons); mail goes
    to a maildir of its own."""
    from Acquisition import aq_base
    from Testing.makerequest import makerequest
    from zope.component.hooks import getSite
    from zope.component.hooks import setSite
    from zope.globalrequest import getRequest
    from zope.globalrequest import setRequest

    monkeypatch.setenv("MAIL_DIR", str(tmp_path / "mail"))
    previous, previous_request = getSite(), getRequest()
    app = makerequest(aq_base(functional["app"]))
    setRequest(app.REQUEST)
    yield app
    setRequest(previous_request)
    setSite(previous)
