"""What the catalog holds of one object, for tests of what is catalogued."""

from plone import api
from Products.CMFCore.indexing import processQueue


def catalog_entry(obj):
    """``(indexes holding obj, metadata columns with a value)``."""
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(obj.getPhysicalPath()))
    assert rid is not None, "not catalogued"
    indexes = {
        name
        for name in catalog.indexes()
        if catalog._catalog.getIndex(name).getEntryForObject(rid, None) not in (None, "", [])
    }
    columns = {
        name
        for name, value in catalog.getMetadataForRID(rid).items()
        if repr(value) != "Missing.Value"
    }
    return indexes, columns
