"""Pages written out in their own character set.

When plone.protect parses a logged-in user's page (to add its token to the
forms), lxml writes the page out again as ASCII, every letter outside it as a
character reference: a Romanian page grows, and its ``ț`` reads ``&#539;`` to
anything that reads the source. Diazo used to write the page out last, in
UTF-8; without it this transform does, after plone.protect's (order 9000).
"""

from plone.transformchain.interfaces import ITransform
from repoze.xmliter.serializer import XMLSerializer
from zope.interface import implementer


@implementer(ITransform)
class WrittenOutInCharset:
    order = 9100

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def transformBytes(self, result, encoding):
        return None

    def transformUnicode(self, result, encoding):
        return None

    def transformIterable(self, result, encoding):
        if isinstance(result, XMLSerializer):
            return [result.serialize(encoding=encoding)]
        return None
