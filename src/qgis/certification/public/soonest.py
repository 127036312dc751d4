"""The first few published courses by start date (the front page's next
courses), without sorting every upcoming course.

The catalog sorts by start date up to a limit (``sort_limit``: the n first, not
every match). Courses whose organisation is not certified, or that are taught
in another language, are left out after the catalog, and courses that start
on the same day are ordered by title; so the limit grows until ``limit``
courses are known to come first, or every match was sorted.
"""

from plone import api

from qgis.certification.public import feeds
from qgis.certification.public.queries import search


# how many times the courses wanted are asked of the catalog, and the growth
ASK = 4


class SortKeys:
    """(start, sortable title) of a brain, from the catalog's own index values."""

    def __init__(self):
        catalog = api.portal.get_tool("portal_catalog")._catalog
        self.starts = catalog.getIndex("qgis_start").documentToKeyMap()
        self.titles = catalog.getIndex("sortable_title").documentToKeyMap()

    def start(self, brain):
        return self.starts.get(brain.getRID())

    def __call__(self, brain):
        rid = brain.getRID()
        return (self.starts.get(rid) or 0, self.titles.get(rid) or "")


def certain(brains, complete, keys):
    """The ``brains`` (the first matches by start date) that are known to come
    before every match not fetched: all of them when ``complete`` (every match
    was fetched), else those starting before the last one fetched."""
    if complete:
        return brains
    last = keys.start(brains[-1])
    return [brain for brain in brains if keys.start(brain) < last]


def first_courses(query, limit, language=None, organisation_path=None):
    """The first ``limit`` (course, organisation) of the course ``query`` (see
    ``listings.course_query``), by start date and title."""
    if limit <= 0:
        return []
    keys = SortKeys()
    size = limit * ASK
    while True:
        found = search(sort_on="qgis_start", sort_limit=size, **query)
        total = getattr(found, "actual_result_count", None) or len(found)
        fetched = list(found[:size])
        # fewer than asked: the catalog sorted every match it could
        complete = len(fetched) >= total or len(fetched) < size
        if not fetched:
            return []
        known = sorted(certain(fetched, complete, keys), key=keys)
        paths = organisation_path or sorted({feeds.parent_path(brain) for brain in known})
        organisations = feeds.published_organisations(paths) if paths else {}
        kept = feeds.courses_kept(known, organisations, language)
        if len(kept) >= limit or complete:
            return kept[:limit]
        size *= ASK
