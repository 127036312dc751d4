"""The history of an application: the versions Plone keeps of its content
(CMFEditions: who changed what and when) and, for its reviewers, what changed
since their user group gave its opinion.

Organisations, course types, training centres and courses are versionable
(``plone.versioning`` on their types, ``repositorytool.xml``): every edit,
through a form or a REST ``PATCH``, saves a version. Who may read the versions
is the permission "CMFEditions: Access previous versions", granted per state by
the organisation workflow to the people who see the application (its owners,
the certification team, the PSC, the reviewers while they review); the parts
of an organisation take its grant.

The review history's comments are review data (as for ``@workflow``): whoever
reads a history without "View review data" (the owners) sees the comments
written to them (a change request, a rejection, both mailed to them) and
their own, and no actor but themselves. Plone shows the review history there
to whoever holds "Request review", which the organisation workflow grants
with the versions.
"""

from datetime import datetime

from DateTime import DateTime
from plone import api

from qgis.certification import permissions
from qgis.certification.application import review


# Review-history steps whose comment is addressed to the owners.
ADDRESSED_TO_OWNERS = frozenset({"request_changes", "reject"})
# Not a change of the application: the short name (plone.api saves the first
# version under a temporary one, before the name from the title is given).
UNLISTED_FIELDS = frozenset({"id"})
# The parts of an application whose changes a reviewer is told about.
PART_TYPES = ("CourseType", "TrainingCenter", "CourseConvener", "File", "Link")


def may_see_review(context):
    return api.user.has_permission(permissions.VIEW_REVIEW_DATA, obj=context)


def comment_shown(context, action, actor_id):
    """Whether the comment of a review-history step (its ``action``, taken by
    ``actor_id``) is shown to the current user: one addressed to the owners,
    or their own, or any to those who see the review."""
    if action in ADDRESSED_TO_OWNERS or actor_id == api.user.get_current().getId():
        return True
    return may_see_review(context)


def actor_shown(context, actor_id):
    """Whether the actor of a review-history step is shown to the current user."""
    return actor_id == api.user.get_current().getId() or may_see_review(context)


def versions(context):
    """``[(version id, timestamp)]`` of the versions kept of ``context``,
    oldest first; empty when it is not versioned. The repository refuses
    (Unauthorized) whoever may not read them."""
    repository = api.portal.get_tool("portal_repository")
    if not repository.isVersionable(context):
        return []
    history = repository.getHistoryMetadata(context)
    if not history:
        return []
    found = []
    for index in range(history.getLength(countPurged=False)):
        metadata = history.retrieve(index, countPurged=False)["metadata"]["sys_metadata"]
        found.append((history.getVersionId(index, countPurged=False), metadata["timestamp"]))
    return found


def version_ids(context):
    return [version_id for version_id, _timestamp in versions(context)]


def version_at(context, when):
    """The id of the version of ``context`` that was current at ``when`` (an
    aware datetime), or None when none had been saved yet."""
    earlier = [version_id for version_id, at in versions(context) if at <= when.timestamp()]
    return earlier[-1] if earlier else None


def changed_fields(context, version_id):
    """``[{"field", "title"}]``: the fields that differ between version
    ``version_id`` of ``context`` and ``context`` now."""
    old = api.portal.get_tool("portal_repository").retrieve(context, version_id).object
    changes = api.portal.get_tool("portal_diff").createChangeSet(old, context).getDiffs()
    return [
        {"field": change.field, "title": getattr(change, "label", None) or change.field}
        for change in changes
        if not change.same and change.field not in UNLISTED_FIELDS
    ]


def parts_changed_since(organisation, when):
    """Catalog brains of the organisation's parts (course types and their
    material, training centres, conveners) changed since ``when``."""
    return api.content.find(
        path="/".join(organisation.getPhysicalPath()),
        portal_type=PART_TYPES,
        modified={"query": DateTime(when.isoformat()), "range": "min"},
        sort_on="modified",
    )


def last_opinions(organisation):
    """The latest opinion of each user group that gave one, oldest first."""
    latest = {}
    for opinion in review.opinions(organisation):
        latest[opinion["user_group"]] = opinion
    return sorted(latest.values(), key=lambda opinion: opinion["date"])


def since_opinion(organisation, opinion):
    """What changed in the application since a user group gave ``opinion``:
    the version current then, the fields of the organisation changed since (with
    the address of their differences) and the parts changed since."""
    when = datetime.fromisoformat(opinion["date"])
    version = version_at(organisation, when)
    ids = version_ids(organisation)
    changed = version is not None and version != ids[-1]
    fields = changed_fields(organisation, version) if changed else []
    url = organisation.absolute_url()
    return {
        "user_group": opinion["user_group"],
        "user_group_title": opinion["user_group_title"],
        "opinion_date": opinion["date"],
        "version": version,
        "current_version": ids[-1] if ids else None,
        "fields": fields,
        "diff_url": f"{url}/@@history?one=current&two={version}" if fields else None,
        "parts": [
            {"@id": brain.getURL(), "title": brain.Title, "modified": brain.modified.ISO8601()}
            for brain in parts_changed_since(organisation, when)
        ],
    }


def changes_since_opinions(organisation):
    """``since_opinion`` for the latest opinion of every user group; nothing
    for whoever may not read the organisation's versions."""
    if not api.user.has_permission(permissions.ACCESS_PREVIOUS_VERSIONS, obj=organisation):
        return []
    return [since_opinion(organisation, opinion) for opinion in last_opinions(organisation)]
