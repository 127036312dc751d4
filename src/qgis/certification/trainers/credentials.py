"""The trainer certificate as an Open Badges award: ``@credential/<code>``
answers a trainer's code as it does an attendee's (``certificates.credentials``),
with the certificate's end date as the credential's ``validUntil``; a trainer
whose certificate is no longer valid (lapsed, revoked, renewal refused) is set
in the revocation list."""

from datetime import date

from plone import api

from qgis.certification.certificates import issuing
from qgis.certification.certificates.credentials import awards
from qgis.certification.certificates.credentials import status_list
from qgis.certification.trainers import certificate
from qgis.certification.trainers import validity


DESCRIPTION = "{name} is a QGIS trainer certified by the {programme}, teaching for {organisation}."
CRITERIA = (
    "Be nominated by an organisation certified by the {programme} as one of its course "
    "conveners, with evidence of teaching QGIS, and be approved by the certification team; "
    "the certificate is valid for a period and renewed before it ends."
)


def trainer_award(nomination):
    """The award of a trainer certificate."""
    facts = certificate.credential_facts(nomination)
    values = {**facts, "programme": awards.PROGRAMME}
    achievement = awards.Achievement(
        key=certificate.CERTIFICATE_TYPE,
        name=facts["achievement"],
        description=DESCRIPTION.format(**values),
        criteria=CRITERIA.format(**values),
        achievement_type="Certification",
        creator=awards.programme(),
    )
    organisation = awards.Party(
        facts["organisation"], facts["organisation_url"] or awards.programme().url
    )
    state = api.content.get_state(nomination)
    return awards.Award(
        code=facts["code"],
        holder=facts["name"],
        issue_date=date.fromisoformat(facts["valid_from"]),
        achievement=achievement,
        organisation=organisation,
        active=validity.is_certified(state, nomination.valid_until),
        valid_until=nomination.valid_until,
        expired=validity.has_expired(state, nomination.valid_until),
    )


def trainer_award_for(code):
    nomination = issuing.find_certificate(code, "TrainerNomination")
    return trainer_award(nomination) if nomination is not None else None


def uncertified_trainers(catalog):
    """The nominations whose trainer certificate is no longer valid today
    (those never approved have no code, so no place in the list)."""
    certified = {
        brain.getRID() for brain in catalog.unrestrictedSearchResults(**validity.certified_query())
    }
    return [
        brain
        for brain in catalog.unrestrictedSearchResults(portal_type="TrainerNomination")
        if brain.getRID() not in certified
    ]


awards.register_finder(trainer_award_for)
status_list.register_revoked(uncertified_trainers)
