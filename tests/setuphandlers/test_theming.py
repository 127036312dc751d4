"""The site looks the same on every host name it is served under."""

import transaction
from plone import api
from plone.testing.zope import Browser


RECORD = "plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist"


def test_no_host_is_left_unthemed(portal):
    assert api.portal.get_registry_record(RECORD) == []


def test_pages_on_127_0_0_1_are_themed(functional):
    transaction.commit()
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.open("http://127.0.0.1/plone/en")
    assert "++theme++barceloneta/css/barceloneta.min.css" in browser.contents
