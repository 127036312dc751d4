from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import Interface
from zope.interface import implementer


class ICertificateTypeFolder(Interface):
    """Holds the certificate types, kept by the certification team."""


class ICertificateType(model.Schema):
    """A kind of certificate (its id is the type's key, e.g. ``completion``).

    What it prints in each language is in the certificate wording of that
    language (``certificates.wording``), which the team edits in Site Setup."""


@implementer(ICertificateTypeFolder)
class CertificateTypeFolder(Container):
    """/certificate-types: the types, and the representative's signature image."""


@implementer(ICertificateType)
class CertificateType(Item):
    """Its id names the type; its title is shown where certificates are listed."""
