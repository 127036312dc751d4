"""The rules of the application review, in one place.

Workflow guards, the REST opinion endpoint, the deadline command and the views
all ask these functions, so that a rule is written once.
"""

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from persistent.mapping import PersistentMapping
from plone import api
from Products.ZCatalog.ZCatalog import ZCatalog
from zope.annotation.interfaces import IAnnotations

from qgis.certification import _
from qgis.certification.annotations import stored
from qgis.certification.application import questionnaire
from qgis.certification.interfaces import IReviewSettings


OPINIONS_KEY = "qgis.certification.opinions"
REMINDED_KEY = "qgis.certification.reminded"
OPINIONS = ("recommend", "oppose")
MAX_COMMENT_LENGTH = 10_000


class OpinionRefused(ValueError):
    """An opinion that cannot be recorded; ``message`` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def now_utc():
    return datetime.now(UTC)


def settings():
    return api.portal.get_registry_record(
        interface=IReviewSettings, name="user_group_review_days", default=30
    ), api.portal.get_registry_record(
        interface=IReviewSettings, name="reminder_days_before", default=7
    )


def covering_user_groups(country):
    """The user groups covering a country (catalog brains, whoever asks)."""
    if not country:
        return []
    return api.content.find(
        portal_type="UserGroup",
        qgis_countries=country,
        sort_on="sortable_title",
        unrestricted=True,
    )


def user_groups_of(organisation):
    return [brain._unrestrictedGetObject() for brain in covering_user_groups(organisation.country)]


def owners(organisation):
    return sorted(organisation.users_with_local_role("Owner"))


def children(container, portal_type):
    """Catalog brains of the container's direct children of the given type(s)."""
    return api.content.find(
        path={"query": "/".join(container.getPhysicalPath()), "depth": 1},
        portal_type=portal_type,
        sort_on="getObjPositionInParent",
        unrestricted=True,
    )


def indexed_children(container, portal_type):
    """``children`` as the catalog holds them now, for indexers: a search
    through Plone's catalog tool would first process the indexing queue,
    indexing the object being indexed a second time, under a new record."""
    catalog = api.portal.get_tool("portal_catalog")
    return ZCatalog.searchResults(
        catalog,
        path={"query": "/".join(container.getPhysicalPath()), "depth": 1},
        portal_type=portal_type,
        sort_on="getObjPositionInParent",
    )


def _missing_details(organisation, find):
    return [
        label
        for name, label in (
            ("title", _("the organisation's name")),
            ("email", _("an e-mail address")),
            ("country", _("the country")),
        )
        if not getattr(organisation, name, None)
    ]


def _missing_contributions(organisation, find):
    missing = []
    if not organisation.contribution_types:
        missing.append(_("at least one kind of contribution to QGIS"))
    contributions = organisation.contributions
    if contributions is None or not contributions.raw.strip():
        missing.append(_("the evidence of the contributions"))
    return missing


def _missing_course_types(organisation, find):
    course_types = find(organisation, "CourseType")
    if not course_types:
        return [_("at least one course type")]
    return [
        _(
            "training material for the course type '${title}'",
            mapping={"title": course_type.Title},
        )
        for course_type in course_types
        if not find(course_type._unrestrictedGetObject(), ("File", "Link"))
    ]


def _missing_answers(organisation, find):
    unanswered = questionnaire.missing(organisation, questionnaire.APPLICATION)
    if not unanswered:
        return []
    return [
        _(
            "answers to the application questionnaire (${questions})",
            mapping={"questions": ", ".join(f"“{title}”" for title in unanswered)},
        )
    ]


# the parts of an application, in the order the applicant fills them in
APPLICATION_PARTS = (
    ("details", _missing_details),
    ("contributions", _missing_contributions),
    ("course-types", _missing_course_types),
    ("questionnaire", _missing_answers),
)


def missing_by_part(organisation, find=children):
    """``[(part id, [what it still lacks])]`` for each part of the application;
    ``find`` finds an item's children (``indexed_children`` in indexers)."""
    return [(part, check(organisation, find)) for part, check in APPLICATION_PARTS]


def missing_for_submission(organisation, find=children):
    """What the application still lacks, as messages; empty when complete."""
    return [item for _part, missing in missing_by_part(organisation, find) for item in missing]


def _history(organisation):
    return (
        api.portal.get_tool("portal_workflow").getHistoryOf(
            "qgis_organisation_workflow", organisation
        )
        or ()
    )


def review_started(organisation):
    """When the organisation last entered user-group review, or None."""
    for entry in reversed(_history(organisation)):
        if entry.get("review_state") == "user_group_review":
            return entry["time"].asdatetime().astimezone(UTC)
    return None


def review_deadline(organisation):
    started = review_started(organisation)
    if started is None:
        return None
    days, _reminder = settings()
    return started + timedelta(days=days)


def _opinions(organisation, create=False):
    return stored(organisation, OPINIONS_KEY, PersistentMapping, create)


def opinions(organisation):
    """Every opinion recorded for the organisation, oldest first."""
    return sorted((dict(o) for o in _opinions(organisation).values()), key=lambda o: o["date"])


def current_round_opinions(organisation):
    """Opinions given since the organisation last entered user-group review."""
    started = review_started(organisation)
    return [
        o
        for o in opinions(organisation)
        if started is None or datetime.fromisoformat(o["date"]) >= started
    ]


def groups_without_opinion(organisation):
    answered = {o["user_group"] for o in current_round_opinions(organisation)}
    return [group for group in user_groups_of(organisation) if group.UID() not in answered]


def record_opinion(organisation, group, user_id, opinion, comment, when=None):
    if len(comment or "") > MAX_COMMENT_LENGTH:
        raise OpinionRefused(
            _(
                "The comment is too long: at most ${max} characters.",
                mapping={"max": MAX_COMMENT_LENGTH},
            )
        )
    when = when or now_utc()
    # One opinion per group and review round: a later one replaces it.
    key = f"{group.UID()}:{review_started(organisation).isoformat()}"
    _opinions(organisation, create=True)[key] = PersistentMapping(
        user_group=group.UID(),
        user_group_title=group.Title(),
        opinion=opinion,
        comment=comment,
        author=user_id,
        date=when.isoformat(),
    )
    # the opinions of the round, as "my work" finds them (qgis.certification.work)
    organisation.reindexObject(idxs=["qgis_opinions"])
    return dict(_opinions(organisation)[key])


def why_not_to_psc(organisation, now=None):
    """None when send_to_psc may happen now; otherwise the reason."""
    state = api.content.get_state(organisation)
    if state == "submitted":
        if covering_user_groups(organisation.country):
            return _(
                "User groups cover this country: send the application to them "
                "first, the PSC decides after their opinion."
            )
        return None
    if state == "user_group_review":
        waiting = groups_without_opinion(organisation)
        deadline = review_deadline(organisation)
        if not waiting or (deadline is not None and (now or now_utc()) >= deadline):
            return None
        return _(
            "Waiting for the opinion of ${groups} until ${deadline}.",
            mapping={
                "groups": ", ".join(group.Title() for group in waiting),
                "deadline": deadline.strftime("%Y-%m-%d") if deadline else "",
            },
        )
    return None


def reminded(organisation):
    return IAnnotations(organisation).get(REMINDED_KEY)


def mark_reminded(organisation, started):
    IAnnotations(organisation)[REMINDED_KEY] = started.isoformat()
