"""One registry file of the main profile imported alone: re-importing the
whole registry would reset the settings a site has changed."""

from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from Products.GenericSetup.context import DirectoryImportContext
from zope.component import getUtility

import qgis.certification


PROFILE_DIR = qgis.certification.__path__[0] + "/profiles/default"


def import_registry_file(setup_tool, path):
    """Import ``path`` (relative to ``profiles/default``) into the site's registry."""
    context = DirectoryImportContext(setup_tool, PROFILE_DIR)
    importer = RegistryImporter(getUtility(IRegistry), context)
    importer.importDocument(context.readDataFile(path))
