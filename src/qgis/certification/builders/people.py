"""People and local user groups."""

from plone import api

from qgis.certification.builders.adding import add


def ensure_user(user_id, fullname, password, groups=(), roles=()):
    """The user exists (made with ``password`` if new), in ``groups``, with the
    global ``roles``."""
    if api.user.get(userid=user_id) is None:
        api.user.create(
            username=user_id,
            email=f"{user_id}@example.org",
            password=password,
            properties={"fullname": fullname},
        )
    for group in groups:
        api.group.add_user(groupname=group, username=user_id)
    if roles:
        api.user.grant_roles(username=user_id, roles=list(roles))


def ensure_user_group(portal, group_id, title, countries, members, **fields):
    """The local user group reviewing applications from ``countries`` (made if missing)."""
    folder = portal["user-groups"]
    if group_id in folder.objectIds():
        return folder[group_id]
    return add(
        folder,
        "UserGroup",
        group_id,
        title=title,
        countries=countries,
        members=members,
        **fields,
    )
