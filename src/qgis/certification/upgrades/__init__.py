"""Upgrade steps of the profile ``qgis.certification:default``: one sub-package per step.

The profile's version (``profiles/default/metadata.xml``) is 1000 at release 1.0.0. A release
that changes what a site keeps from the profile (types, workflows, rolemap, registry records,
catalog indexes...) or stored data that must be converted raises that version by one, to N, and
adds the step N-1 -> N as the folder ``upgrades/vN/``:

- ``configure.zcml``: ``genericsetup:upgradeSteps`` with ``profile="qgis.certification:default"``,
  ``source="N-1"``, ``destination="N"``, holding ``genericsetup:upgradeStep`` (a handler of
  ``vN/__init__.py``, called with ``portal_setup``) and/or ``genericsetup:upgradeDepends``
  (``import_profile="qgis.certification:default"`` with ``import_steps="typeinfo workflow"``
  re-imports steps of the main profile; ``import_profile="qgis.certification.upgrades.vN:default"``
  imports the step's own files);
- ``profile/``, only when the step imports files of its own, registered in that ``configure.zcml``
  with ``genericsetup:registerProfile name="default" directory="profile"
  provides="Products.GenericSetup.interfaces.EXTENSION"
  for="plone.base.interfaces.IMigratingPloneSiteRoot"`` (never offered when creating a site;
  ``StepProfiles`` keeps it out of the add-ons control panel);
- one ``<include package=".vN" />`` line in ``upgrades/configure.zcml``.

``make start`` applies pending steps (``setuphandlers.site.ensure_profile``). ``tests/upgrades/``
checks that the steps lead from every earlier version to the profile's version without gaps and
that an upgraded site keeps its data.
"""

from plone.base.interfaces import INonInstallable
from Products.GenericSetup import EXTENSION
from Products.GenericSetup import profile_registry
from zope.interface import implementer


STEP_PACKAGES = __name__ + "."


@implementer(INonInstallable)
class StepProfiles:
    """The upgrade steps' own profiles are imported by their step, never installed by hand."""

    def _step_profiles(self):
        return [
            info
            for info in profile_registry.listProfileInfo()
            if info.get("type") == EXTENSION and info["product"].startswith(STEP_PACKAGES)
        ]

    def getNonInstallableProfiles(self):
        return sorted(info["id"] for info in self._step_profiles())

    def getNonInstallableProducts(self):
        return sorted({info["product"] for info in self._step_profiles()})
