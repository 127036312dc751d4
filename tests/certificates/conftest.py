import pytest
from builders import PASSWORD
from builders import certified_course
from builders import create_programme
from plone.testing.zope import Browser


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    create_programme(portal)
    return portal


@pytest.fixture
def certified(site):
    """(organisation, course, attendees) of a certified organisation."""
    return certified_course(site)


@pytest.fixture
def browser_for(functional):
    def make(user_id=None):
        browser = Browser(functional["app"])
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        if user_id:
            browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
        return browser

    return make
