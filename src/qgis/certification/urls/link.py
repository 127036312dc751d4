"""Plone's Link (the training material of a course type) keeps only targets
``safe_link`` accepts: its schema is Plone's, so the check is added where the
product's browser layer applies, to the edit forms (a widget validator) and to
REST (the ``remoteUrl`` deserializer and serializer)."""

from plone.app.contenttypes.interfaces import ILink
from plone.app.z3cform.interfaces import ILinkWidget
from plone.restapi.deserializer.dxfields import LinkTextLineFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import TextLineFieldSerializer
from z3c.form import validator
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import ITextLine

from qgis.certification.content.urls import is_link_target
from qgis.certification.content.urls import safe_link
from qgis.certification.interfaces import IQgisCertificationLayer


TARGET = "remoteUrl"


class LinkTargetValidator(validator.SimpleFieldValidator):
    """Refuses, next to the field, a Link target that is not a safe link."""

    def validate(self, value, force=False):
        super().validate(value, force)
        if self.field.__name__ == TARGET and isinstance(value, str):
            is_link_target(value)


validator.WidgetValidatorDiscriminators(
    LinkTargetValidator, request=IQgisCertificationLayer, widget=ILinkWidget
)


@implementer(IFieldDeserializer)
@adapter(ITextLine, ILink, IQgisCertificationLayer)
class LinkTargetDeserializer(LinkTextLineFieldDeserializer):
    """REST: an unsafe target is a validation error, answered with 400."""

    def __call__(self, value):
        value = super().__call__(value)
        if self.field.getName() == TARGET:
            is_link_target(value)
        return value


@implementer(IFieldSerializer)
@adapter(ITextLine, ILink, IQgisCertificationLayer)
class LinkTargetSerializer(TextLineFieldSerializer):
    """REST: a target stored before the check is served as null."""

    def __call__(self):
        if self.field.getName() == TARGET and safe_link(self.get_value()) is None:
            return None
        return super().__call__()
