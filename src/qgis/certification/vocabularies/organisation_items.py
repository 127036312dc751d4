"""Choices among the items of the organisation being edited.

A course may only point at its own organisation's course types, conveners and
training centres. The vocabularies list them through the catalog, and
``OrganisationItemChoice`` says so clearly when a value points elsewhere.
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from zope.interface import provider
from zope.schema import Choice
from zope.schema import ValidationError
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.content.organisation import ICertifyingOrganisation


class NotInOrganisation(ValidationError):
    __doc__ = _("Choose an item of this organisation: it does not have this one.")


class OrganisationItemChoice(Choice):
    def _validate(self, value):
        try:
            super()._validate(value)
        except ConstraintNotSatisfied as error:
            raise NotInOrganisation(value).with_field_and_value(self, value) from error


def organisation_of(context):
    for item in aq_chain(aq_inner(context)):
        if ICertifyingOrganisation.providedBy(item):
            return item
    return None


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
