"""The programme's figures.

They count organisations and trainers by the month they were first
certified: the workflow reindexes only its own variables, so the month is
indexed here when an organisation is certified or a trainer approved.

They are kept as running counts (``public.figure_counts``): the catalog's
indexing queue tells ``FigureCountsProcessor`` of every item it indexes,
reindexes or unindexes, whose counts are brought up to date before commit.
"""

from qgis.certification.public import figure_counts
from qgis.certification.subscribers.queue_listener import QueueListener


CERTIFIED_STATES = frozenset({"published", "approved"})


def first_certified(content, event):
    if event.new_state is not None and event.new_state.getId() in CERTIFIED_STATES:
        content.reindexObject(idxs=["qgis_month"])


class FigureCountsProcessor(QueueListener):
    """An index queue processor beside the catalog's: it notes what changed."""

    note = staticmethod(figure_counts.note)
