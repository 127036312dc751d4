"""The catalog's view of attendees and certificates: only what it keeps of
them (``content/catalogued.py``), read from the object itself.

Plone's wrapper (``plone.indexer.wrapper.IndexableObjectWrapper``) answers
every one of the catalog's ~90 index and column names it can, looking a name
the object lacks up through acquisition (course, organisation, folder, site
and its skins) and, for dexterity content, through its schemas' defaults.
This wrapper answers only the names the catalog keeps of these types, as
Plone's would (an indexer, a workflow variable, the object's own attribute),
and lacks the others at once: those indexes leave the item out and those
columns hold a missing value. A wrapper serves one cataloguing of one item:
what an index and a column of the same name read (the UID, the countries) is
computed once.
"""

from Acquisition import aq_base
from plone.indexer.interfaces import IIndexer
from plone.indexer.wrapper import IndexableObjectWrapper
from zope.component import queryMultiAdapter

from qgis.certification.content.catalogued import CATALOGUED_NAMES


class SparingWrapper(IndexableObjectWrapper):
    """Plone's indexable wrapper, answering only the names kept of the type."""

    def __getattr__(self, name):
        obj = self._IndexableObjectWrapper__object
        lacking = self.__dict__.setdefault("_lacking", set())
        if name in lacking or name not in CATALOGUED_NAMES[obj.portal_type]:
            raise AttributeError(name)
        try:
            value = self._read(obj, name)
        except AttributeError:
            lacking.add(name)
            raise
        self.__dict__[name] = value
        return value

    def _read(self, obj, name):
        indexer = queryMultiAdapter(
            (obj, self._IndexableObjectWrapper__catalog), IIndexer, name=name
        )
        if indexer is not None:
            return indexer()
        variables = self._IndexableObjectWrapper__vars
        if name in variables:
            return variables[name]
        # the object's own attribute, never an acquired one; wrapped so that
        # callables may use acquisition
        getattr(aq_base(obj), name)
        return getattr(obj, name)
