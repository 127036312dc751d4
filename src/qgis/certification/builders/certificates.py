"""Credits and certificates."""

from datetime import date

from qgis.certification.builders.adding import add
from qgis.certification.builders.adding import catalogue
from qgis.certification.certificates import issuing
from qgis.certification.certificates.credentials.status_register import assign_index
from qgis.certification.content.organisation import organisation_of
from qgis.certification.payments.credits import ledger_of


def top_up(organisation, credits, reference, user_id):
    """Credits bought (by bank transfer, say) and booked by ``user_id``."""
    return ledger_of(organisation).append(credits, "top-up", reference, user_id)


def issue(course, user_id, attendees=None, type_id="completion", bulk=None, issue_date=None):
    """``user_id`` issues ``type_id`` certificates to ``attendees`` (None: all
    who lack one), paid with the organisation's credits; returns them.

    Without ``bulk`` this is the product's issuing, with all its rules. In bulk
    the same certificates, register entries and ledger debits are written for
    the given attendees without those checks, dated ``issue_date`` (today when
    left out); their codes are unique within the bulk."""
    if bulk is None:
        selected = "all" if attendees is None else [attendee.UID() for attendee in attendees]
        return issuing.issue_certificates(course, selected, type_id, user_id)[0]
    frozen = issuing.snapshot(course)
    wording = issuing.type_sentence(frozen["certificate_language"], type_id)
    ledger = ledger_of(organisation_of(course))
    certificates = []
    for attendee in attendees:
        code = bulk.new_code()
        certificate = add(
            course,
            "Certificate",
            code.lower(),
            bulk,
            code=code,
            attendee=attendee.UID(),
            first_name=attendee.first_name,
            last_name=attendee.last_name,
            certificate_type=type_id,
            wording=wording,
            issue_date=issue_date or date.today(),
            issued_by=user_id,
            **frozen,
        )
        issuing.register_issued(course, attendee.UID(), type_id, certificate.getId())
        assign_index(code)
        ledger.append(-1, "certificate", code, user_id)
        certificates.append(certificate)
    catalogue(bulk)
    return certificates
