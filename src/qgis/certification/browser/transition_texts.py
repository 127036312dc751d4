"""What each workflow step's form says before it (its help) and after it
(what happened and what comes next), per workflow and transition."""

from plone import api

from qgis.certification import _
from qgis.certification.application import review


ORGANISATION = "qgis_organisation_workflow"

HELP = {
    (ORGANISATION, "submit"): _(
        "The certification team receives the application and reviews it. You cannot "
        "change it while it is under review, unless the team asks you for changes."
    ),
    (ORGANISATION, "request_changes"): _(
        "The application goes back to the applicant as a draft. Say what to change: "
        "your comment is mailed to the owners."
    ),
    (ORGANISATION, "send_to_user_groups"): _(
        "The reviewers of the user groups covering the country are asked for their "
        "group's opinion; the review period starts now."
    ),
    (ORGANISATION, "send_to_psc"): _(
        "The QGIS Project Steering Committee receives the application, with the user "
        "groups' opinions, and decides."
    ),
    (ORGANISATION, "approve"): _(
        "The organisation becomes a certifying organisation: it is published and may "
        "run courses and issue certificates. The owners are told."
    ),
    (ORGANISATION, "reject"): _(
        "The application is refused. Give the reasons: your comment is mailed to the owners."
    ),
    (ORGANISATION, "archive"): _(
        "The organisation leaves the public site and can no longer issue certificates; "
        "it can be reinstated later."
    ),
    (ORGANISATION, "reinstate"): _("The organisation is certified and public again."),
    ("qgis_course_workflow", "publish"): _(
        "The course appears on the organisation's public page and in the course feeds."
    ),
    ("qgis_course_workflow", "retract"): _(
        "The course leaves the public site and becomes a draft again."
    ),
    ("qgis_course_workflow", "cancel"): _(
        "The course is called off; it stays in the records as cancelled."
    ),
    ("qgis_invoice_workflow", "mark_paid"): _(
        "Confirm that the payment was received: the order's credits are added to the "
        "organisation's balance."
    ),
    ("qgis_invoice_workflow", "cancel"): _(
        "The invoice is withdrawn; no credits are added for it."
    ),
    ("qgis_certificate_workflow", "revoke"): _(
        "The certificate stops being valid; its verification page says it was revoked."
    ),
    ("qgis_trainer_workflow", "submit"): _(
        "The certification team receives the nomination and reviews it."
    ),
    ("qgis_trainer_workflow", "request_changes"): _(
        "The nomination goes back to the organisation. Say what to change: your comment "
        "is mailed to the owners and the convener."
    ),
    ("qgis_trainer_workflow", "approve"): _(
        "The convener becomes a certified trainer and receives a trainer certificate."
    ),
    ("qgis_trainer_workflow", "reject"): _(
        "The nomination is refused. Give the reasons: your comment is mailed to the owners "
        "and the convener."
    ),
    ("qgis_trainer_workflow", "renew"): _(
        "The certification team receives the nomination again to renew the trainer certificate."
    ),
    ("qgis_trainer_workflow", "lapse"): _(
        "The trainer certificate has reached its end date and stops being valid."
    ),
    ("qgis_trainer_workflow", "revoke"): _(
        "The trainer certificate stops being valid. Give the reasons: your comment is "
        "mailed to the owners and the convener."
    ),
}

DONE = {
    (ORGANISATION, "submit"): _(
        "Your application is submitted. The certification team has been told and will "
        "review it; we will write to you at each step."
    ),
    (ORGANISATION, "request_changes"): _(
        "The application is back with the applicant: its owners have been mailed your "
        "comment. It comes back to the team when they submit it again."
    ),
    (ORGANISATION, "send_to_user_groups"): _(
        "The application is with ${groups}: their reviewers have been told and have until "
        "${deadline} to give their opinion. Then send it to the PSC."
    ),
    (ORGANISATION, "send_to_psc"): _(
        "The application is with the PSC: its members have been told and will approve or reject it."
    ),
    (ORGANISATION, "approve"): _(
        "The organisation is certified and public now; its owners have been told."
    ),
    (ORGANISATION, "reject"): _(
        "The application is rejected; its owners have been mailed your reasons."
    ),
    (ORGANISATION, "archive"): _("The organisation is archived: it is no longer public."),
    (ORGANISATION, "reinstate"): _("The organisation is certified and public again."),
}

GENERIC_DONE = _("“${step}” is done: this item is now “${state}”.")


def workflow_of(context):
    chain = api.portal.get_tool("portal_workflow").getChainFor(context)
    return chain[0] if chain else None


def help_text(context, transition):
    return HELP.get((workflow_of(context), transition))


def done_message(context, transition, step_title, state_title):
    """What happened and what comes next, after ``transition`` was done."""
    message = DONE.get((workflow_of(context), transition))
    if message is None:
        return _(GENERIC_DONE, mapping={"step": step_title, "state": state_title})
    if transition == "send_to_user_groups":
        deadline = review.review_deadline(context)
        mapping = {
            "groups": ", ".join(group.Title() for group in review.user_groups_of(context)),
            "deadline": api.portal.get_localized_time(deadline) if deadline else "",
        }
        return _(message, mapping=mapping)
    return message
