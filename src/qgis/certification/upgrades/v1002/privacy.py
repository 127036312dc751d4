"""1001 -> 1002, data protection: the team's permission on erasure requests
(rolemap), the retention and link settings, the catalog index of the keyed
digest of attendees' addresses (filled for the attendees and certificates
already there), and the privacy page in English, Romanian and Swedish."""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification.interfaces import IPrivacySettings
from qgis.certification.public.multilingual import ensure_programme_pages


INDEX = "qgis_email_key"


def add_privacy_settings(setup_tool):
    getUtility(IRegistry).registerInterface(IPrivacySettings)


def index_email_keys(setup_tool):
    catalog = api.portal.get_tool("portal_catalog")
    if INDEX not in catalog.indexes():
        catalog.addIndex(INDEX, "FieldIndex", extra={"indexed_attrs": INDEX})
    for brain in catalog.unrestrictedSearchResults(portal_type=["Attendee", "Certificate"]):
        catalog.catalog_object(brain._unrestrictedGetObject(), idxs=[INDEX], update_metadata=False)


def add_privacy_pages(setup_tool):
    # made and published as the site's own pages are
    with api.env.adopt_roles(["Manager"]):
        ensure_programme_pages(api.portal.get())
