"""Step 1002 -> 1003, certificates in the course's language: the shipped wording
becomes registry records (sentences the team edited on the certificate types
carried over, edits to the records kept), the control panels appear, and the
invoice settings gain their tax notes per language without losing values."""

import io
from decimal import Decimal

from builders import certified_course
from builders import top_up
from plone import api
from plone.registry.interfaces import IRegistry
from pypdf import PdfReader
from upgrade_helpers import PROFILE_ID
from upgrade_helpers import profile_version
from zope.component import getUtility

from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing
from qgis.certification.certificates import wording
from qgis.certification.certificates.shipped_wording import SHIPPED_WORDING
from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.upgrades import v1003


INVOICE_RECORD = "qgis.certification.interfaces.IInvoiceSettings."


def as_before_1003(portal):
    """Take away what 1003 adds: the wording records, the tax notes per language,
    the control panels; the team's Romanian sentence is on the completion type."""
    registry = getUtility(IRegistry)
    for name in list(registry.records.keys()):
        if name.startswith(f"{wording.PREFIX}/") or name.startswith(f"{INVOICE_RECORD}tax_note_"):
            del registry.records[name]
    portal["certificate-types"]["completion"].wording_ro = "a încheiat cu brio cursul"
    controlpanel = api.portal.get_tool("portal_controlpanel")
    for action_id in ("qgis-certificate-wording", "qgis-invoice-settings"):
        controlpanel.unregisterConfiglet(action_id)


def configlets():
    return {action.id for action in api.portal.get_tool("portal_controlpanel").listActions()}


def test_the_upgrade_adds_the_wording_and_keeps_the_teams_sentences(site):
    as_before_1003(site)
    api.portal.set_registry_record("tax_rate", Decimal("7.7"), interface=IInvoiceSettings)
    assert wording.languages() == []
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE_ID, "1002")

    setup_tool.upgradeProfile(PROFILE_ID)

    assert setup_tool.getLastVersionForProfile(PROFILE_ID) == (str(profile_version()),)
    assert wording.languages() == sorted(SHIPPED_WORDING)
    assert wording.wording_for("ro").completion == "a încheiat cu brio cursul"
    assert wording.wording_for("ro").attendance == SHIPPED_WORDING["ro"]["attendance"]
    assert wording.wording_for("ja") == wording.shipped("ja")
    assert {"qgis-certificate-wording", "qgis-invoice-settings"} <= configlets()
    assert api.portal.get_registry_record("tax_note_ro", interface=IInvoiceSettings) is None
    assert api.portal.get_registry_record("tax_rate", interface=IInvoiceSettings) == Decimal("7.7")


def test_earlier_certificates_of_other_languages_stay_in_english(site):
    organisation, course, _people = certified_course(site)
    top_up(organisation, 3)
    course.course_language = "de"
    with api.env.adopt_user(username="owner"):
        certificates, _balance = issuing.issue_certificates(course, "all", "completion", "owner")
    earlier = certificates[0]
    earlier.wording = SHIPPED_WORDING["en"]["completion"]  # as issued before 1003

    v1003.keep_earlier_certificates_in_english(api.portal.get_tool("portal_setup"))

    assert earlier.printed_language == "en"
    (page,) = PdfReader(io.BytesIO(documents.certificate_pdf(earlier))).pages
    text = " ".join(page.extract_text().split())
    assert "CERTIFICATE This certifies that" in text
    assert "ZERTIFIKAT" not in text


def test_running_the_step_again_keeps_the_teams_edits(site):
    wording._collection()["de"].title = "Teilnahmebescheinigung"
    setup_tool = api.portal.get_tool("portal_setup")
    v1003.add_certificate_wording(setup_tool)
    v1003.register_invoice_tax_notes(setup_tool)
    assert wording.wording_for("de").title == "Teilnahmebescheinigung"
    assert wording.languages() == sorted(SHIPPED_WORDING)
