"""The programme's figures.

They count organisations and trainers by the month they were first
certified: the workflow reindexes only its own variables, so the month is
indexed here when an organisation is certified or a trainer approved.

They are kept as running counts (``public.figure_counts``): the catalog's
indexing queue tells ``FigureCountsProcessor`` of every item it indexes,
reindexes or unindexes, whose counts are brought up to date before commit.
"""

from Products.CMFCore.interfaces import IIndexQueueProcessor
from zope.interface import implementer

from qgis.certification.public import figure_counts


CERTIFIED_STATES = frozenset({"published", "approved"})


def first_certified(content, event):
    if event.new_state is not None and event.new_state.getId() in CERTIFIED_STATES:
        content.reindexObject(idxs=["qgis_month"])


@implementer(IIndexQueueProcessor)
class FigureCountsProcessor:
    """An index queue processor beside the catalog's: it notes what changed."""

    def index(self, obj, attributes=None):
        figure_counts.note(obj)

    def reindex(self, obj, attributes=None, update_metadata=1):
        figure_counts.note(obj)

    def unindex(self, obj):
        figure_counts.note(obj)

    def begin(self):
        pass

    def commit(self):
        pass

    def abort(self):
        pass
