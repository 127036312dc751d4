"""Step 1001 -> 1002, data protection: a site of 1001 gets the privacy settings,
the index of attendees' address digests (filled for what it holds) and the
privacy page in every language."""

from builders import certified_course
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification.interfaces import IPrivacySettings
from qgis.certification.privacy.register import address_key
from qgis.certification.upgrades import v1002


RECORD = "qgis.certification.interfaces.IPrivacySettings.attendee_retention_months"


def test_the_step_adds_the_settings_with_their_defaults(site):
    registry = getUtility(IRegistry)
    del registry.records[RECORD]
    v1002.add_privacy_settings(api.portal.get_tool("portal_setup"))
    assert registry[RECORD] == 24
    assert (
        api.portal.get_registry_record(name="link_validity_hours", interface=IPrivacySettings) == 48
    )


def test_the_step_indexes_the_address_digests_of_existing_attendees(site):
    with api.env.adopt_roles(["Manager"]):
        _organisation, course, attendees = certified_course(site)
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex(v1002.privacy.INDEX)
    v1002.index_email_keys(api.portal.get_tool("portal_setup"))
    key = address_key(attendees[0].email)
    brains = api.content.find(portal_type="Attendee", qgis_email_key=key, unrestricted=True)
    assert [brain.getId for brain in brains] == [attendees[0].getId()]


def test_the_step_adds_the_privacy_page_in_every_language(site):
    ids = {"en": "privacy", "ro": "confidentialitate", "sv": "integritet"}
    with api.env.adopt_roles(["Manager"]):
        for language, page_id in ids.items():
            api.content.delete(obj=site[language][page_id])
    v1002.add_privacy_pages(api.portal.get_tool("portal_setup"))
    for language, page_id in ids.items():
        assert site[language][page_id].Title()
