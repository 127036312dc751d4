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
        # plone.restapi's transition reads the checked body
        checked = {name: value for name, value in data.items() if value is not None}
        self.request.other["BODY"] = json.dumps(checked).encode()
        return delegate(self, WorkflowTransition.reply)
