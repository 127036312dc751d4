import pytest
from plone import api

from qgis.certification.application import version_roles
from qgis.certification.interfaces import IQgisCertificationLayer
from qgis.certification.public import figure_counts


PROFILE = "qgis.certification:default"


class TestInstall:
    def test_product_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer_registered(self, browser_layers):
        assert IQgisCertificationLayer in browser_layers

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile(PROFILE) == ("1006",)

    def test_figures_are_kept_as_running_counts(self, portal):
        assert figure_counts.tally(portal) is not None

    def test_versions_are_read_with_todays_local_roles(self, portal):
        modifiers = api.portal.get_tool("portal_modifier")
        assert modifiers[version_roles.MODIFIER_ID].isEnabled()

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

    def test_version_modifier_removed(self, portal):
        modifiers = api.portal.get_tool("portal_modifier")
        assert version_roles.MODIFIER_ID not in modifiers.objectIds()

    def test_my_work_leaves_the_personal_menu(self, portal):
        assert "my-work" not in api.portal.get_tool("portal_actions").user.objectIds()

    def test_question_languages_leave_the_forms_menu(self, portal):
        assert "question-languages" not in api.portal.get_tool("portal_actions").object.objectIds()
