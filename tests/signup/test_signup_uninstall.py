"""Uninstalling the product closes sign-up: without its checks (terms,
honeypot, per-address limit) visitors no longer create accounts."""

from plone import api


def anonymous_may_register(portal):
    roles = portal.rolesOfPermission("Add portal member")
    return any(role["name"] == "Anonymous" and role["selected"] for role in roles)


def test_sign_up_is_open_while_installed_and_closed_after(portal, installer, package_name):
    assert api.portal.get_registry_record("plone.enable_self_reg") is True
    assert anonymous_may_register(portal)
    with api.env.adopt_roles(["Manager"]):
        installer.uninstall_product(package_name)
    assert api.portal.get_registry_record("plone.enable_self_reg") is False
    assert not anonymous_may_register(portal)
