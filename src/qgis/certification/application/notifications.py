"""The mails of the review, written once and translated per recipient.

They are sent by ``mail.messages``: only when the transaction commits (a
refused or failed transition sends nothing).
"""

from plone import api
from zope.i18nmessageid import Message

from qgis.certification import _
from qgis.certification.mail import messages
from qgis.certification.vocabularies.countries import country_name


TEAM_GROUP = "certification-managers"
PSC_GROUP = "psc"

SIGNATURE = _("mail_signature", default="-- \nQGIS Certification Programme\n${portal_url}")

MAILS = {
    "submitted_team": (
        _("mail_submitted_team_subject", default="New application: ${title}"),
        _(
            "mail_submitted_team_body",
            default=(
                "Hello,\n\n${title} (${country}) has submitted its application to "
                "become a QGIS certifying organisation.\n\nPlease make the initial "
                "review: ${url}\n"
            ),
        ),
    ),
    "submitted_owner": (
        _(
            "mail_submitted_owner_subject",
            default="We received your application: ${title}",
        ),
        _(
            "mail_submitted_owner_body",
            default=(
                "Hello,\n\nthank you for applying with ${title}. The certification "
                "team will review your application, then the local QGIS user groups "
                "may give their opinion before the QGIS Project Steering Committee "
                "decides. We will write to you at each step.\n\nYour application: ${url}\n"
            ),
        ),
    ),
    "user_group_review": (
        _("mail_user_group_review_subject", default="Your opinion, please: ${title}"),
        _(
            "mail_user_group_review_body",
            default=(
                "Hello,\n\n${title} (${country}) applies to become a QGIS certifying "
                "organisation. As a reviewer for your local user group, please read "
                "the application and record your group's opinion (recommend or "
                "oppose, with a comment) before ${deadline}.\n\n${url}\n"
            ),
        ),
    ),
    "reminder": (
        _("mail_reminder_subject", default="Reminder: your opinion on ${title}"),
        _(
            "mail_reminder_body",
            default=(
                "Hello,\n\nyour user group has not yet given its opinion on the "
                "application of ${title}. The review period ends on ${deadline}; "
                "after that date the QGIS Project Steering Committee decides "
                "without it.\n\n${url}\n"
            ),
        ),
    ),
    "psc_decision": (
        _("mail_psc_decision_subject", default="Decision needed: ${title}"),
        _(
            "mail_psc_decision_body",
            default=(
                "Hello,\n\nthe application of ${title} (${country}) is ready for the "
                "PSC's decision. The review, with the user groups' opinions, is "
                "here: ${url}\n"
            ),
        ),
    ),
    "request_changes": (
        _(
            "mail_request_changes_subject",
            default="Changes needed in your application: ${title}",
        ),
        _(
            "mail_request_changes_body",
            default=(
                "Hello,\n\nyour application needs changes before it can go on:\n\n"
                "${comment}\n\nEdit it and submit it again: ${url}\n"
            ),
        ),
    ),
    "approve": (
        _(
            "mail_approve_subject",
            default="Congratulations: ${title} is a QGIS certifying organisation",
        ),
        _(
            "mail_approve_body",
            default=(
                "Hello,\n\nthe QGIS Project Steering Committee approved your "
                "application. ${title} is now published as a certifying "
                "organisation, with its contributions, and may issue official QGIS "
                "certificates to the attendees of its courses.\n\n${comment}\n\n${url}\n"
            ),
        ),
    ),
    "reject": (
        _("mail_reject_subject", default="Your application was not approved: ${title}"),
        _(
            "mail_reject_body",
            default=(
                "Hello,\n\nthe QGIS Project Steering Committee did not approve the "
                "application of ${title}. Its reasons:\n\n${comment}\n\n${url}\n"
            ),
        ),
    ),
}


def group_members(group_id):
    group = api.group.get(groupname=group_id)
    if group is None:
        return []
    return [user.getId() for user in api.user.get_users(groupname=group_id)]


def mapping_for(organisation, **extra):
    values = {
        "title": organisation.Title(),
        "country_code": organisation.country,
        "url": organisation.absolute_url(),
        "portal_url": api.portal.get().absolute_url(),
        "comment": "",
    }
    values.update(extra)
    return values


def notify_users(user_ids, mail, mapping, mails=MAILS):
    """Send ``mail`` (of ``mails``: subject and body) to each user, in the user's
    language. Returns the addresses."""
    subject, body = mails[mail]
    sent = []
    for recipient in messages.user_recipients(user_ids):
        values = dict(mapping)
        values["country"] = country_name(values.get("country_code"), recipient.language)
        messages.send_mail(
            recipient,
            Message(subject, mapping=values),
            (Message(body, mapping=values), Message(SIGNATURE, mapping=values)),
        )
        sent.append(recipient.address)
    return sent
