"""Objects the site itself puts in place (profiles, setup steps): added
whatever the container's addable types say, and only when missing."""

from plone.dexterity.utils import createContentInContainer


def add_child(container, portal_type, child_id, **fields):
    """Add ``child_id`` to ``container``; the addable-types constraints, meant
    for people adding content, do not apply to the site's own objects."""
    return createContentInContainer(
        container, portal_type, checkConstraints=False, id=child_id, **fields
    )


def ensure_child(container, portal_type, child_id, **fields):
    """``container``'s ``child_id``, added first if it is missing."""
    child = container.get(child_id)
    if child is None:
        child = add_child(container, portal_type, child_id, **fields)
    return child
