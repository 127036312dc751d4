"""Keep what the catalog says of courses in step with their training centre and
course type: a course is indexed with its centre's position, country and title,
and with its course type's title (see ``indexers.py``)."""

from plone import api
from zope.container.interfaces import IContainerModifiedEvent


# what a course's catalog entry takes from its training centre or course type
# (the metadata, qgis_geo and qgis_course among them, is updated with them)
COURSE_INDEXES = ["qgis_countries", "qgis_training_center", "qgis_course_type"]


def _reindex_courses(**query):
    for brain in api.content.find(portal_type="Course", unrestricted=True, **query):
        course = brain._unrestrictedGetObject()
        # named indexes: a full reindex would also change the course's modification date
        course.reindexObject(idxs=COURSE_INDEXES)


def training_center_changed(centre, event):
    """The centre moved, changed country or was renamed: its courses follow."""
    uid = api.content.get_uuid(obj=centre)
    if uid:
        _reindex_courses(qgis_training_center=uid)


def course_type_changed(course_type, event):
    """The course type was renamed: its courses follow (not when material is added)."""
    if IContainerModifiedEvent.providedBy(event):
        return
    uid = api.content.get_uuid(obj=course_type)
    if uid:
        _reindex_courses(qgis_course_type=uid)
