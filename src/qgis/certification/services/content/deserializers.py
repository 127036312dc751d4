"""Field deserializers the REST API lacks for this product's schemas."""

from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.schema.interfaces import IFloat


@implementer(IFieldDeserializer)
@adapter(IFloat, IDexterityContent, IBrowserRequest)
class FloatFieldDeserializer(DefaultFieldDeserializer):
    """JSON has one number type: a whole number such as 46 is a valid latitude."""

    def __call__(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        return super().__call__(value)
