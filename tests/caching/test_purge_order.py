"""The purges that cover the others go first; none is left out."""

from plone.cachepurging.hooks import KEY
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from ZPublisher.pubevents import PubBeforeCommit

from qgis.certification.caching.purge_order import covering_first


PATHS = {
    "/Plone/en/@@statistics/courses-per-month.csv",
    "/Plone/en/",
    "/Plone/organisations/geo/view",
    "/Plone/en",
    "/Plone/@organisations",
    "/Plone/organisations/geo",
    "/Plone/@@upcoming-courses.ics",
    "/Plone/en/@@certified-organisations",
    "/Plone/organisations/geo/@@upcoming-courses.ics",
}


def test_the_paths_that_cover_others_come_first():
    order = covering_first(PATHS)
    assert order == [
        "/Plone/@@upcoming-courses.ics",
        "/Plone/@organisations",
        "/Plone/en",
        "/Plone/organisations/geo",
        "/Plone/en/",
        "/Plone/en/@@certified-organisations",
        "/Plone/en/@@statistics/courses-per-month.csv",
        "/Plone/organisations/geo/@@upcoming-courses.ics",
        "/Plone/organisations/geo/view",
    ]
    order.update(["/Plone/sv", "/Plone/en"])
    assert order[-1] == "/Plone/sv"
    assert len(order) == len(PATHS) + 1


def test_a_request_sends_its_purges_in_that_order(portal):
    request = portal.REQUEST
    annotations = IAnnotations(request)
    annotations[KEY] = set(PATHS)
    try:
        notify(PubBeforeCommit(request))
        assert list(annotations[KEY])[:4] == [
            "/Plone/@@upcoming-courses.ics",
            "/Plone/@organisations",
            "/Plone/en",
            "/Plone/organisations/geo",
        ]
        assert set(annotations[KEY]) == PATHS
    finally:
        del annotations[KEY]
