"""Step 1002 -> 1003, accessibility: the product's stylesheet is added as a
bundle, and no other registry record is imported again."""

from plone import api
from plone.base.interfaces import IBundleRegistry
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification.upgrades import v1003


PREFIX = "plone.bundles/qgis-certification"
PRICE = "qgis.certification.interfaces.ICertificateSettings.credit_price"


def test_the_step_adds_the_stylesheet_and_keeps_the_settings(site):
    registry = getUtility(IRegistry)
    # as a 1002 site has it: no bundle; and a setting changed through the web
    for name in [name for name in registry.records if name.startswith(PREFIX + ".")]:
        del registry.records[name]
    assert (
        registry.collectionOfInterface(IBundleRegistry, prefix="plone.bundles").get(
            "qgis-certification"
        )
        is None
    )
    api.portal.set_registry_record(PRICE, api.portal.get_registry_record(PRICE) + 5)
    changed = api.portal.get_registry_record(PRICE)

    v1003.add_stylesheet(api.portal.get_tool("portal_setup"))

    bundle = registry.forInterface(IBundleRegistry, prefix=PREFIX)
    assert bundle.enabled is True
    assert bundle.csscompilation == "++plone++qgis.certification/qgis-certification.css"
    assert api.portal.get_registry_record(PRICE) == changed
