"""``@user-group-opinion`` on an organisation: a user group's recommendation."""

from plone import api

from qgis.certification import _
from qgis.certification.application import history
from qgis.certification.application import review
from qgis.certification.application import reviewers
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


class OpinionsGet(ProductService):
    def answer(self):
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
            # What changed since each user group last gave its opinion.
            "since_opinion": history.changes_since_opinions(self.context),
        }


class OpinionPost(ProductService):
    """``{"opinion": "recommend"|"oppose", "comment": "...", "user_group": uid or id}``"""

    fields = (
        Field(
            "opinion",
            str,
            required=True,
            choices=review.OPINIONS,
            message=_("'opinion' must be 'recommend' or 'oppose'."),
        ),
        Field(
            "comment",
            str,
            required=True,
            missing=_("Explain the group's opinion: a comment is required."),
        ),
        Field("user_group", str),
    )

    def answer(self):
        data = self.body()
        user_id = api.user.get_current().getId()
        groups = reviewers.reviewer_groups(self.context, user_id)
        wanted = data["user_group"]
        if wanted:
            groups = [g for g in groups if wanted in (g.UID(), g.getId())]
        if not groups:
            raise ServiceError(
                403, _("You are not a reviewer of a user group covering this country.")
            )
        if len(groups) > 1:
            raise ServiceError(
                400,
                _("You review for several user groups here: say which in 'user_group'."),
                field="user_group",
            )
        try:
            recorded = review.record_opinion(
                self.context, groups[0], user_id, data["opinion"], data["comment"]
            )
        except review.OpinionRefused as refusal:
            raise ServiceError(400, refusal.message, field="comment") from refusal
        self.request.response.setStatus(201)
        return recorded
