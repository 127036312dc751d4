"""1002 -> 1003, accessibility: the product's stylesheet (its bundle, from the
main profile's ``registry/bundles.xml`` alone: no other registry record is
imported again, so settings changed through the web stay as they are)."""

from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from Products.GenericSetup import profile_registry
from Products.GenericSetup.context import DirectoryImportContext
from zope.component import getUtility


PROFILE = "qgis.certification:default"


def add_stylesheet(setup_tool):
    path = profile_registry.getProfileInfo(PROFILE)["path"]
    context = DirectoryImportContext(setup_tool, path, should_purge=False)
    document = context.readDataFile("bundles.xml", "registry")
    RegistryImporter(getUtility(IRegistry), context).importDocument(document)
