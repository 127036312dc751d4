"""``@revoke`` on a certificate: revoke it with the team's refund choice
(``@workflow/revoke`` works too, without a refund)."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

from qgis.certification.certificates import issuing
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


class RevokePost(ProductService):
    """``{"comment": "why", "refund": true|false}``; the workflow requires the comment."""

    fields = (Field("comment", str, default=""), Field("refund", bool, default=False))

    def answer(self):
        data = self.body()
        refund = data["refund"] and issuing.may_act_late(self.context)
        try:
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context, "revoke", comment=data["comment"], refund=refund
            )
        except WorkflowException as refusal:
            raise ServiceError(400, str(refusal)) from refusal
        return {"state": "revoked", "balance": issuing.balance_for(self.context)}
