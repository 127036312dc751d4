"""The "authorised QGIS training provider" certificate of a certified organisation.

It is printed in the organisation's preferred language: organisations have no
language of their own, so it is the preferred language of its first owner (by
user id) who has one, else the site's default language.
"""

from datetime import date

from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.application import review
from qgis.certification.certificates import issuing
from qgis.certification.certificates import wording
from qgis.certification.certificates.credentials.status_register import assign_index
from qgis.certification.certificates.documents import representative_signature
from qgis.certification.certificates.documents import verify_url
from qgis.certification.certificates.verification import Verifier
from qgis.certification.certificates.verification import not_withdrawn
from qgis.certification.mail.messages import preferred_language
from qgis.certification.pdf.organisation_certificate import AUTHORISED_PROVIDER
from qgis.certification.pdf.organisation_certificate import OrganisationCertificateData
from qgis.certification.pdf.organisation_certificate import render_organisation_certificate
from qgis.certification.vocabularies.countries import country_name


KEY = "qgis.certification.organisation-certificate"


def organisation_certificate(organisation):
    record = IAnnotations(organisation).get(KEY)
    return dict(record) if record is not None else None


def organisation_language(organisation):
    """The organisation's preferred language: its first owner's (by user id) who
    chose one, else the site's default language."""
    return preferred_language(review.owners(organisation))


def issue_organisation_certificate(organisation, user_id):
    if api.content.get_state(organisation) != "published":
        raise issuing.IssueError(400, _("Only certified organisations receive this certificate."))
    if organisation_certificate(organisation) is not None:
        raise issuing.IssueError(409, _("The organisation already has its certificate."))
    language = organisation_language(organisation)
    try:
        wording.require_wording(language)
    except wording.MissingWording as refusal:
        raise issuing.IssueError(refusal.status, refusal.message, **refusal.details) from None
    code = issuing.unique_code(set())
    IAnnotations(organisation)[KEY] = PersistentMapping(
        code=code, issue_date=date.today().isoformat(), issued_by=user_id
    )
    assign_index(code)
    organisation.reindexObject(idxs=["qgis_certificate_code"])
    return organisation_certificate(organisation)


def verification(organisation):
    record = organisation_certificate(organisation)
    valid = api.content.get_state(organisation) == "published"
    return {
        "valid": valid,
        "state": "issued" if valid else "revoked",
        **not_withdrawn(),
        "code": record["code"],
        "name": organisation.Title(),
        "certificate_type": "authorised-training-provider",
        "certificate_type_title": translate(AUTHORISED_PROVIDER, context=api.env.getRequest()),
        "course": None,
        "organisation": organisation.Title(),
        "issue_date": record["issue_date"],
    }


def organisation_certificate_pdf(organisation, language=None):
    """The certificate's PDF in ``language``, by default the organisation's."""
    language = language or organisation_language(organisation)
    texts = wording.wording_for(language) or wording.require_wording("en")
    record = organisation_certificate(organisation)
    return render_organisation_certificate(
        OrganisationCertificateData(
            organisation_title=organisation.Title(),
            country_name=country_name(organisation.country, language),
            code=record["code"],
            verify_url=verify_url(record["code"], language),
            issue_date=date.fromisoformat(record["issue_date"]),
            representative_name=issuing.setting("representative_name") or "",
            representative_signature=representative_signature(),
            wording=texts,
        )
    )


#: an organisation's own "authorised training provider" certificate
ORGANISATION_CERTIFICATES = Verifier(
    verification,
    lambda organisation: f"{organisation.absolute_url()}/@@organisation-certificate.pdf",
    organisation_certificate_pdf,
)
