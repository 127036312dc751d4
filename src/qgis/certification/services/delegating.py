"""Handing a checked body on to one of plone.restapi's own services, its
refusals answered in the product's error shape and never committed.

plone.restapi's content and workflow services answer some refusals by
returning an error body rather than raising, and the publisher then commits
what the service changed before it refused (a transition done on the item
before one of its children refused, a field set before the next one failed).
"""

import transaction

from qgis.certification.services.base import ServiceError


def delegate(service, reply):
    """``reply(service)``, plone.restapi's answer; a refusal dooms the
    transaction (the publisher aborts it) and is raised as a ServiceError."""
    result = reply(service)
    status = service.request.response.getStatus()
    if status < 400:
        return result
    transaction.doom()
    error = result.get("error", result) if isinstance(result, dict) else {}
    details = {"type": error["type"]} if "type" in error else {}
    raise ServiceError(status, error.get("message", ""), **details)
