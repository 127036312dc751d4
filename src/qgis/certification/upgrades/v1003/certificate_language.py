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


#: The languages certificates were printed in before 1003 (others were printed in English).
EARLIER_LANGUAGES = ("en", "ro", "sv")


def keep_earlier_certificates_in_english(setup_tool):
    """Certificates of courses in other languages were printed wholly in English
    (their type's sentence too): they stay so, and their files stay recognised."""
    for brain in api.content.find(portal_type="Certificate", unrestricted=True):
        certificate = brain._unrestrictedGetObject()
        if certificate.certificate_language not in EARLIER_LANGUAGES:
            certificate.printed_language = "en"


def register_invoice_tax_notes(setup_tool):
    """The new invoice settings' records; the settings a site has changed are kept
    (the registry step is not re-imported)."""
    getUtility(IRegistry).registerInterface(IInvoiceSettings)
