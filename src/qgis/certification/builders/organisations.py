"""Certifying organisations, and their applications brought to any state
through the real workflow (or, in bulk, put in it)."""

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field

from plone.app.textfield.value import RichTextValue

from qgis.certification.application import questionnaire
from qgis.certification.application import review
from qgis.certification.builders.adding import act
from qgis.certification.builders.adding import add


# the states of an application, in the order it can reach them
STATES = (
    "draft",
    "submitted",
    "user_group_review",
    "psc_decision",
    "published",
    "rejected",
    "archived",
)

# after the PSC has the application: who (a role of ``Reviewing``) does what
DECISIONS = {
    "psc_decision": (),
    "published": (("psc", "approve"),),
    "rejected": (("psc", "reject"),),
    "archived": (("psc", "approve"), ("team", "archive")),
}


@dataclass(frozen=True)
class Reviewing:
    """Who acts on an application, and what they write.

    ``comments`` maps transitions to their comment (``comment`` for the
    others); ``opinion`` is each covering user group's recommendation, given by
    its first member; ``checklist`` (answers) is filled in by the team before
    sending the application to the PSC, when given."""

    owner: str
    team: str
    psc: str
    comments: Mapping = field(default_factory=dict)
    comment: str = ""
    opinion: str = ""
    checklist: Mapping | None = None

    def comment_for(self, transition):
        return self.comments.get(transition, self.comment)


def create_organisation(folder, title, contributions="", object_id=None, bulk=None, **fields):
    """An application in draft; ``contributions`` is HTML."""
    fields["contributions"] = RichTextValue(contributions, "text/html", "text/x-html-safe")
    return add(folder, "CertifyingOrganisation", object_id, bulk, title=title, **fields)


def answer_application(organisation, answers, user_id):
    """``user_id`` answers the application questionnaire."""
    return questionnaire.save_answers(organisation, questionnaire.APPLICATION, answers, user_id)


def bring_to(organisation, state, reviewing=None, bulk=None):
    """Bring a draft application to ``state`` the way people would: the owner
    submits, the covering user groups (if any) recommend it, the team sends it
    to the PSC, which decides (the people are ``reviewing``'s). In bulk, the
    state is set directly (and nobody acts)."""
    if bulk is not None:
        bulk.set_state(organisation, state)
    elif state != "draft":
        _review(organisation, state, reviewing)
    return organisation


def _act(organisation, user_id, transition, reviewing):
    act(organisation, user_id, transition, reviewing.comment_for(transition))


def _review(organisation, state, reviewing):
    _act(organisation, reviewing.owner, "submit", reviewing)
    if state == "submitted":
        return
    groups = review.user_groups_of(organisation)
    if groups:
        _act(organisation, reviewing.team, "send_to_user_groups", reviewing)
        if state == "user_group_review":
            return
        for group in groups:
            review.record_opinion(
                organisation, group, group.members[0], "recommend", reviewing.opinion
            )
    if reviewing.checklist is not None:
        questionnaire.save_answers(
            organisation, questionnaire.CHECKLIST, dict(reviewing.checklist), reviewing.team
        )
    _act(organisation, reviewing.team, "send_to_psc", reviewing)
    for role, transition in DECISIONS[state]:
        _act(organisation, getattr(reviewing, role), transition, reviewing)
