"""Field deserializers the REST API lacks for this product's schemas."""

from plone.dexterity.interfaces import IDexterityContent
from plone.namedfile.interfaces import INamedField
from plone.restapi.deserializer.dxfields import ChoiceFieldDeserializer
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.deserializer.dxfields import NamedFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IFloat

from qgis.certification.interfaces import IQgisCertificationLayer


# what the members of a file's JSON object must be, when present
FILE_MEMBERS = ("data", "content-type", "filename", "encoding")
ENCODINGS = ("base64",)


@implementer(IFieldDeserializer)
@adapter(IFloat, IDexterityContent, IBrowserRequest)
class FloatFieldDeserializer(DefaultFieldDeserializer):
    """JSON has one number type: a whole number such as 46 is a valid latitude."""

    def __call__(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(INamedField, IDexterityContent, IQgisCertificationLayer)
class CheckedNamedFieldDeserializer(NamedFieldDeserializer):
    """A file or image is text (its data) or ``{"data", "content-type",
    "filename", "encoding"}`` of text, base64 its only encoding: anything else
    is a value error the field answers (plone.restapi would fail on it)."""

    def __call__(self, value):
        if isinstance(value, dict):
            members = [value.get(name) for name in FILE_MEMBERS]
            if not all(member is None or isinstance(member, str) for member in members):
                raise ValueError("A file's data, content-type, filename and encoding are text.")
            if value.get("encoding") not in (None, *ENCODINGS):
                raise ValueError("A file's encoding can only be base64.")
        elif value is not None and not isinstance(value, str):
            raise ValueError("A file is its data as text, or a JSON object with 'data'.")
        return super().__call__(value)


@implementer(IFieldDeserializer)
@adapter(IChoice, IDexterityContent, IQgisCertificationLayer)
class CheckedChoiceFieldDeserializer(ChoiceFieldDeserializer):
    """A choice is one value (or ``{"token": ...}``): a JSON object or list
    cannot be looked up in a vocabulary, and is a value error the field
    answers (plone.restapi would fail on it)."""

    def __call__(self, value):
        if isinstance(value, dict) and "token" in value:
            value = value["token"]
        if isinstance(value, dict | list):
            raise ValueError("A choice is one of the listed values, not a list or an object.")
        return super().__call__(value)
