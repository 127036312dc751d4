"""Choice fields of the content schemas whose refusal says what is wrong.

Their vocabularies are named (``vocabulary="qgis.certification.Countries"``):
the vocabularies themselves live in ``vocabularies/``, which content never
imports.
"""

from plone.app.z3cform.widgets.select import SelectFieldWidget
from zope.schema import Choice
from zope.schema import ValidationError
from zope.schema.interfaces import ConstraintNotSatisfied

from qgis.certification import _


class UnknownCountry(ValidationError):
    __doc__ = _("Choose a country by its two-letter ISO 3166 code, for example RO or SE.")


class NotInOrganisation(ValidationError):
    __doc__ = _("Choose an item of this organisation: it does not have this one.")


class ExplainedChoice(Choice):
    """A choice whose value outside its vocabulary is refused with ``refusal``,
    an error whose message says what to choose."""

    refusal = ConstraintNotSatisfied

    def _validate(self, value):
        try:
            super()._validate(value)
        except ConstraintNotSatisfied as error:
            raise self.refusal(value).with_field_and_value(self, value) from error


class CountryChoice(ExplainedChoice):
    refusal = UnknownCountry


class OrganisationItemChoice(ExplainedChoice):
    """A course type, convener or training centre of the course's own organisation."""

    refusal = NotInOrganisation


#: the first option of a required choice, so that nothing is chosen for the person
CHOOSE = _("Choose…")


#: ``directives.widget("field", **PROMPTED)``: a select widget that starts on
#: "Choose…" rather than on the first item (a required choice left there is
#: refused as missing)
PROMPTED = {"widget_class": SelectFieldWidget, "prompt": True, "promptMessage": CHOOSE}
