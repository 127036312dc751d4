"""The catalog's view of attendees and certificates, read without walking
up to the site for every name they do not have.

Plone's wrapper (``plone.indexer.wrapper.IndexableObjectWrapper``) answers a
name that no indexer and no workflow variable answers by looking it up
through acquisition, then throws the acquired value away unless it is a
``Script (Python)``: only the object's own attributes are indexed. For an
attendee or a certificate, which lack most of the catalog's ~70 names, that
walk (course, organisation, folder, site and its skins) was most of the cost
of cataloguing them. This wrapper asks the object itself first, and only
when it lacks the name looks for an acquired Python script, once per
container and name in a request. What it answers is what Plone's answers.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.indexer.interfaces import IIndexer
from plone.indexer.wrapper import IndexableObjectWrapper
from zope.annotation.interfaces import IAnnotations
from zope.component import queryMultiAdapter
from zope.globalrequest import getRequest


CACHE_KEY = "qgis.certification.acquired-scripts"
SCRIPT = "Script (Python)"


def _script_cache():
    request = getRequest()
    if request is None:
        return {}
    try:
        annotations = IAnnotations(request)
    except TypeError:
        return {}
    return annotations.setdefault(CACHE_KEY, {})


def acquires_script(obj, name):
    """Whether ``obj`` (which lacks ``name`` itself) acquires a Python script
    of that name from its containers."""
    cache = _script_cache()
    key = (aq_parent(aq_inner(obj)).getPhysicalPath(), name)
    if key not in cache:
        found = getattr(obj, name, None)
        cache[key] = getattr(found, "meta_type", None) == SCRIPT
    return cache[key]


class OwnAttributesWrapper(IndexableObjectWrapper):
    """Plone's indexable wrapper, asking the object before its containers."""

    def __getattr__(self, name):
        obj = self._IndexableObjectWrapper__object
        indexer = queryMultiAdapter(
            (obj, self._IndexableObjectWrapper__catalog), IIndexer, name=name
        )
        if indexer is not None:
            return indexer()
        variables = self._IndexableObjectWrapper__vars
        if name in variables:
            return variables[name]
        try:
            getattr(aq_base(obj), name)
        except AttributeError:
            if not acquires_script(obj, name):
                raise
        # the object's own attribute (or an acquired script), wrapped so that
        # callables may use acquisition
        return getattr(obj, name)
