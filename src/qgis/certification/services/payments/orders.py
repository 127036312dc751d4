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
        order = orders.place_order(
            self.context, data["credits"], data["method"], api.user.get_current().getId()
        )
        self.request.response.setStatus(201)
        return orders.order_summary(order)


class InvoicesGet(ProductService):
    def answer(self):
        items = orders.order_summaries(self.context)
        return {"@id": f"{self.context.absolute_url()}/@invoices", "items": items}
