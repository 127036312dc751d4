"""Certificates in the course's language: every shipped language's wording
becomes registry records the team edits (the sentences the team may have
edited on the certificate types, in English, Romanian and Swedish, are
carried over), and the wording's control panel appears in Site Setup.
Invoices in the buyer's language: the tax notes in Romanian and Swedish."""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification.certificates.wording import ensure_shipped_wording
from qgis.certification.interfaces import IInvoiceSettings


def add_certificate_wording(setup_tool):
    ensure_shipped_wording(api.portal.get())


def register_invoice_tax_notes(setup_tool):
    """The new invoice settings' records; the settings a site has changed are kept
    (the registry step is not re-imported)."""
    getUtility(IRegistry).registerInterface(IInvoiceSettings)
