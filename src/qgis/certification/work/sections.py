"""The sections of a person's "my work": what waits for them in each of their
roles, read from the catalog alone (``qgis.certification.work.indexing``).

Each section is a query (restricted to what the person may view) and a row
function; ``sections()`` pages each one (``b_start``, ``b_size``) and says how
many items it holds. A person with several roles gets several sections.
"""

from collections import Counter
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime

from DateTime import DateTime
from plone import api
from zope.i18n import translate

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.application.review import OPINIONS
from qgis.certification.payments.credits import balance_of
from qgis.certification.work import keys
from qgis.certification.work.indexing import as_message


ORGANISATION = "CertifyingOrganisation"
CERTIFIED_STATES = ("published", "archived")
UNDER_REVIEW = ("submitted", "user_group_review", "psc_decision")
OPINION_TITLES = {"recommend": _("Recommends"), "oppose": _("Opposes")}
MISSING_DEADLINE = DateTime("2999-12-31")


@dataclass
class Viewer:
    """Who asks, and how to speak to them."""

    user_id: str
    request: object
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def text(self, message):
        return translate(message, context=self.request) if message is not None else None

    def state_title(self, brain):
        title = api.portal.get_tool("portal_workflow").getTitleForStateOnType(
            brain.review_state, brain.portal_type
        )
        return translate(title, domain="qgis.certification", context=self.request)


@dataclass
class Section:
    """A section: its rows (brains, or anything ``row`` reads) and how to show one."""

    id: str
    title: object
    rows: object
    row: object

    def page(self, viewer, b_start, b_size):
        total = len(self.rows)
        shown = [self.row(viewer, found) for found in self.rows[b_start : b_start + b_size]]
        return {
            "id": self.id,
            "title": viewer.text(self.title),
            "items_total": total,
            "b_start": b_start,
            "b_size": b_size,
            "items": shown,
        }


def find(**query):
    """Catalog brains of what the current user may view."""
    return api.content.find(**query)


def work_of(brain):
    return getattr(brain, "qgis_work", None) or {}


def item(viewer, brain, next_action=None, url=None, **extra):
    """The fields every item has, and ``extra``."""
    work = work_of(brain)
    found = {
        "@id": brain.getURL(),
        "title": brain.Title,
        "review_state": brain.review_state,
        "review_state_title": viewer.state_title(brain),
        "since": work.get("since"),
        "deadline": work.get("deadline"),
        "next_action": viewer.text(next_action),
        "next_action_url": url or (brain.getURL() if next_action is not None else None),
    }
    found.update(extra)
    return found


def transition_url(brain, transition):
    return f"{brain.getURL()}/@@workflow-transition?transition={transition}"


def days_since(viewer, iso):
    if not iso:
        return None
    return max(0, (viewer.now - DateTime(iso).asdatetime()).days)


# -- applicants and owners ----------------------------------------------------


def owned_organisations(viewer):
    key = keys.person("Owner", viewer.user_id, create=False)
    if key is None:
        return []
    return find(portal_type=ORGANISATION, qgis_people=key, sort_on="sortable_title")


def organisation_next(brain):
    """The owner's next step on their organisation, and where to take it."""
    work = work_of(brain)
    state = brain.review_state
    if state == "draft" and work.get("missing"):
        return _("Complete the application."), brain.getURL()
    if state == "draft":
        return _("Submit the application."), transition_url(brain, "submit")
    if state in UNDER_REVIEW:
        return _("Nothing to do: the application is being reviewed."), brain.getURL()
    if state == "published":
        return _("Add courses and issue certificates."), brain.getURL()
    return None, None


def owner_organisation_row(viewer, brain):
    work = work_of(brain)
    next_action, url = organisation_next(brain)
    extra = {
        "missing": [viewer.text(as_message(data)) for data in work.get("missing") or ()],
        "change_request": work.get("change_request"),
    }
    if brain.review_state == "published":
        # the ledger is the organisation's own: its balance is read from it
        # (one object per row shown, never for the whole list)
        extra["credits"] = balance_of(brain._unrestrictedGetObject())
    return item(viewer, brain, next_action, url, **extra)


def counts(portal_type, paths, **query):
    """How many items of ``portal_type`` each of ``paths`` holds directly."""
    if not paths:
        return Counter()
    brains = find(portal_type=portal_type, path={"query": list(paths), "depth": 1}, **query)
    return Counter(brain.getPath().rsplit("/", 1)[0] for brain in brains)


@dataclass
class Courses:
    """Course brains, with how many attendees and certificates each holds."""

    brains: list

    def __post_init__(self):
        paths = [brain.getPath() for brain in self.brains]
        self.attendees = counts("Attendee", paths)
        self.certificates = counts("Certificate", paths, review_state="issued")

    def __len__(self):
        return len(self.brains)

    def __getitem__(self, index):
        return self.brains[index]

    def row(self, viewer, brain):
        path = brain.getPath()
        summary = getattr(brain, "qgis_course", None) or {}
        attendees, certificates = self.attendees[path], self.certificates[path]
        next_action = None
        if brain.review_state == "draft":
            next_action = _("Publish the course.")
        elif not attendees and brain.review_state == "published":
            next_action = _("Add the attendees.")
        elif self.ended(brain) and certificates < attendees:
            next_action = _("Issue the certificates.")
        found = item(
            viewer,
            brain,
            next_action,
            attendees=attendees,
            certificates=certificates,
            without_certificate=max(0, attendees - certificates),
        )
        found.update(since=summary.get("start_date"), deadline=summary.get("end_date"))
        return found

    @staticmethod
    def ended(brain):
        end = (getattr(brain, "qgis_course", None) or {}).get("end_date")
        return bool(end) and end < datetime.now(UTC).date().isoformat()


def owner_sections(viewer):
    organisations = owned_organisations(viewer)
    # courses, credits and invoices belong to certified organisations
    paths = [brain.getPath() for brain in organisations if brain.review_state in CERTIFIED_STATES]
    sections = [
        Section("my-organisations", _("My organisations"), organisations, owner_organisation_row)
    ]
    if not paths:
        return sections
    courses = Courses(
        list(
            find(
                portal_type="Course",
                path={"query": paths},
                sort_on="qgis_start",
                sort_order="reverse",
            )
        )
    )
    ended = Courses(
        [
            brain
            for brain in courses.brains
            if brain.review_state == "published"
            and Courses.ended(brain)
            and courses.certificates[brain.getPath()] < courses.attendees[brain.getPath()]
        ]
    )
    invoices = find(
        portal_type="Invoice", review_state="unpaid", path={"query": paths}, sort_on="qgis_deadline"
    )
    sections += [
        Section("my-courses", _("My courses"), courses, courses.row),
        Section("unpaid-invoices", _("Unpaid invoices"), invoices, invoice_row),
        Section(
            "certificates-to-issue",
            _("Ended courses whose attendees have no certificate yet"),
            ended,
            ended.row,
        ),
    ]
    return sections


def invoice_row(viewer, brain):
    work = work_of(brain)
    if api.user.has_permission(permissions.MANAGE_CREDITS, obj=api.portal.get()):
        next_action = _("Mark the invoice paid once the transfer arrived.")
        url = transition_url(brain, "mark_paid")
    else:
        next_action = _("Pay the invoice by bank transfer.")
        url = f"{brain.getURL()}/@@invoice.pdf"
    return item(
        viewer,
        brain,
        next_action,
        url,
        total=work.get("total"),
        currency=work.get("currency"),
        organisation=work.get("organisation"),
    )


# -- the certification team, reviewers and the PSC -----------------------------


class Opinions:
    """The opinions of the current review round, from the catalog's keyed
    ``qgis_opinions`` entries, decoded against the user groups."""

    def __init__(self):
        catalog = api.portal.get_tool("portal_catalog")
        self.index = catalog._catalog.getIndex("qgis_opinions")
        self.groups = list(api.content.find(portal_type="UserGroup", unrestricted=True))
        self.decode = {
            keys.opinion(group.UID, given, create=False): (group, given)
            for group in self.groups
            for given in OPINIONS
        }

    def covering(self, brain):
        countries = set(getattr(brain, "qgis_countries", None) or ())
        return [group for group in self.groups if countries & set(group.qgis_countries or ())]

    def given(self, brain):
        """``{user group UID: (user group brain, opinion)}`` of the round."""
        entry = self.index.getEntryForObject(brain.getRID(), default=()) or ()
        found = (self.decode.get(digest) for digest in entry)
        return {group.UID: (group, given) for group, given in filter(None, found)}

    def short(self, viewer, brain):
        return [
            {
                "user_group": group.Title,
                "opinion": given,
                "opinion_title": viewer.text(OPINION_TITLES[given]),
            }
            for group, given in self.given(brain).values()
        ]

    def waiting(self, brain):
        given = self.given(brain)
        return [group.Title for group in self.covering(brain) if group.UID not in given]


def by_state(state, **query):
    return find(portal_type=ORGANISATION, review_state=state, **query)


def row_of(next_action, url=None, **extras):
    """A row function: the item with ``next_action``, its link ``url(brain)``
    (the item itself by default), and each of ``extras`` computed as
    ``extras[name](viewer, brain)``."""

    def row(viewer, brain):
        values = {name: compute(viewer, brain) for name, compute in extras.items()}
        return item(viewer, brain, next_action, url(brain) if url else None, **values)

    return row


def age_days(viewer, brain):
    return days_since(viewer, work_of(brain).get("since"))


def team_sections(viewer):
    opinions = Opinions()
    review = {
        "answered": opinions.short,
        "waiting_for": lambda viewer, brain: opinions.waiting(brain),
    }
    ended = {"query": DateTime(viewer.now.isoformat()), "range": "max"}
    return [
        Section(
            "initial-review",
            _("Waiting for the initial review"),
            by_state("submitted", sort_on="qgis_since"),
            row_of(_("Check the application and send it on."), age_days=age_days),
        ),
        Section(
            "user-group-review",
            _("In user group review"),
            by_state("user_group_review", sort_on="qgis_deadline"),
            row_of(
                _("Wait for the user groups' opinions, then send the application to the PSC."),
                **review,
            ),
        ),
        Section(
            "waiting-for-psc",
            _("Waiting for the PSC"),
            by_state("psc_decision", sort_on="qgis_since"),
            row_of(_("Nothing to do: the PSC decides.")),
        ),
        Section(
            "invoices-awaiting-payment",
            _("Invoices awaiting payment"),
            find(portal_type="Invoice", review_state="unpaid", sort_on="qgis_deadline"),
            invoice_row,
        ),
        Section(
            "overdue-reviews",
            _("Overdue reviews"),
            by_state("user_group_review", qgis_deadline=ended, sort_on="qgis_deadline"),
            row_of(
                _("The review period ended: send the application to the PSC."),
                lambda brain: transition_url(brain, "send_to_psc"),
                **review,
            ),
        ),
    ]


def my_user_groups(viewer):
    return list(
        api.content.find(portal_type="UserGroup", qgis_members=viewer.user_id, unrestricted=True)
    )


def reviewer_sections(viewer, groups):
    opinions = Opinions()
    waiting = []
    for group in groups:
        countries = list(group.qgis_countries or ())
        if not countries:
            continue
        for brain in by_state(
            "user_group_review", qgis_countries=countries, sort_on="qgis_deadline"
        ):
            if group.UID not in opinions.given(brain):
                waiting.append((brain, group))

    def row(viewer, found):
        brain, group = found
        return item(
            viewer,
            brain,
            _("Give your user group's opinion."),
            f"{brain.getURL()}/@@give-opinion",
            user_group=group.Title,
        )

    return [
        Section("user-group-opinions", _("Waiting for your user group's opinion"), waiting, row)
    ]


def psc_sections(viewer):
    decide = row_of(_("Approve or reject the application."), opinions=Opinions().short)
    decisions = by_state("psc_decision", sort_on="qgis_since")
    return [Section("psc-decisions", _("Waiting for the PSC's decision"), decisions, decide)]


def convened_courses(viewer):
    key = keys.person("CourseConvener", viewer.user_id, create=False)
    if key is None:
        return []
    return list(
        find(portal_type="Course", qgis_people=key, sort_on="qgis_start", sort_order="reverse")
    )


def convener_sections(courses):
    convened = Courses(courses)
    return [Section("convened-courses", _("Courses I convene"), convened, convened.row)]


def sections_of(viewer):
    """Every section the person gets, in order."""
    portal = api.portal.get()
    team = api.user.has_permission(permissions.VIEW_ALL_APPLICATIONS, obj=portal)
    psc = "PSCMember" in api.user.get_roles(obj=portal)
    groups = my_user_groups(viewer)
    convened = convened_courses(viewer)
    found = []
    if team:
        found += team_sections(viewer)
    if groups:
        found += reviewer_sections(viewer, groups)
    if psc:
        found += psc_sections(viewer)
    if convened:
        found += convener_sections(convened)
    owner = owner_sections(viewer)
    if len(owner) > 1 or not found:
        found += owner
    return found


def sections(request, only=None, b_start=0, b_size=20):
    """The current user's sections as JSON-ready data, each paged."""
    viewer = Viewer(api.user.get_current().getId(), request)
    return [
        section.page(viewer, b_start, b_size)
        for section in sections_of(viewer)
        if only is None or section.id == only
    ]
