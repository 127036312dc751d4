"""The mails of a trainer nomination, written once and translated per
recipient; sent by ``mail.messages`` only when the transaction commits."""

from plone import api
from plone.app.uuid.utils import uuidToObject

from qgis.certification import _
from qgis.certification.application import notifications
from qgis.certification.content.organisation import organisation_of


MAILS = {
    "trainer_submitted_team": (
        _("mail_trainer_submitted_team_subject", default="Trainer nomination: ${name}"),
        _(
            "mail_trainer_submitted_team_body",
            default=(
                "Hello,\n\n${organisation} nominates ${name} as a certified QGIS trainer. "
                "Please review the nomination and its evidence: ${url}\n"
            ),
        ),
    ),
    "trainer_submitted_owner": (
        _("mail_trainer_submitted_owner_subject", default="We received your nomination: ${name}"),
        _(
            "mail_trainer_submitted_owner_body",
            default=(
                "Hello,\n\nthank you for nominating ${name} as a certified QGIS trainer. "
                "The certification team will review the nomination and write to you.\n\n${url}\n"
            ),
        ),
    ),
    "trainer_request_changes": (
        _(
            "mail_trainer_request_changes_subject",
            default="Changes needed in the nomination of ${name}",
        ),
        _(
            "mail_trainer_request_changes_body",
            default=(
                "Hello,\n\nthe nomination of ${name} as a certified QGIS trainer needs "
                "changes before it can go on:\n\n${comment}\n\nEdit it and submit it "
                "again: ${url}\n"
            ),
        ),
    ),
    "trainer_approve": (
        _("mail_trainer_approve_subject", default="${name} is a certified QGIS trainer"),
        _(
            "mail_trainer_approve_body",
            default=(
                "Hello,\n\nthe certification team approved the nomination: ${name} is a "
                "certified QGIS trainer of ${organisation} until ${valid_until}. The "
                "trainer certificate (code ${code}) is here: ${url}\n\n${comment}\n"
            ),
        ),
    ),
    "trainer_reject": (
        _("mail_trainer_reject_subject", default="The nomination of ${name} was not approved"),
        _(
            "mail_trainer_reject_body",
            default=(
                "Hello,\n\nthe certification team did not approve the nomination of "
                "${name} as a certified QGIS trainer. Its reasons:\n\n${comment}\n\n${url}\n"
            ),
        ),
    ),
    "trainer_revoke": (
        _("mail_trainer_revoke_subject", default="Trainer certificate revoked: ${name}"),
        _(
            "mail_trainer_revoke_body",
            default=(
                "Hello,\n\nthe certification team revoked the trainer certificate of "
                "${name} (code ${code}). Its reasons:\n\n${comment}\n\n${url}\n"
            ),
        ),
    ),
    "trainer_lapse": (
        _("mail_trainer_lapse_subject", default="Trainer certificate lapsed: ${name}"),
        _(
            "mail_trainer_lapse_body",
            default=(
                "Hello,\n\nthe trainer certificate of ${name} reached its end date "
                "(${valid_until}): ${name} is no longer listed as a certified QGIS "
                "trainer. You may renew it from the nomination: ${url}\n"
            ),
        ),
    ),
    "trainer_reminder": (
        _("mail_trainer_reminder_subject", default="Renew the trainer certificate of ${name}"),
        _(
            "mail_trainer_reminder_body",
            default=(
                "Hello,\n\nthe trainer certificate of ${name} ends on ${valid_until}. "
                "To stay a certified QGIS trainer, update the evidence and ask for its "
                "renewal (Renew) before that date: ${url}\n"
            ),
        ),
    ),
}

#: transition -> the mails it sends: (mail, to whom: "team" or "organisation")
TRANSITION_MAILS = {
    "submit": (("trainer_submitted_team", "team"), ("trainer_submitted_owner", "organisation")),
    "renew": (("trainer_submitted_team", "team"), ("trainer_submitted_owner", "organisation")),
    "request_changes": (("trainer_request_changes", "organisation"),),
    "approve": (("trainer_approve", "organisation"),),
    "reject": (("trainer_reject", "organisation"),),
    "revoke": (("trainer_revoke", "organisation"),),
    "lapse": (("trainer_lapse", "organisation"),),
}


def team_members():
    return notifications.group_members(notifications.TEAM_GROUP)


def organisation_people(nomination):
    """The organisation's owners and the nominated convener's account."""
    organisation = organisation_of(nomination)
    people = set(organisation.users_with_local_role("Owner")) if organisation else set()
    convener = uuidToObject(nomination.convener, unrestricted=True)
    if convener is not None and convener.user_id:
        people.add(convener.user_id)
    return sorted(people)


def mapping_for(nomination, comment=""):
    organisation = organisation_of(nomination)
    return {
        "name": nomination.Title(),
        "organisation": organisation.Title() if organisation else "",
        "url": nomination.absolute_url(),
        "portal_url": api.portal.get().absolute_url(),
        "code": nomination.code or "",
        "valid_until": nomination.valid_until.isoformat() if nomination.valid_until else "",
        "comment": comment,
    }


def notify(nomination, mail, recipients="organisation", comment=""):
    """Send ``mail`` to the team or the organisation's people. Returns the addresses."""
    user_ids = team_members() if recipients == "team" else organisation_people(nomination)
    return notifications.notify_users(user_ids, mail, mapping_for(nomination, comment), mails=MAILS)


def notify_transition(nomination, transition, comment=""):
    for mail, recipients in TRANSITION_MAILS.get(transition, ()):
        notify(nomination, mail, recipients, comment)
