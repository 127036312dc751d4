"""Certified trainers on an existing site: organisations get the new add
permission of their state, and what is already stored is indexed for the
trainers' evidence (courses by convener, certificates by holder address)."""

from plone import api
from plone.app.caching.interfaces import IPloneCacheSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification.interfaces import ITrainerSettings


INDEXES = {"Course": ["qgis_convener"], "Certificate": ["qgis_holder_email"]}


def register_trainer_settings(setup_tool):
    """The trainer settings' records (the registry step is not re-imported: it
    would reset the settings a site has changed), and nominations purged."""
    registry = getUtility(IRegistry)
    registry.registerInterface(ITrainerSettings)
    caching = registry.forInterface(IPloneCacheSettings)
    purged = tuple(caching.purgedContentTypes or ())
    if "TrainerNomination" not in purged:
        caching.purgedContentTypes = (*purged, "TrainerNomination")


def map_organisation_permissions(setup_tool):
    workflow = api.portal.get_tool("portal_workflow")["qgis_organisation_workflow"]
    for brain in api.content.find(portal_type="CertifyingOrganisation", unrestricted=True):
        organisation = brain._unrestrictedGetObject()
        workflow.updateRoleMappingsFor(organisation)
        organisation.reindexObjectSecurity()


def index_trainer_data(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    for portal_type, indexes in INDEXES.items():
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            catalog.catalog_object(
                brain._unrestrictedGetObject(), brain.getPath(), idxs=indexes, update_metadata=0
            )
