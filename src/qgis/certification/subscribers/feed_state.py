"""The state of what the public feeds show (``public.feed_state``): the
catalog's indexing queue tells ``FeedStateProcessor`` of every item it
indexes, reindexes or unindexes."""

from qgis.certification.public import feed_state
from qgis.certification.subscribers.queue_listener import QueueListener


class FeedStateProcessor(QueueListener):
    """A change of what the feeds show makes a new state."""

    note = staticmethod(feed_state.changed)
