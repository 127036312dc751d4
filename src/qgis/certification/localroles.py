"""Local roles the product grants from its own data (reviewers, conveners,
owners): the holders of a role on an object follow a set of users."""

from Products.CMFCore.utils import getToolByName


def set_role_holders(obj, role, user_ids):
    """Give ``role`` on ``obj`` to exactly ``user_ids``: it is taken from every
    other user (their other local roles stay), and given to those who lack it.
    The object's security is reindexed when anything changed; returns whether
    anything did."""
    wanted = set(user_ids)
    changed = False
    for user_id, roles in obj.get_local_roles():
        if role in roles and user_id not in wanted:
            remaining = [kept for kept in roles if kept != role]
            if remaining:
                obj.manage_setLocalRoles(user_id, remaining)
            else:
                obj.manage_delLocalRoles([user_id])
            changed = True
    for user_id in sorted(wanted):
        if role not in obj.get_local_roles_for_userid(user_id):
            obj.manage_addLocalRoles(user_id, [role])
            changed = True
    if changed:
        obj.reindexObjectSecurity()
        # who holds a role, as "my work" finds it (qgis.certification.work);
        # an object not catalogued yet gets every index when it is added
        if is_catalogued(obj):
            obj.reindexObject(idxs=["qgis_people"])
    return changed


def is_catalogued(obj):
    catalog = getToolByName(obj, "portal_catalog")
    return catalog.getrid("/".join(obj.getPhysicalPath())) is not None
