"""An account holder's data (their profile, the organisations they own or
convene for, their actions in the workflows) and the deletion of their account."""

from plone import api

from qgis.certification import _
from qgis.certification.privacy.register import log_request
from qgis.certification.refusals import Refusal


PROFILE_PROPERTIES = ("fullname", "email", "language", "location", "home_page", "description")
# Certificates are left out: there are many, and their only step (revoke) is
# recorded in the organisation's credit ledger too.
WORKFLOW_TYPES = ("CertifyingOrganisation", "Course", "Invoice", "UserGroup")


class AccountRefused(Refusal):
    """An account that cannot be deleted (yet)."""


def _objects(portal_type):
    for brain in api.content.find(portal_type=portal_type, unrestricted=True):
        yield brain._unrestrictedGetObject()


def _owners(organisation):
    return set(organisation.users_with_local_role("Owner"))


def profile(user):
    data = {"id": user.getId(), "login": user.getUserName()}
    data.update({name: user.getProperty(name, None) for name in PROFILE_PROPERTIES})
    data["groups"] = sorted(group.getId() for group in api.group.get_groups(user=user))
    return data


def _organisation_item(organisation, relation):
    return {
        "title": organisation.Title(),
        "url": organisation.absolute_url(),
        "state": api.content.get_state(organisation),
        "relation": relation,
    }


def organisations_of(user_id):
    """The organisations the user owns, and those they convene courses for."""
    found = [
        _organisation_item(organisation, "owner")
        for organisation in _objects("CertifyingOrganisation")
        if user_id in _owners(organisation)
    ]
    for convener in _objects("CourseConvener"):
        if convener.user_id == user_id:
            found.append(_organisation_item(convener.__parent__, "convener"))
    return found


def workflow_actions(user_id):
    """Every workflow step the user took on the programme's content."""
    actions = []
    for portal_type in WORKFLOW_TYPES:
        for obj in _objects(portal_type):
            for history in (getattr(obj, "workflow_history", None) or {}).values():
                actions.extend(
                    {
                        "item": obj.absolute_url(),
                        "title": obj.Title(),
                        "action": entry.get("action"),
                        "state": entry.get("review_state"),
                        "comment": entry.get("comments") or "",
                        "time": entry["time"].ISO8601() if entry.get("time") else None,
                    }
                    for entry in history
                    if entry.get("actor") == user_id and entry.get("action")
                )
    return sorted(actions, key=lambda action: action["time"] or "")


def account_data(user):
    """Everything the product holds about an account, as JSON-ready data."""
    user_id = user.getId()
    log_request("account-export", "served")
    return {
        "profile": profile(user),
        "organisations": organisations_of(user_id),
        "workflow_actions": workflow_actions(user_id),
    }


def organisations_blocking_deletion(user_id):
    """The certified organisations the user alone owns."""
    brains = api.content.find(
        portal_type="CertifyingOrganisation", review_state="published", unrestricted=True
    )
    organisations = (brain._unrestrictedGetObject() for brain in brains)
    return [organisation for organisation in organisations if _owners(organisation) == {user_id}]


def delete_account(user):
    """Delete the account; refused while it alone owns a certified organisation."""
    blocking = organisations_blocking_deletion(user.getId())
    if blocking:
        titles = ", ".join(organisation.Title() for organisation in blocking)
        log_request("account-deletion", "refused: owns a certified organisation")
        raise AccountRefused(
            409,
            _(
                "Your account owns the certified organisation ${titles}: hand its ownership "
                'over to another person (Sharing: give them the role "Owner") before '
                "deleting your account.",
                mapping={"titles": titles},
            ),
            organisations=[organisation.absolute_url() for organisation in blocking],
        )
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(user=user)
    log_request("account-deletion", "deleted")
