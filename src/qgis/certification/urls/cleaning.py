"""Blank the addresses stored before they were checked (for an upgrade step).

Each address field of the product's types, and the target of every Link kept
as a course type's training material, is emptied when it could not be stored
today; the item is reindexed so that no catalog metadata keeps the old value.
"""

from plone import api

from qgis.certification.content.urls import safe_link
from qgis.certification.content.urls import safe_url


# portal type: (field, the test its value must pass, the empty value)
ADDRESS_FIELDS = {
    "CertifyingOrganisation": ("website", safe_url, None),
    "UserGroup": ("website", safe_url, None),
    "CourseType": ("url", safe_url, None),
    # Plone's Link views strip the target: it is never None
    "Link": ("remoteUrl", safe_link, ""),
}


def _is_training_material(obj):
    return obj.portal_type != "Link" or getattr(obj.__parent__, "portal_type", None) == "CourseType"


def blank_unsafe_urls():
    """Empty every unsafe stored address; returns the paths of the items changed."""
    catalog = api.portal.get_tool("portal_catalog")
    changed = []
    for brain in catalog.unrestrictedSearchResults(portal_type=list(ADDRESS_FIELDS)):
        obj = brain._unrestrictedGetObject()
        field, is_safe, empty = ADDRESS_FIELDS[obj.portal_type]
        stored = getattr(obj, field, None)
        if not stored or not _is_training_material(obj) or is_safe(stored) is not None:
            continue
        setattr(obj, field, empty)
        obj.reindexObject()
        changed.append("/".join(obj.getPhysicalPath()))
    return changed
