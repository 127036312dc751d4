"""An application made through its add form is catalogued once: what the
catalog keeps for "my work" (the parts it still lacks) is computed without
processing the indexing queue again, which indexed the new organisation a
second time, under a record of its own that nothing updated afterwards."""

import transaction
from plone import api


def test_an_application_from_the_add_form_has_one_catalog_record(site, browser_for):
    transaction.commit()
    browser = browser_for("stranger")
    browser.open(site.absolute_url() + "/organisations/++add++CertifyingOrganisation")
    browser.getControl(name="form.widgets.IBasic.title").value = "Form Academy"
    browser.getControl(name="form.widgets.email").value = "office@form-academy.example"
    browser.getControl(name="form.widgets.country:list").value = ["RO"]
    browser.getControl(name="form.buttons.save").click()
    assert browser.url.endswith("/organisations/form-academy/view")
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="CertifyingOrganisation")
    assert [brain.getPath() for brain in brains] == ["/plone/organisations/form-academy"]
    (brain,) = brains
    assert "at least one course type" in str(brain.qgis_work["missing"])
