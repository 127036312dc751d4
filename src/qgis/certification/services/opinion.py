"""``@user-group-opinion`` on an organisation: a user group's recommendation."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

from qgis.certification import _
from qgis.certification.application import review


class OpinionsGet(Service):
    def reply(self):
        deadline = review.review_deadline(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@user-group-opinion",
            "review_state": api.content.get_state(self.context),
            "deadline": deadline.isoformat() if deadline else None,
            "user_groups": [
                {"uid": group.UID(), "title": group.Title()}
                for group in review.user_groups_of(self.context)
            ],
            "items": review.opinions(self.context),
        }


class OpinionPost(Service):
    def error(self, status, message, **details):
        self.request.response.setStatus(status)
        text = translate(message, context=self.request)
        return {"error": {"type": "BadRequest", "message": text, **details}}

    def reply(self):
        # A JSON API authenticated per request: CSRF tokens do not apply here,
        # as for plone.restapi's own POST services.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except DeserializationError:
            return self.error(400, _("The body must be a JSON object."))
        if not isinstance(data, dict):
            return self.error(400, _("The body must be a JSON object."))
        opinion = data.get("opinion")
        comment = (data.get("comment") or "").strip()
        if opinion not in review.OPINIONS:
            return self.error(400, _("'opinion' must be 'recommend' or 'oppose'."), field="opinion")
        if not comment:
            return self.error(
                400,
                _("Explain the group's opinion: a comment is required."),
                field="comment",
            )
        user_id = api.user.get_current().getId()
        groups = review.reviewer_groups(self.context, user_id)
        wanted = data.get("user_group")
        if wanted:
            groups = [g for g in groups if wanted in (g.UID(), g.getId())]
        if not groups:
            self.request.response.setStatus(403)
            return {
                "error": {
                    "type": "Forbidden",
                    "message": translate(
                        _("You are not a reviewer of a user group covering this country."),
                        context=self.request,
                    ),
                }
            }
        if len(groups) > 1:
            return self.error(
                400,
                _("You review for several user groups here: say which in 'user_group'."),
                field="user_group",
            )
        try:
            recorded = review.record_opinion(self.context, groups[0], user_id, opinion, comment)
        except review.OpinionRefused as refusal:
            return self.error(400, refusal.message, field="comment")
        self.request.response.setStatus(201)
        return recorded
