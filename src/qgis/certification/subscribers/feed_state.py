"""The state of what the public feeds show (``public.feed_state``): the
catalog's indexing queue tells ``FeedStateProcessor`` of every item it
indexes, reindexes or unindexes."""

from Products.CMFCore.interfaces import IIndexQueueProcessor
from zope.interface import implementer

from qgis.certification.public import feed_state


@implementer(IIndexQueueProcessor)
class FeedStateProcessor:
    """An index queue processor beside the catalog's: a change of what the
    feeds show makes a new state."""

    def index(self, obj, attributes=None):
        feed_state.changed(obj)

    def reindex(self, obj, attributes=None, update_metadata=1):
        feed_state.changed(obj)

    def unindex(self, obj):
        feed_state.changed(obj)

    def begin(self):
        pass

    def commit(self):
        pass

    def abort(self):
        pass
