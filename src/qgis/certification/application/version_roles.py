"""A version is read with today's sharing, never with the sharing it had.

CMFEditions stores an object's local roles with each version and, on
retrieval (the History tab's "View" of one version, ``versions_history_form``)
and on revert, gives them back: the permission settings follow the working
copy (its ``RetainPermissionsSettings`` modifier), the local roles did not.
The reviewers of covering user groups hold their role only on the working
copy (it is computed from the current truth, see ``localroles.py``), so a
version saved before the review refused them, and a revert would have brought
back whoever was shared on the old version. This modifier gives the retrieved
copy the working copy's local roles, for retrieval and revert alike.
"""

from AccessControl.class_init import InitializeClass
from Acquisition import aq_base
from plone import api
from Products.CMFEditions.interfaces.IModifier import ISaveRetrieveModifier
from Products.CMFEditions.Modifiers import ConditionalModifier
from zope.interface import implementer


MODIFIER_ID = "qgis_retain_local_roles"
TITLE = "Retains the working copy's local roles upon retrieval/revertion."
LOCAL_ROLE_ATTRIBUTES = ("__ac_local_roles__", "__ac_local_roles_block__")
_MISSING = object()


@implementer(ISaveRetrieveModifier)
class RetainLocalRoles:
    def beforeSaveModifier(self, obj, clone):
        return {}, [], []

    def afterRetrieveModifier(self, obj, repo_clone, preserve=()):
        if obj is None:
            return [], [], {}
        for name in LOCAL_ROLE_ATTRIBUTES:
            value = getattr(aq_base(obj), name, _MISSING)
            if value is not _MISSING:
                setattr(repo_clone, name, dict(value) if isinstance(value, dict) else value)
            elif name in aq_base(repo_clone).__dict__:
                delattr(repo_clone, name)
        return [], [], {}


InitializeClass(RetainLocalRoles)


def ensure_modifier():
    """Register the modifier in ``portal_modifier``, enabled, once."""
    registry = api.portal.get_tool("portal_modifier")
    if MODIFIER_ID in registry.objectIds():
        return
    wrapper = ConditionalModifier(MODIFIER_ID, RetainLocalRoles(), TITLE)
    wrapper.edit(enabled=True, title=TITLE)
    registry.register(MODIFIER_ID, wrapper)


def remove_modifier():
    registry = api.portal.get_tool("portal_modifier")
    if MODIFIER_ID in registry.objectIds():
        registry.unregister(MODIFIER_ID)
