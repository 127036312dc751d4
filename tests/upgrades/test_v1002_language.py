"""Step 1001 -> 1002 (language): request negotiation on, caches vary by language."""

from plone import api

from qgis.certification.upgrades import v1002


VARY = "plone.app.caching.moderateCaching.qgis.certification.{}.vary"


def test_the_step_turns_on_the_browsers_language_and_varies_caches(site):
    api.portal.set_registry_record("plone.use_request_negotiation", False)
    for ruleset in ("page", "feed"):
        api.portal.set_registry_record(VARY.format(ruleset), "Accept")

    v1002.negotiate_the_visitors_language(api.portal.get_tool("portal_setup"))

    assert api.portal.get_registry_record("plone.use_request_negotiation") is True
    for ruleset in ("page", "feed"):
        assert api.portal.get_registry_record(VARY.format(ruleset)) == "Accept, Accept-Language"


def test_a_new_site_has_what_the_step_gives(site):
    assert api.portal.get_registry_record("plone.use_request_negotiation") is True
    assert api.portal.get_registry_record(VARY.format("page")) == "Accept, Accept-Language"
