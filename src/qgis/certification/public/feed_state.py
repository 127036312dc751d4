"""The state of what the public feeds show, as one persistent counter.

Whenever the catalog indexes, reindexes or unindexes an organisation, a
training centre or a course (the index queue tells ``changed``; the bulk
builders call it themselves), the site's counter goes up by one. The counter
is a ``BTrees.Length``, whose concurrent changes merge instead of conflicting.

``state()`` names the current state: the counter's value and the transaction
that last changed it (after a restore, or between tests, the same value can
stand for other content; the transaction id cannot repeat). It is read from
the database at every call, so a change committed by another instance is seen
at the next transaction. A site without a counter yet is named by the
catalog's own change counter, which goes up with every change of anything.
"""

from Acquisition import aq_base
from BTrees.Length import Length
from plone import api
from Products.CMFCore.indexing import processQueue
from ZODB.utils import u64
from zope.annotation.interfaces import IAnnotations


KEY = "qgis.certification.feed-state"
# what the public feeds and lists show
SHOWN_TYPES = frozenset({"CertifyingOrganisation", "TrainingCenter", "Course"})


def _site():
    try:
        return api.portal.get()
    except api.exc.CannotGetPortalError:
        return None


def changed(obj):
    """The catalog (re)indexed or unindexed ``obj``: count a new state when the
    feeds show it."""
    if getattr(aq_base(obj), "portal_type", None) not in SHOWN_TYPES:
        return
    count_change(KEY)


def count_change(key):
    """One more change in the site's persistent counter ``key`` (none without a site)."""
    site = _site()
    if site is None:
        return
    annotations = IAnnotations(site)
    counter = annotations.get(key)
    if counter is None:
        counter = annotations[key] = Length()
    counter.change(1)


def _named(persistent, value):
    """``value`` and the transaction that stored ``persistent``; None while this
    transaction changed it (its state is not committed: nothing may be kept
    under it)."""
    if persistent._p_changed or persistent._p_oid is None:
        return None
    return f"{value}.{u64(persistent._p_serial):x}"


def state():
    """The name of the current state of what the feeds show, or None when this
    transaction changed it."""
    processQueue()  # what this transaction changed counts first
    site = _site()
    counter = IAnnotations(site).get(KEY) if site is not None else None
    if counter is not None:
        return _named(counter, counter())
    return catalog_state()


def catalog_state(catalog=None):
    """The name of the current state of everything catalogued: the catalog's own
    change counter (it goes up with every change of anything) and the
    transaction that last changed it; None when this transaction changed it."""
    processQueue()
    catalog = aq_base(catalog or api.portal.get_tool("portal_catalog"))
    own = getattr(catalog, "_counter", None)
    named = _named(own, own()) if own is not None else None
    return f"catalog.{named}" if named else None
