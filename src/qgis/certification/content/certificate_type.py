from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import Interface
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.validation import TEXT_LENGTH


class ICertificateTypeFolder(Interface):
    """Holds the certificate types, kept by the certification team."""


class ICertificateType(model.Schema):
    """A kind of certificate (its id is the type's key, e.g. ``completion``)."""

    wording_en = schema.Text(
        title=_("Wording (English)"),
        description=_("The sentence printed on the certificate, under the attendee's name."),
        required=True,
        max_length=TEXT_LENGTH,
    )
    wording_ro = schema.Text(title=_("Wording (Romanian)"), required=True, max_length=TEXT_LENGTH)
    wording_sv = schema.Text(title=_("Wording (Swedish)"), required=True, max_length=TEXT_LENGTH)


@implementer(ICertificateTypeFolder)
class CertificateTypeFolder(Container):
    pass


@implementer(ICertificateType)
class CertificateType(Item):
    def wording(self, language):
        return getattr(self, f"wording_{language}", None) or self.wording_en
