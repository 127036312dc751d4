"""Choice fields of the content schemas whose refusal says what is wrong.

Their vocabularies are named (``vocabulary="qgis.certification.Countries"``):
the vocabularies themselves live in ``vocabularies/``, which content never
imports.
"""

from zope.schema import Choice
from zope.schema import ValidationError
from zope.schema.interfaces import ConstraintNotSatisfied

from qgis.certification import _


class UnknownCountry(ValidationError):
    __doc__ = _("Choose a country by its two-letter ISO 3166 code, for example RO or SE.")


class CountryChoice(Choice):
    def _validate(self, value):
        try:
            super()._validate(value)
        except ConstraintNotSatisfied as error:
            raise UnknownCountry(value).with_field_and_value(self, value) from error


class NotInOrganisation(ValidationError):
    __doc__ = _("Choose an item of this organisation: it does not have this one.")


class OrganisationItemChoice(Choice):
    """A course type, convener or training centre of the course's own organisation."""

    def _validate(self, value):
        try:
            super()._validate(value)
        except ConstraintNotSatisfied as error:
            raise NotInOrganisation(value).with_field_and_value(self, value) from error
