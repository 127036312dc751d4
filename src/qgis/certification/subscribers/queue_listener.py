"""The base of the index queue processors that only listen: beside the
catalog's own processor, they are told of every item the catalog indexes,
reindexes or unindexes, and pass it to ``note``."""

from Products.CMFCore.interfaces import IIndexQueueProcessor
from zope.interface import implementer


@implementer(IIndexQueueProcessor)
class QueueListener:
    """Subclasses set ``note`` (a staticmethod taking the item)."""

    note = None

    def index(self, obj, attributes=None):
        self.note(obj)

    def reindex(self, obj, attributes=None, update_metadata=1):
        self.note(obj)

    def unindex(self, obj):
        self.note(obj)

    def begin(self):
        pass

    def commit(self):
        pass

    def abort(self):
        pass
