"""The step folders follow the convention of upgrades/__init__.py, and what they register stays
out of the add-ons control panel; `make start` applies pending steps.

The folder checks read the files (no Plone); the others use the integration portal."""

import re
import xml.etree.ElementTree as ET

import pytest
from plone import api
from plone.base.interfaces import IMigratingPloneSiteRoot
from Products.GenericSetup import EXTENSION
from Products.GenericSetup import profile_registry
from Products.GenericSetup.upgrade import UpgradeStep
from Products.GenericSetup.upgrade import _registerUpgradeStep
from Products.GenericSetup.upgrade import _upgrade_registry
from upgrade_helpers import FIRST_VERSION
from upgrade_helpers import PROFILE_ID
from upgrade_helpers import UPGRADES
from upgrade_helpers import profile_version
from upgrade_helpers import registered_steps
from upgrade_helpers import step_folders

from qgis.certification.setuphandlers.site import ensure_profile


GS = "{http://namespaces.zope.org/genericsetup}"
ZOPE = "{http://namespaces.zope.org/zope}"


def included_packages():
    root = ET.parse(UPGRADES / "configure.zcml").getroot()
    return [element.get("package") for element in root.iter(f"{ZOPE}include")]


def test_one_folder_per_version_after_the_first():
    assert sorted(step_folders()) == list(range(FIRST_VERSION + 1, profile_version() + 1))


def test_every_step_folder_is_included_in_order():
    steps = [f".v{number}" for number in sorted(step_folders())]
    assert [package for package in included_packages() if re.fullmatch(r"\.v\d+", package)] == (
        steps
    )


def test_each_folder_upgrades_the_profile_from_the_version_before_it():
    for number, folder in step_folders().items():
        assert (folder / "__init__.py").is_file(), folder
        root = ET.parse(folder / "configure.zcml").getroot()
        groups = list(root.iter(f"{GS}upgradeSteps")) + list(root.iter(f"{GS}upgradeStep"))
        groups = [group for group in groups if group.get("source")]
        assert groups, f"{folder.name}/configure.zcml registers no upgrade step"
        for group in groups:
            assert group.get("profile") == PROFILE_ID, folder.name
            assert (group.get("source"), group.get("destination")) == (
                str(number - 1),
                str(number),
            ), folder.name
        for profile in root.iter(f"{GS}registerProfile"):
            assert profile.get("for") == "plone.base.interfaces.IMigratingPloneSiteRoot"
            assert (folder / profile.get("directory")).is_dir(), folder.name


def test_folders_and_registered_steps_agree(setup_tool):
    expected = [(str(number - 1), str(number)) for number in sorted(step_folders())]
    assert registered_steps(setup_tool) == expected


@pytest.fixture
def step_profile():
    """A step's own profile, registered as a step folder's configure.zcml would."""
    product = "qgis.certification.upgrades.v9999"
    profile_registry.registerProfile(
        "default",
        "Upgrade to 9999",
        "",
        str(UPGRADES),
        product=product,
        profile_type=EXTENSION,
        for_=IMigratingPloneSiteRoot,
    )
    yield f"{product}:default"
    profile_registry.unregisterProfile("default", product)


def test_step_profiles_stay_out_of_the_addons_control_panel(portal, step_profile):
    from qgis.certification.upgrades import StepProfiles

    assert step_profile in StepProfiles().getNonInstallableProfiles()
    assert "qgis.certification.upgrades.v9999" in StepProfiles().getNonInstallableProducts()
    assert "qgis.certification:default" not in StepProfiles().getNonInstallableProfiles()
    with api.env.adopt_roles(["Manager"]):
        addons = portal.restrictedTraverse("@@prefs_install_products_form").marshall_addons()
    assert "qgis.certification" in addons
    assert "qgis.certification.upgrades.v9999" not in addons


@pytest.fixture
def pending_step():
    """A step from the version before the current one, recording that it ran."""
    ran = []
    current = profile_version()
    step = UpgradeStep("test step", PROFILE_ID, str(current - 1), str(current), "", ran.append)
    _registerUpgradeStep(step)
    yield ran
    del _upgrade_registry.getUpgradeStepsForProfile(PROFILE_ID)[step.id]


def test_make_start_applies_pending_steps(portal, setup_tool, pending_step):
    """What `make create-site` runs on an existing site (setuphandlers.site.ensure_profile)."""
    setup_tool.setLastVersionForProfile(PROFILE_ID, str(profile_version() - 1))
    with api.env.adopt_roles(["Manager"]):
        ensure_profile(portal)
    assert pending_step == [setup_tool]
    assert setup_tool.getLastVersionForProfile(PROFILE_ID) == (str(profile_version()),)
    with api.env.adopt_roles(["Manager"]):
        ensure_profile(portal)
    assert pending_step == [setup_tool], "a step runs once"
