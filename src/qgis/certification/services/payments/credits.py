"""``@credits`` on an organisation: its balance and ledger (GET) and the
certification team's adjustments (POST)."""

from plone import api

from qgis.certification import _
from qgis.certification.certificates import issuing
from qgis.certification.payments.credits import EntryRefused
from qgis.certification.payments.credits import InsufficientCredits
from qgis.certification.payments.credits import ledger_of
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


def price():
    return {
        "amount": str(issuing.setting("credit_price")),
        "currency": issuing.setting("currency"),
    }


class CreditsGet(ProductService):
    def answer(self):
        ledger = ledger_of(self.context, create=False)
        return {
            "@id": f"{self.context.absolute_url()}/@credits",
            "balance": ledger.balance if ledger is not None else 0,
            "price": price(),
            "entries": ledger.entries() if ledger is not None else [],
        }


NOT_A_CREDIT_AMOUNT = _("'amount' must be a whole, non-zero number of credits.")


class CreditAdjustmentPost(ProductService):
    """The certification team's adjustment: a whole number of credits and a reason."""

    fields = (
        Field("amount", int, required=True, message=NOT_A_CREDIT_AMOUNT),
        Field(
            "reason",
            str,
            required=True,
            message=_("Say why the balance changes: 'reason' is required."),
        ),
    )

    def answer(self):
        data = self.body()
        if data["amount"] == 0:
            raise ServiceError(400, NOT_A_CREDIT_AMOUNT, field="amount")
        try:
            entry = ledger_of(self.context).append(
                data["amount"], "adjustment", data["reason"], api.user.get_current().getId()
            )
        except InsufficientCredits as refusal:
            raise ServiceError(400, refusal.message(), balance=refusal.balance) from refusal
        except EntryRefused as refusal:
            raise ServiceError(400, refusal.message, field=refusal.field) from refusal
        self.request.response.setStatus(201)
        return entry
