"""Adding and editing the programme's content over REST (POST to a
container, PATCH on an item): plone.restapi's services, the body checked first.

plone.restapi's own services answer a server error to a body that is not a
JSON object, or to an ``@type``, ``id`` or ``title`` that is not text, and
commit what they changed before some of their refusals. Here such a body is
refused in the product's error shape before anything happens, and a refusal
writes nothing."""

from plone.restapi.services.content.add import FolderPost
from plone.restapi.services.content.update import ContentPatch

from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.delegating import delegate


# the members plone.restapi reads itself, before the content's schema
NAMES = ("id", "title", "UID", "language", "translation_of")


class ProgrammeFolderPost(ProductService, FolderPost):
    fields = (Field("@type", str, required=True), *(Field(name, str) for name in NAMES))

    def answer(self):
        self.body()
        return delegate(self, FolderPost.reply)


class ProgrammeContentPatch(ProductService, ContentPatch):
    fields = (Field("@type", str), *(Field(name, str) for name in NAMES))

    def answer(self):
        self.body()
        return delegate(self, ContentPatch.reply)
