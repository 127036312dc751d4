"""``@credit-orders`` (ordering credits, by invoice or card) and ``@invoices``
(the orders and their invoices) on an organisation."""

from plone import api

from qgis.certification.payments import orders
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService


class CreditOrdersPost(ProductService):
    """``{"credits": <whole number>, "method": "invoice"|"card"}``; the order
    itself checks the number and the method."""

    fields = (Field("credits", int, required=True), Field("method", str, required=True))
    refusals = (orders.OrderError,)

    def answer(self):
        data = self.body()
        # the answer is built from the invoice just made: the catalog may not
        # hold it yet when other threads are indexing (see place_order_summary)
        summary = orders.place_order_summary(
            self.context, data["credits"], data["method"], api.user.get_current().getId()
        )
        self.request.response.setStatus(201)
        return summary


class InvoicesGet(ProductService):
    def answer(self):
        items = orders.order_summaries(self.context)
        return {"@id": f"{self.context.absolute_url()}/@invoices", "items": items}
