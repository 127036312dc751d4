"""Step 1003 -> 1004 (accessibility): a site of 1003 (TinyMCE with a resize
handle, without the programme's plugin) gets the accessible editor, and keeps
its own TinyMCE plugins and settings."""

from plone import api

from qgis.certification.upgrades import v1004


PLUGIN = "qgisaccessible|++plone++qgis.certification/tinymce-accessible.js"
OWN_PLUGIN = "citations|++plone++citations/plugin.js"
PRICE = "qgis.certification.interfaces.ICertificateSettings.credit_price"


def test_the_step_gives_the_site_the_accessible_editor(portal):
    api.portal.set_registry_record("plone.resizing", True)
    api.portal.set_registry_record("plone.autoresize", False)
    api.portal.set_registry_record("plone.custom_plugins", [OWN_PLUGIN])
    price = api.portal.get_registry_record(PRICE)

    v1004.configure_accessible_editor(api.portal.get_tool("portal_setup"))

    assert api.portal.get_registry_record("plone.resizing") is False
    assert api.portal.get_registry_record("plone.autoresize") is True
    assert api.portal.get_registry_record("plone.custom_plugins") == [OWN_PLUGIN, PLUGIN]
    assert api.portal.get_registry_record(PRICE) == price


def test_the_step_run_twice_loads_the_plugin_once(portal):
    setup_tool = api.portal.get_tool("portal_setup")
    v1004.configure_accessible_editor(setup_tool)
    v1004.configure_accessible_editor(setup_tool)
    assert api.portal.get_registry_record("plone.custom_plugins").count(PLUGIN) == 1
