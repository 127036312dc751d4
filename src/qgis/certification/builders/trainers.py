"""Certified trainers: a convener nominated, and the nomination brought
through the review the way people do it."""

from qgis.certification.builders.adding import act
from qgis.certification.builders.adding import add


#: state -> the transitions that lead a new nomination there, with who acts
#: ("owner" or "team")
PATHS = {
    "draft": (),
    "submitted": (("owner", "submit"),),
    "changes_requested": (("owner", "submit"), ("team", "request_changes")),
    "approved": (("owner", "submit"), ("team", "approve")),
    "rejected": (("owner", "submit"), ("team", "reject")),
    "revoked": (("owner", "submit"), ("team", "approve"), ("team", "revoke")),
}


def nominate(organisation, convener, country, languages, statement, object_id=None, **fields):
    """A draft nomination of ``convener`` (one of the organisation's conveners);
    its id comes from the convener's name unless given."""
    return add(
        organisation,
        "TrainerNomination",
        object_id,
        None,
        title=convener.Title(),
        convener=convener.UID(),
        country=country,
        teaching_languages=list(languages),
        statement=statement,
        **fields,
    )


def bring_to(nomination, state, owner, team, comment="Checked by the team."):
    """Bring a draft nomination to ``state``: ``owner`` submits, ``team`` reviews."""
    people = {"owner": owner, "team": team}
    for who, transition in PATHS[state]:
        act(nomination, people[who], transition, comment)
    return nomination
