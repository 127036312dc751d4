"""What the catalog keeps for "my work", so that the sections are read from
brains alone: who holds a local role (``qgis_people``, keyed), when an item
entered its state (``qgis_since``) and its deadline (``qgis_deadline``), the
current review round's opinions (``qgis_opinions``, keyed, never metadata),
and the metadata ``qgis_work``.

``qgis_work`` is metadata, which any search returns to whoever may view the
item: it holds only what its viewers may read (an application's missing parts
and last change request while it is a draft, which only its owners and the
team see; an invoice's total and due date).
"""

from Acquisition import aq_base
from plone import api
from zope.i18nmessageid import Message

from qgis.certification.application import review
from qgis.certification.localroles import is_catalogued
from qgis.certification.work import keys


WORK_ROLES = ("Owner", "CourseConvener")
ORGANISATION_WORKFLOW = "qgis_organisation_workflow"
OPINION_STATES = ("user_group_review", "psc_decision")
# the indexes (and, with them, the metadata) that follow what "my work" shows
WORK_INDEXES = ["qgis_since", "qgis_deadline", "qgis_opinions"]


def people(obj):
    """Keyed digests of who holds a role of ``WORK_ROLES`` on ``obj``."""
    found = [
        keys.person(role, user_id)
        for user_id, roles in obj.get_local_roles()
        for role in roles
        if role in WORK_ROLES
    ]
    if not found:
        raise AttributeError("nobody holds a role of interest")
    return found


def state_entered(obj):
    """When ``obj`` entered its current workflow state (its last workflow
    step, or its creation), as a DateTime."""
    times = [
        history[-1]["time"]
        for history in (getattr(aq_base(obj), "workflow_history", None) or {}).values()
        if history and history[-1].get("time") is not None
    ]
    if not times:
        raise AttributeError("no workflow history")
    return max(times)


def organisation_deadline(organisation):
    """The end of the user groups' review period, while it runs."""
    deadline = None
    if api.content.get_state(organisation, None) == "user_group_review":
        deadline = review.review_deadline(organisation)
    if deadline is None:
        raise AttributeError("no review period running")
    return deadline


def organisation_opinions(organisation):
    """Keyed digests of the opinions of the current review round."""
    if api.content.get_state(organisation, None) not in OPINION_STATES:
        raise AttributeError("not under review")
    found = [
        keys.opinion(given["user_group"], given["opinion"])
        for given in review.current_round_opinions(organisation)
    ]
    if not found:
        raise AttributeError("no opinion yet")
    return found


def message_data(message):
    """A message (or text) as plain data a catalog column may keep."""
    if not isinstance(message, Message):
        return {"msgid": str(message)}
    return {
        "msgid": str(message),
        "domain": message.domain,
        "default": message.default,
        "mapping": {key: str(value) for key, value in (message.mapping or {}).items()},
    }


def as_message(data):
    """The message ``message_data`` kept."""
    if "domain" not in data:
        return data["msgid"]
    return Message(
        data["msgid"], domain=data["domain"], default=data["default"], mapping=data["mapping"]
    )


def last_change_request(organisation):
    """The team's last change request (comment, date), when it is the last step."""
    history = getattr(aq_base(organisation), "workflow_history", {}).get(ORGANISATION_WORKFLOW, ())
    for entry in reversed(history):
        if not entry.get("action"):
            continue
        if entry["action"] != "request_changes":
            return None
        return {"comment": entry.get("comments") or "", "date": entry["time"].ISO8601()}
    return None


def _iso(value):
    return value.isoformat() if value is not None else None


def organisation_work(organisation):
    """The metadata ``qgis_work`` of an organisation."""
    try:
        since = state_entered(organisation).ISO8601()
    except AttributeError:
        since = None
    try:
        deadline = organisation_deadline(organisation).isoformat()
    except AttributeError:
        deadline = None
    work = {"since": since, "deadline": deadline}
    if api.content.get_state(organisation, None) == "draft":
        work["missing"] = [
            message_data(item)
            for item in review.missing_for_submission(organisation, review.indexed_children)
        ]
        work["change_request"] = last_change_request(organisation)
    return work


def invoice_work(invoice):
    """The metadata ``qgis_work`` of an invoice."""
    return {
        "since": _iso(invoice.issue_date),
        "deadline": _iso(invoice.due_date),
        "total": str(invoice.total),
        "currency": invoice.currency,
        "organisation": invoice.buyer_name,
    }


def invoice_date(name):
    """An indexer body: the invoice's date field ``name``."""

    def value(invoice):
        found = getattr(invoice, name, None)
        if found is None:
            raise AttributeError(f"no {name}")
        return found

    return value


def reindex_work(obj):
    """Reindex what "my work" reads of ``obj`` (and with it, its metadata); an
    object not catalogued yet gets every index when it is added."""
    if is_catalogued(obj):
        obj.reindexObject(idxs=list(WORK_INDEXES))
