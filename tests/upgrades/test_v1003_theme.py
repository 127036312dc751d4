"""Step 1002 -> 1003 (theme): a site of 1002 (Plone's logo, copyright and
colophon in the footer, generic icons, no style sheet of the programme) gets
the programme's look, and keeps its own settings and logo."""

from decimal import Decimal

import pytest
from plone import api
from plone.app.portlets.portlets import classic
from plone.formwidget.namedfile.converter import b64decode_file
from plone.formwidget.namedfile.converter import b64encode_file
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.registry.interfaces import IRegistry
from upgrade_helpers import PROFILE_ID
from zope.component import getMultiAdapter
from zope.component import getUtility


BUNDLE = "plone.bundles/qgis-certification"
ICON = "plone.icon.contenttype/certifyingorganisation"
PRICE = "qgis.certification.interfaces.ICertificateSettings.credit_price"


def footer_portlets(portal):
    manager = getUtility(IPortletManager, name="plone.footerportlets")
    return getMultiAdapter((portal, manager), IPortletAssignmentMapping)


def as_in_1002(portal):
    registry = getUtility(IRegistry)
    registry["plone.site_logo"] = None
    registry["plone.site_favicon"] = None
    for name in [n for n in list(registry.records.keys()) if n.startswith((BUNDLE, ICON))]:
        del registry.records[name]
    fti = api.portal.get_tool("portal_types")["CertifyingOrganisation"]
    fti.icon_expr = "string:contenttype/building"
    mapping = footer_portlets(portal)
    del mapping["qgis-footer"]
    mapping["footer"] = classic.Assignment(template="@@footer")
    mapping["colophon"] = classic.Assignment(template="colophon")


def upgrade_from_1002():
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE_ID, "1002")
    setup_tool.upgradeProfile(PROFILE_ID, dest="1003")
    assert setup_tool.getLastVersionForProfile(PROFILE_ID) == ("1003",)


@pytest.fixture
def site_of_1002(portal):
    as_in_1002(portal)
    api.portal.set_registry_record(PRICE, Decimal("35.00"))
    return portal


def test_the_step_gives_the_site_the_programmes_look(site_of_1002):
    upgrade_from_1002()
    registry = getUtility(IRegistry)
    filename, _data = b64decode_file(registry["plone.site_logo"])
    assert filename == "qgis-certification-logo.svg"
    assert b64decode_file(registry["plone.site_favicon"])[0] == "qgis-certification-mark.svg"
    assert registry[f"{BUNDLE}.csscompilation"].endswith("theme/qgis-theme.css")
    assert registry[ICON] == "++plone++bootstrap-icons/building.svg"
    fti = api.portal.get_tool("portal_types")["CertifyingOrganisation"]
    assert fti.icon_expr == "string:contenttype/certifyingorganisation"
    assert list(footer_portlets(site_of_1002).keys())[0] == "qgis-footer"
    assert "footer" not in footer_portlets(site_of_1002)
    assert "colophon" not in footer_portlets(site_of_1002)
    # the site's own settings are kept: only the theme's records are imported
    assert api.portal.get_registry_record(PRICE) == Decimal("35.00")


def test_a_site_with_its_own_logo_keeps_it(site_of_1002):
    own = b64encode_file("official.png", b"\x89PNG not really")
    getUtility(IRegistry)["plone.site_logo"] = own
    upgrade_from_1002()
    assert getUtility(IRegistry)["plone.site_logo"] == own
