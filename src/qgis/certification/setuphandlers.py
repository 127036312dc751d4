from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Only the default profile is offered in the add-ons control panel."""
        return ["qgis.certification:uninstall"]

    def getNonInstallableProducts(self):
        return []


def post_install(context):
    """Runs after the default profile's import steps."""


def uninstall(context):
    """Runs after the uninstall profile's import steps."""
