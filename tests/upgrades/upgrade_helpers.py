"""What the upgrade tests read: the profile's version, the step folders, the registered steps."""

import xml.etree.ElementTree as ET
from pathlib import Path

import qgis.certification


PROFILE_ID = "qgis.certification:default"
# The profile's version at release 1.0.0: sites are never older than this.
FIRST_VERSION = 1000
PACKAGE = Path(qgis.certification.__file__).parent
UPGRADES = PACKAGE / "upgrades"


def profile_version():
    """The version in profiles/default/metadata.xml, as a number."""
    root = ET.parse(PACKAGE / "profiles" / "default" / "metadata.xml").getroot()
    return int(root.findtext("version"))


def earlier_versions():
    """Every version a site may have been created at, oldest first, the current one last."""
    return list(range(FIRST_VERSION, profile_version() + 1))


def step_folders():
    """{N: folder} of the step folders upgrades/vN/."""
    return {
        int(path.name[1:]): path
        for path in sorted(UPGRADES.iterdir())
        if path.is_dir() and path.name[:1] == "v" and path.name[1:].isdigit()
    }


def _version(version_tuple):
    # '*' (any version) is registered as None; it is reported as such, never as a number.
    return "*" if version_tuple is None else ".".join(version_tuple)


def registered_steps(setup_tool):
    """(source, destination) of every registered step of the profile, oldest first.

    The steps of one ``genericsetup:upgradeSteps`` share theirs and count once."""
    steps = setup_tool.listUpgrades(PROFILE_ID, show_old=True, simple=True)
    pairs = {(_version(step.source), _version(step.dest)) for step in steps}
    return sorted(pairs, key=lambda pair: [int(p) if p.isdigit() else -1 for p in pair])
