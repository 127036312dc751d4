"""``@workflow/<transition>`` (POST) on the programme's content: plone.restapi's
transition, its body checked first and its refusals in the product's error
shape.

plone.restapi's own service answers a server error to a body that is not a
JSON object or a comment that is not text, and it answers its refusals (a
guard, a date it cannot read) after it may have changed the item, the
transaction then being committed with the error answer. Here the body is
checked before anything happens, and a refused transition writes nothing.
"""

import json

from plone import api
from plone.restapi.services.workflow.transition import WorkflowTransition

from qgis.certification import _
from qgis.certification.application.review import MAX_COMMENT_LENGTH
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError
from qgis.certification.services.delegating import delegate


TOO_LONG = _(
    "The comment is too long: at most ${max} characters.", mapping={"max": MAX_COMMENT_LENGTH}
)


class ReviewWorkflowTransition(ProductService, WorkflowTransition):
    """``{"comment": "...", "include_children": bool, "effective": "...", "expires": "..."}``"""

    fields = (
        Field("comment", str, default=""),
        Field("include_children", bool, default=False),
        Field("effective", str),
        Field("expires", str),
    )

    def answer(self):
        data = self.body()
        if len(data["comment"]) > MAX_COMMENT_LENGTH:
            raise ServiceError(400, TOO_LONG, field="comment")
        if self.transition is not None and not self.available():
            raise ServiceError(400, self.not_available(), type="WorkflowException")
        # plone.restapi's transition reads the checked body
        checked = {name: value for name, value in data.items() if value is not None}
        self.request.other["BODY"] = json.dumps(checked).encode()
        return delegate(self, WorkflowTransition.reply)

    def available(self):
        """Whether the current user may take the transition from the item's
        state. plone.restapi answers 200 when the item already sits in the
        transition's target state; for the programme's workflows a repeated
        transition (a second ``mark_paid``, a second ``retract``) is a mistake
        worth telling."""
        return any(
            transition["id"] == self.transition
            for transition in self.wftool.getTransitionsFor(self.context)
        )

    def not_available(self):
        return _(
            "The transition '${transition}' is not available for this item in its "
            "state '${state}': nothing changed.",
            mapping={"transition": self.transition, "state": api.content.get_state(self.context)},
        )
