"""Attendees' erasure requests: asked through a signed link, kept as pending,
carried out when the certification team confirms them.

A request keeps the address's keyed digest (to find the records again when
it is confirmed), whether the certificates are withdrawn too, its state and
dates; never an address or a name.
"""

from persistent.mapping import PersistentMapping

from qgis.certification import _
from qgis.certification.certificates.mailing import forget_addresses
from qgis.certification.privacy.attendees import erase_attendee
from qgis.certification.privacy.attendees import held_brains
from qgis.certification.privacy.attendees import held_for
from qgis.certification.privacy.attendees import withdraw_certificate
from qgis.certification.privacy.register import log_request
from qgis.certification.privacy.register import new_request_id
from qgis.certification.privacy.register import now_utc
from qgis.certification.privacy.register import privacy_register
from qgis.certification.refusals import Refusal


PENDING = "pending"
CONFIRMED = "confirmed"
KIND = "erasure"


class ErasureRefused(Refusal):
    """An erasure request that cannot be made or confirmed."""


def _now():
    return now_utc().isoformat(timespec="seconds")


def request_erasure(key, withdraw):
    """Record a pending erasure of what is held for ``key``; returns its id.

    A second request for the same address while one is pending updates it."""
    attendees = held_for(key, "Attendee")
    if not attendees:
        raise ErasureRefused(404, _("We hold no attendee records for this address any more."))
    requests = privacy_register(create=True)["requests"]
    for request in requests.values():
        if request["key"] == key and request["state"] == PENDING:
            request["withdraw"] = request["withdraw"] or withdraw
            return request["id"]
    request_id = new_request_id()
    requests[request_id] = PersistentMapping(
        id=request_id, key=key, withdraw=withdraw, state=PENDING, asked=_now(), confirmed=None
    )
    log_request(KIND, "asked, withdrawing certificates" if withdraw else "asked", request_id)
    return request_id


def erasure_request(request_id):
    request = privacy_register().get("requests", {}).get(request_id)
    if request is None:
        raise ErasureRefused(404, _("There is no such erasure request."), field="id")
    return request


def confirm_erasure(request_id):
    """Erase the request's attendee records (and withdraw its certificates when
    asked); returns what was done."""
    request = erasure_request(request_id)
    if request["state"] != PENDING:
        raise ErasureRefused(409, _("This erasure request was already carried out."), field="id")
    certificates = held_for(request["key"], "Certificate")
    attendees = held_for(request["key"], "Attendee")
    for attendee in attendees:
        erase_attendee(attendee)
    for certificate in certificates:
        forget_addresses(certificate)
        if request["withdraw"]:
            withdraw_certificate(certificate)
        else:
            certificate.reindexObject()
    done = {
        "attendee_records": len(attendees),
        "certificates_withdrawn": len(certificates) if request["withdraw"] else 0,
    }
    request["state"] = CONFIRMED
    request["confirmed"] = _now()
    request["done"] = done
    # the digest has served its purpose: the register keeps nothing that points at the person
    request["key"] = None
    log_request(
        KIND,
        "confirmed: {attendee_records} records erased, "
        "{certificates_withdrawn} certificates withdrawn".format(**done),
        request_id,
    )
    return done


def pending_count(request):
    """How many records and certificates a pending request concerns."""
    return {
        "attendee_records": len(held_brains(request["key"], "Attendee")),
        "certificates": len(held_brains(request["key"], "Certificate")),
    }


def erasure_requests():
    """Every request, newest first, as the team sees it."""
    requests = privacy_register().get("requests", {})
    listed = []
    for request in requests.values():
        item = {
            "id": request["id"],
            "state": request["state"],
            "asked": request["asked"],
            "confirmed": request["confirmed"],
            "withdraw_certificates": request["withdraw"],
        }
        item.update(
            pending_count(request) if request["state"] == PENDING else request.get("done", {})
        )
        listed.append(item)
    return sorted(listed, key=lambda item: item["asked"], reverse=True)
