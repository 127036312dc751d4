"""What a certificate says, as one description whatever kind it is.

An ``Award`` is an achievement awarded to a holder by the programme, through
an organisation, on a date. The credential is built from it alone, so a new
kind of certificate (trainers', say) plugs in with one function that finds
its award by code, added to ``FINDERS`` with ``register_finder``.
"""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from plone import api
from plone.app.uuid.utils import uuidToObject

from qgis.certification.certificates import issuing
from qgis.certification.certificates import organisation_certificate


class Party(NamedTuple):
    """An issuer or organisation as a credential names it: its name and page."""

    name: str
    url: str


@dataclass(frozen=True)
class Achievement:
    """``key`` names the achievement uniquely within the programme; the
    description and criteria are in English, the programme's language."""

    key: str
    name: str
    description: str
    criteria: str
    achievement_type: str
    creator: Party
    hours: int | None = None

    @property
    def id(self):
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'qgis-certification:' + self.key)}"


@dataclass(frozen=True)
class Award:
    """An achievement awarded to ``holder`` under ``code``, through
    ``organisation``."""

    code: str
    issue_date: date
    holder: str
    achievement: Achievement
    organisation: Party
    #: the course's first and last day, for an attendee's certificate
    period: tuple[date, date] | None = None
    #: false once the certificate is revoked (or has ended)
    active: bool = True
    #: the last day of a certificate valid for a period (a trainer's)
    valid_until: date | None = None
    #: true when an inactive certificate ended at its end date rather than
    #: being revoked: verification then says "expired", not "revoked"
    expired: bool = False


PROGRAMME = "QGIS Certification Programme"

# certificate type -> (Open Badges achievement type, description, criteria)
ATTENDEE_WORDING = {
    "completion": (
        "CertificateOfCompletion",
        "Successfully completed the course {course} ({hours} hours of instruction), "
        "given by {organisation}, an organisation certified by the {programme}.",
        "Attend the {hours}-hour course {course} given by {organisation}, a certified "
        "QGIS training organisation, and complete it successfully as assessed by its "
        "convener.",
    ),
    "attendance": (
        "Certificate",
        "Attended the course {course} ({hours} hours of instruction), given by "
        "{organisation}, an organisation certified by the {programme}.",
        "Attend the {hours}-hour course {course} given by {organisation}, a certified "
        "QGIS training organisation.",
    ),
}
OTHER_WORDING = (
    "Certificate",
    "{type_title}: the course {course} ({hours} hours of instruction), given by "
    "{organisation}, an organisation certified by the {programme}.",
    "Take part in the {hours}-hour course {course} given by {organisation}, a certified "
    "QGIS training organisation, as its certificate type '{type_title}' requires.",
)
PROVIDER_DESCRIPTION = (
    "{organisation} is authorised by the {programme} to give QGIS training and issue "
    "official QGIS certificates."
)
PROVIDER_CRITERIA = (
    "Apply to the {programme}: show contributions to the QGIS project and training "
    "material for every course type, be reviewed by the certification team and the local "
    "QGIS user groups, and be approved by the QGIS Project Steering Committee."
)


def programme():
    return Party(PROGRAMME, api.portal.get().absolute_url())


def _organisation_party(uid, title):
    organisation = uuidToObject(uid, unrestricted=True) if uid else None
    url = organisation.absolute_url() if organisation is not None else programme().url
    return Party(title, url)


def attendee_award(certificate):
    """The award of an attendee's certificate."""
    certificate_type = issuing.certificate_types().get(certificate.certificate_type)
    type_title = certificate_type.Title() if certificate_type else certificate.certificate_type
    kind, description, criteria = ATTENDEE_WORDING.get(certificate.certificate_type, OTHER_WORDING)
    organisation = _organisation_party(certificate.organisation_uid, certificate.organisation_title)
    values = {
        "course": certificate.course_type_title,
        "hours": certificate.instruction_hours,
        "organisation": certificate.organisation_title,
        "programme": PROGRAMME,
        "type_title": type_title,
    }
    achievement = Achievement(
        key=f"{certificate.organisation_uid}:{certificate.course_type_title}:"
        f"{certificate.certificate_type}",
        name=f"{certificate.course_type_title}: certificate of {type_title.lower()}",
        description=description.format(**values),
        criteria=criteria.format(**values),
        achievement_type=kind,
        creator=organisation,
        hours=certificate.instruction_hours,
    )
    return Award(
        code=certificate.code,
        holder=certificate.printed_name,
        issue_date=certificate.issue_date,
        achievement=achievement,
        organisation=organisation,
        period=(certificate.start_date, certificate.end_date),
        active=api.content.get_state(certificate) == "issued",
    )


def organisation_award(organisation):
    """The award of an organisation's "authorised QGIS training provider" certificate."""
    record = organisation_certificate.organisation_certificate(organisation)
    values = {"organisation": organisation.Title(), "programme": PROGRAMME}
    achievement = Achievement(
        key="authorised-training-provider",
        name="Authorised QGIS training provider",
        description=PROVIDER_DESCRIPTION.format(**values),
        criteria=PROVIDER_CRITERIA.format(**values),
        achievement_type="Certification",
        creator=programme(),
    )
    return Award(
        code=record["code"],
        holder=organisation.Title(),
        issue_date=date.fromisoformat(record["issue_date"]),
        achievement=achievement,
        organisation=Party(organisation.Title(), organisation.absolute_url()),
        active=api.content.get_state(organisation) == "published",
    )


def _attendee_award_for(code):
    certificate = issuing.find_certificate(code)
    return attendee_award(certificate) if certificate is not None else None


def _organisation_award_for(code):
    organisation = issuing.find_certificate(code, "CertifyingOrganisation")
    return organisation_award(organisation) if organisation is not None else None


FINDERS = [_attendee_award_for, _organisation_award_for]


def register_finder(finder):
    """Add ``finder(code) -> Award | None`` for another kind of certificate."""
    if finder not in FINDERS:
        FINDERS.append(finder)


def award_for(code):
    """The award with this (canonical) code, or None."""
    for finder in FINDERS:
        award = finder(code)
        if award is not None:
            return award
    return None
