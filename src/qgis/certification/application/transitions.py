"""What the organisation workflow's guards cannot say themselves: whether a
transition would be refused now, and why; and the last change request.

The workflow subscriber refuses with these reasons, and the workflow menu and
the transition form use them to offer only the steps that would pass.
"""

from plone import api
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.application import review


WORKFLOW = "qgis_organisation_workflow"


def _submit_refusal(organisation):
    missing = review.missing_for_submission(organisation)
    if not missing:
        return None
    return _(
        "The application cannot be submitted yet. It still needs: ${missing}.",
        mapping={
            "missing": "; ".join(translate(item, context=api.env.getRequest()) for item in missing)
        },
    )


def _user_groups_refusal(organisation):
    if review.covering_user_groups(organisation.country):
        return None
    return _(
        "No user group covers this organisation's country: send the application to the PSC instead."
    )


REFUSALS = {
    "submit": _submit_refusal,
    "send_to_user_groups": _user_groups_refusal,
    "send_to_psc": review.why_not_to_psc,
}


def refusal(organisation, transition):
    """None when the programme's rules let ``transition`` pass now (the
    workflow's permissions aside); otherwise the reason, as a message."""
    check = REFUSALS.get(transition)
    return check(organisation) if check is not None else None


def history(organisation):
    return api.portal.get_tool("portal_workflow").getHistoryOf(WORKFLOW, organisation) or ()


def last_change_request(organisation):
    """The change request that returned the application to its draft, while it
    is one: ``{"comment", "actor", "time"}`` (a DateTime), or None."""
    for entry in reversed(history(organisation)):
        if entry.get("action") == "request_changes":
            return {
                "comment": entry.get("comments") or "",
                "actor": entry.get("actor"),
                "time": entry.get("time"),
            }
        if entry.get("action") is not None:
            return None
    return None
