"""``@history`` (GET) on the parts of an application: its versions and its
review history, read through ``application.history``.

plone.restapi's service answers a server error for a version that is not a
number or not kept; here those answer 400 and 404 in the product's error
shape. In the listing, the review history's comments and actors that the
reader may not see are left out (see ``application.history``).
"""

from plone.restapi.services.history.get import HistoryGet

from qgis.certification import _
from qgis.certification.application import history
from qgis.certification.services.base import Field
from qgis.certification.services.base import ServiceError
from qgis.certification.services.base import error_body


HIDDEN_ACTOR = {"@id": None, "id": None, "fullname": None, "username": None}


def filtered(context, items):
    """The listing's review-history steps, with what the reader may not see removed."""
    for item in items:
        if item.get("type") != "workflow":
            continue
        actor_id = (item.get("actor") or {}).get("id")
        if not history.comment_shown(context, item.get("action"), actor_id):
            item["comments"] = ""
        if not history.actor_shown(context, actor_id):
            item["actor"] = dict(HIDDEN_ACTOR)
    return items


def checked_version(context, version):
    """The version asked for: "current" or the id of a kept version; raises
    ServiceError."""
    if version == "current":
        return version
    if not version.isdigit():
        field = Field("version", int)
        raise field.fault(field.expected())
    if int(version) not in history.version_ids(context):
        raise ServiceError(404, _("There is no such version."), "version")
    return version


class ApplicationHistoryGet(HistoryGet):
    def reply(self):
        if self.version:
            try:
                self.version = checked_version(self.context, self.version)
            except ServiceError as refusal:
                self.request.response.setStatus(refusal.status)
                return error_body(self.request, refusal.status, refusal.message, refusal.errors)
            return super().reply()
        return filtered(self.context, super().reply())
