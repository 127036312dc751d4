"""The two programme folders the profile creates: /organisations and /user-groups."""

from plone.dexterity.content import Container
from zope.interface import Interface
from zope.interface import implementer


class IOrganisationFolder(Interface):
    """Holds every CertifyingOrganisation (applications included)."""


class IUserGroupFolder(Interface):
    """Holds the local QGIS user groups."""


@implementer(IOrganisationFolder)
class OrganisationFolder(Container):
    pass


@implementer(IUserGroupFolder)
class UserGroupFolder(Container):
    pass
