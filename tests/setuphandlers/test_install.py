import pytest
from plone import api

from qgis.certification.interfaces import IQgisCertificationLayer


PROFILE = "qgis.certification:default"


class TestInstall:
    def test_product_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer_registered(self, browser_layers):
        assert IQgisCertificationLayer in browser_layers

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile(PROFILE) == ("1003",)

    def test_uninstall_profile_hidden(self, portal):
        from qgis.certification.setuphandlers import HiddenProfiles

        assert "qgis.certification:uninstall" in HiddenProfiles().getNonInstallableProfiles()

    def test_restapi_installed(self, installer):
        assert installer.is_product_installed("plone.restapi") is True


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstalled(self, installer, package_name):
        with api.env.adopt_roles(["Manager"]):
            installer.uninstall_product(package_name)

    def test_product_uninstalled(self, installer, package_name):
        assert installer.is_product_installed(package_name) is False

    def test_browserlayer_removed(self, browser_layers):
        assert IQgisCertificationLayer not in browser_layers

    def test_my_work_leaves_the_personal_menu(self, portal):
        assert "my-work" not in api.portal.get_tool("portal_actions").user.objectIds()
