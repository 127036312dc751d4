"""The programme's figures as running counts, updated on change.

What the figures count are *subjects* (certified organisations, public
courses, issued certificates, certified trainers), each counted along its
*dimensions* (country, month, course type), always from what the catalog's
indexes hold for an item: one item counts for ``(subject, dimension, value)``
keys, its *contribution*.

The site keeps a ``Tally``: a count per key (``BTrees.Length``, whose
concurrent changes merge instead of conflicting) and each counted item's
contribution. Whenever the catalog indexes, reindexes or unindexes an item
(the indexing queue tells ``note``), its UID is noted for the transaction;
before the transaction commits, and before the figures are read, ``flush``
reads each noted item's contribution from the catalog again and applies the
difference. A request for the figures therefore reads a few hundred counts,
whatever the size of the programme, and never wakes an item.

``recount`` counts the same from scratch, from the indexes' id sets (no object
woken either): the upgrade step builds the tally with it (``rebuild``), the
tests compare the two, and a site without a tally yet is counted that way.
Whatever writes to the catalog around the queue (``catalog_object`` in the
bench's bulk seeding, an upgrade step) calls ``note`` itself or ``rebuild``.
"""

from dataclasses import dataclass

import transaction
from Acquisition import aq_inner
from Acquisition import aq_parent
from BTrees.IIBTree import IITreeSet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import union
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from plone.uuid.interfaces import IUUID
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import getToolByName
from zope.annotation.interfaces import IAnnotations

from qgis.certification.annotations import stored


KEY = "qgis.certification.figure-counts"
ANONYMOUS = "Anonymous"
# trainers.validity.CERTIFIED_STATES (which imports this package): a trainer
# counts while approved, and while a renewal is under review
TRAINER_STATES = ("approved", "submitted", "changes_requested")


@dataclass(frozen=True)
class Subject:
    """What is counted: items of ``portal_type`` in one of ``states`` (only
    those anonymous visitors may view when ``public``, only those indexed in
    ``needs`` when it is set), along ``dimensions`` ((name, index), ...)."""

    name: str
    portal_type: str
    states: tuple
    dimensions: tuple
    public: bool = False
    needs: str = None


SUBJECTS = (
    Subject(
        "organisations",
        "CertifyingOrganisation",
        ("published",),
        (("country", "qgis_countries"), ("month", "qgis_month")),
    ),
    Subject("courses", "Course", ("published",), (("month", "qgis_month"),), public=True),
    Subject(
        "certificates",
        "Certificate",
        ("issued",),
        (
            ("month", "qgis_month"),
            ("country", "qgis_countries"),
            ("course_type", "qgis_course_type"),
        ),
    ),
    # a trainer counts while certified (a renewal under review included)
    Subject(
        "trainers",
        "TrainerNomination",
        TRAINER_STATES,
        (("country", "qgis_countries"), ("month", "qgis_month")),
        needs="qgis_valid_until",
    ),
)
BY_TYPE = {subject.portal_type: subject for subject in SUBJECTS}


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _several(value):
    if value is None:
        return ()
    return (value,) if isinstance(value, str) or not hasattr(value, "__iter__") else value


# -- one item's contribution, from the indexes ----------------------------------


def contribution(indexes, rid):
    """The keys the catalogued item ``rid`` counts for (empty when it counts for none)."""

    def value(name):
        index = indexes.get(name)
        return None if index is None else index._unindex.get(rid)

    subject = BY_TYPE.get(value("portal_type"))
    if subject is None or value("review_state") not in subject.states:
        return ()
    if subject.public and ANONYMOUS not in _several(value("allowedRolesAndUsers")):
        return ()
    if subject.needs and value(subject.needs) is None:
        return ()
    return tuple(
        (subject.name, dimension, one)
        for dimension, index in subject.dimensions
        for one in _several(value(index))
    )


def _rid_of(catalog, uid):
    index = catalog._catalog.indexes.get("UID")
    return None if index is None else index._index.get(uid)


# -- counted from scratch -------------------------------------------------------


class Counts:
    """Document-id sets and counts read from the catalog's indexes.

    A dimension counts, for each value of an index, how many of a set of ids
    (a subject's items) the index holds it for: by looking each id up in the
    index's reverse mapping when the set is small, or by matching each
    value's ids against the set when the index holds few more ids than that."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.indexes = catalog._catalog.indexes

    def ids(self, name, value):
        index = self.indexes.get(name)
        found = index._index.get(value) if index is not None else None
        if found is None:
            return IITreeSet()
        return IITreeSet((found,)) if isinstance(found, int) else found

    def members(self, subject):
        """The ids of the items ``subject`` counts, as a set."""
        found = IITreeSet()
        for state in subject.states:
            found = union(found, self.ids("review_state", state))
        found = intersection(found, self.ids("portal_type", subject.portal_type))
        if subject.public:
            found = intersection(found, self.ids("allowedRolesAndUsers", ANONYMOUS))
        members = set(found or ())
        if subject.needs:
            index = self.indexes.get(subject.needs)
            indexed = index._unindex if index is not None else {}
            members = {rid for rid in members if rid in indexed}
        return members

    def by(self, name, among):
        """{value: how many of the ids ``among`` the index ``name`` holds it for}."""
        index = self.indexes.get(name)
        if index is None or not among:
            return {}
        if len(among) * 2 < index.numObjects():
            return _looked_up(index._unindex, among)
        counts = {}
        for value, found in index._index.items():
            number = (found in among) if isinstance(found, int) else len(among.intersection(found))
            if number:
                counts[value] = int(number)
        return counts


def _looked_up(reverse, among):
    """{value: how many ids of ``among`` have it}, from an index's reverse
    mapping (id -> value, or a list of them)."""
    counts = {}
    for docid in among:
        for value in _several(reverse.get(docid)):
            counts[value] = counts.get(value, 0) + 1
    return counts


def recount(catalog):
    """{(subject, dimension): {value: count}} counted from scratch."""
    counts = Counts(catalog)
    totals = {}
    for subject in SUBJECTS:
        members = counts.members(subject)
        for dimension, index in subject.dimensions:
            found = counts.by(index, members)
            if found:
                totals[(subject.name, dimension)] = found
    return totals


# -- kept as running counts -----------------------------------------------------


class Tally(Persistent):
    """A count per ``(subject, dimension, value)`` and each counted item's keys."""

    def __init__(self):
        self.counts = OOBTree()
        self.items = OOBTree()

    def apply(self, uid, keys):
        """``uid`` now counts for ``keys`` (and no longer for what it counted for)."""
        before = self.items.get(uid, ())
        if before == keys:
            return
        for key in before:
            if key in self.counts:
                self.counts[key].change(-1)
        for key in keys:
            if key not in self.counts:
                self.counts[key] = Length()
            self.counts[key].change(1)
        if keys:
            self.items[uid] = keys
        else:
            self.items.pop(uid, None)

    def totals(self):
        """{(subject, dimension): {value: count}}, without zeros."""
        totals = {}
        for (subject, dimension, value), count in self.counts.items():
            if count():
                totals.setdefault((subject, dimension), {})[value] = count()
        return totals


def tally(site, create=False):
    """The site's tally, or None while it has none (an upgrade builds it)."""
    found = stored(site, KEY, Tally, create=create)
    return found if isinstance(found, Tally) else None


def rebuild(site=None):
    """Count every item again, from the catalog's indexes, into a new tally."""
    site = site if site is not None else api.portal.get()
    catalog = api.portal.get_tool("portal_catalog")
    processQueue()
    fresh = Tally()
    indexes = catalog._catalog.indexes
    uids = indexes["UID"]._unindex
    counts = Counts(catalog)
    for subject in SUBJECTS:
        for rid in counts.members(subject):
            uid = uids.get(rid)
            if uid is not None:
                fresh.apply(uid, contribution(indexes, rid))
    IAnnotations(site)[KEY] = fresh
    _pending().clear()
    return fresh


# -- what changed in this transaction ------------------------------------------


class _Marker:
    """The key of this module's data on a transaction."""


MARKER = _Marker()


def _pending(txn=None):
    """{catalog path: (catalog, set of UIDs)} noted in this transaction."""
    txn = txn or transaction.get()
    try:
        return txn.data(MARKER)
    except KeyError:
        found = {}
        txn.set_data(MARKER, found)
        txn.addBeforeCommitHook(flush)
        return found


def note(obj):
    """The catalog (re)indexed or unindexed ``obj``: count it again before commit."""
    if getattr(obj, "portal_type", None) not in BY_TYPE:
        return
    uid = IUUID(obj, None)
    catalog = getToolByName(obj, "portal_catalog", None) if uid else None
    if catalog is None:
        return
    catalog = aq_inner(catalog)
    path = catalog.getPhysicalPath()
    _pending().setdefault(path, (catalog, set()))[1].add(uid)


def flush():
    """Apply what was noted in this transaction to the site's tally."""
    pending = _pending()
    while pending:
        processQueue()  # the catalog first, which may note more
        path, (catalog, uids) = pending.popitem()
        found = tally(aq_parent(aq_inner(catalog)))
        if found is None:
            continue
        indexes = catalog._catalog.indexes
        for uid in uids:
            rid = _rid_of(catalog, uid)
            found.apply(uid, () if rid is None else contribution(indexes, rid))


def totals():
    """{(subject, dimension): {value: count}} now: from the tally, or counted
    from scratch on a site that has none yet."""
    processQueue()
    flush()
    found = tally(api.portal.get())
    return found.totals() if found is not None else recount(_catalog())


def counted(subject, dimension):
    """{value: count} of one subject's dimension now, reading only its own
    counts (the organisations by country: the countries that have one)."""
    processQueue()
    flush()
    found = tally(api.portal.get())
    if found is None:
        return recount(_catalog()).get((subject, dimension), {})
    low, high = (subject, dimension), (subject, dimension + "\0")
    counts = found.counts.items(low, high, excludemax=True)
    return {key[2]: count() for key, count in counts if count()}
