"""REST serves an address field of the product's types only when it is a safe
web address: one stored before the check is served as null."""

from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IURI

from qgis.certification.content.urls import safe_url
from qgis.certification.interfaces import IQgisCertificationLayer


@implementer(IFieldSerializer)
@adapter(IURI, IDexterityContent, IQgisCertificationLayer)
class SafeURISerializer(DefaultFieldSerializer):
    def __call__(self):
        return safe_url(self.get_value())
