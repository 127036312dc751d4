"""The trainer certificate: what verification says of it, and its PDF in
the language the nomination chose."""

from plone import api
from zope.i18n import translate

from qgis.certification.certificates import issuing
from qgis.certification.certificates.documents import printed_wording
from qgis.certification.certificates.documents import representative_signature
from qgis.certification.certificates.documents import verify_url
from qgis.certification.certificates.verification import Verifier
from qgis.certification.certificates.verification import not_withdrawn
from qgis.certification.content.organisation import organisation_of
from qgis.certification.pdf.trainer_certificate import CERTIFIED_TRAINER
from qgis.certification.pdf.trainer_certificate import TrainerCertificateData
from qgis.certification.pdf.trainer_certificate import render_trainer_certificate
from qgis.certification.trainers import validity


CERTIFICATE_TYPE = "certified-trainer"


def organisation_title(nomination):
    organisation = organisation_of(nomination)
    return organisation.Title() if organisation is not None else ""


def verification(nomination):
    """The public facts of a trainer certificate: never an e-mail address."""
    state = api.content.get_state(nomination)
    return {
        "valid": validity.is_certified(state, nomination.valid_until),
        "state": state,
        **not_withdrawn(),
        "code": nomination.code,
        "name": nomination.Title(),
        "certificate_type": CERTIFICATE_TYPE,
        "certificate_type_title": translate(CERTIFIED_TRAINER, context=api.env.getRequest()),
        "course": None,
        "organisation": organisation_title(nomination),
        "issue_date": nomination.valid_from.isoformat(),
        "valid_until": nomination.valid_until.isoformat(),
    }


def credential_facts(nomination):
    """What an Open Badges credential of the trainer certificate states."""
    organisation = organisation_of(nomination)
    return {
        "name": nomination.Title(),
        "achievement": str(CERTIFIED_TRAINER),
        "valid_from": nomination.valid_from.isoformat(),
        "valid_until": nomination.valid_until.isoformat(),
        "organisation": organisation.Title() if organisation is not None else "",
        "organisation_url": organisation.absolute_url() if organisation is not None else "",
        "code": nomination.code,
    }


def trainer_certificate_pdf(nomination, language=None):
    language = language or nomination.certificate_language
    return render_trainer_certificate(
        TrainerCertificateData(
            trainer_name=nomination.Title(),
            organisation_title=organisation_title(nomination),
            code=nomination.code,
            verify_url=verify_url(nomination.code, language),
            valid_from=nomination.valid_from,
            valid_until=nomination.valid_until,
            representative_name=issuing.setting("representative_name") or "",
            representative_signature=representative_signature(),
            wording=printed_wording(language),
            state=api.content.get_state(nomination),
        )
    )


#: trainer certificates
TRAINER_CERTIFICATES = Verifier(
    verification,
    lambda nomination: f"{verify_url(nomination.code)}/certificate.pdf",
    trainer_certificate_pdf,
)
