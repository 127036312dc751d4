import pytest
from builders import PASSWORD
from builders import create_programme
from plone.testing.zope import Browser


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    create_programme(portal)
    return portal


@pytest.fixture
def browser_for(functional):
    """``browser_for(user_id)``: a test browser logged in as the user (None: anonymous)."""

    def make(user_id=None):
        browser = Browser(functional["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        if user_id:
            browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
        return browser

    return make
