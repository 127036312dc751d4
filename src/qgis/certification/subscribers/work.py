"""What "my work" reads from the catalog follows the changes it derives from
(qgis.certification.work.indexing): an organisation's or invoice's state, the
Sharing tab's roles, and the parts of a draft application."""

from plone import api
from zope.lifecycleevent.interfaces import IObjectMovedEvent

from qgis.certification.content.organisation import organisation_of
from qgis.certification.localroles import is_catalogued
from qgis.certification.work.indexing import reindex_work


def state_changed(obj, event):
    reindex_work(obj)


def roles_changed(obj, event):
    if is_catalogued(obj):
        obj.reindexObject(idxs=["qgis_people"])


def part_changed(obj, event):
    """A course type or its material added, removed or changed: a draft
    application's missing parts change with it."""
    if IObjectMovedEvent.providedBy(event):
        if event.object is not obj:
            return  # a container of it moves or goes: that container's own event counts
        place = event.newParent if event.newParent is not None else event.oldParent
    else:
        place = obj
    organisation = organisation_of(place) if place is not None else None
    if organisation is None or organisation is obj:
        return
    if api.content.get_state(organisation, None) == "draft":
        reindex_work(organisation)
