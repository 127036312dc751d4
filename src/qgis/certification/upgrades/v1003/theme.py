"""1002 -> 1003, the look of the programme: its style sheet and the icons of
its types (the registry file ``registry/theme.xml`` alone: re-importing the
whole registry would reset settings the site has changed), its logo and
favicon unless the site has its own, and its footer (the portlets step, with
the types' icons from the typeinfo step, in configure.zcml)."""

from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from Products.GenericSetup.context import DirectoryImportContext
from zope.component import getUtility

import qgis.certification
from qgis.certification.public.site_logo import ensure_site_logo


PROFILE_DIR = qgis.certification.__path__[0] + "/profiles/default"
THEME_RECORDS = "registry/theme.xml"


def import_theme_records(setup_tool):
    context = DirectoryImportContext(setup_tool, PROFILE_DIR)
    importer = RegistryImporter(getUtility(IRegistry), context)
    importer.importDocument(context.readDataFile(THEME_RECORDS))


def set_programme_logo(setup_tool):
    ensure_site_logo()
