"""Pages of no language folder speak the visitor's language: the browser's
``Accept-Language`` is used after the cookie, and shared caches keep one copy per
language of those pages and of the feeds."""

from plone import api


VARY = "Accept, Accept-Language"
CACHED = ("page", "feed")


def negotiate_the_visitors_language(setup_tool):
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    for ruleset in CACHED:
        api.portal.set_registry_record(
            f"plone.app.caching.moderateCaching.qgis.certification.{ruleset}.vary", VARY
        )
