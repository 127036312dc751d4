"""Choices among the items of the organisation being edited.

A course may only point at its own organisation's course types, conveners and
training centres. The vocabularies list them through the catalog, and the
course's ``OrganisationItemChoice`` fields (content/fields.py) say so clearly
when a value points elsewhere.
"""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification.content.organisation import organisation_of


def _items_vocabulary(context, portal_type):
    organisation = organisation_of(context)
    if organisation is None:
        return SimpleVocabulary([])
    brains = api.content.find(
        portal_type=portal_type,
        path={"query": "/".join(organisation.getPhysicalPath()), "depth": 1},
        sort_on="sortable_title",
        unrestricted=True,
    )
    return SimpleVocabulary([SimpleTerm(b.UID, b.UID, b.Title) for b in brains])


@provider(IVocabularyFactory)
def course_types_vocabulary(context):
    return _items_vocabulary(context, "CourseType")


@provider(IVocabularyFactory)
def conveners_vocabulary(context):
    return _items_vocabulary(context, "CourseConvener")


@provider(IVocabularyFactory)
def training_centers_vocabulary(context):
    return _items_vocabulary(context, "TrainingCenter")
