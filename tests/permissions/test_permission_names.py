"""``permissions.py`` names exactly the permissions ``permissions.zcml`` declares."""

from pathlib import Path
from xml.etree import ElementTree

from zope.component import getUtility
from zope.security.interfaces import IPermission

from qgis.certification import permissions


ZCML = Path(permissions.__file__).with_name("permissions.zcml")
NAMESPACE = "{http://namespaces.zope.org/zope}"


def declared_in_zcml():
    """title -> id of every <permission> in permissions.zcml."""
    root = ElementTree.parse(ZCML).getroot()
    return {node.get("title"): node.get("id") for node in root.iter(f"{NAMESPACE}permission")}


def test_zcml_and_python_name_the_same_permissions():
    assert declared_in_zcml() == permissions.DECLARED


def test_zcml_declares_32_permissions():
    # guards the parsing above: a namespace slip would compare two empty dicts
    assert len(declared_in_zcml()) == 32


def test_every_named_permission_is_a_module_constant():
    constants = {
        value
        for name, value in vars(permissions).items()
        if name.isupper() and isinstance(value, str)
    }
    assert set(permissions.DECLARED) <= constants


def test_permission_id_gives_the_zcml_id():
    assert (
        permissions.permission_id(permissions.MANAGE_CREDITS) == "qgis.certification.ManageCredits"
    )


def test_the_loaded_site_registers_them(portal):
    for title, permission_id in permissions.DECLARED.items():
        assert getUtility(IPermission, permission_id).title == title
