"""``POST /@stripe-webhook``: Stripe's signed notification of a completed
Checkout payment. The body is read as it came: the signature covers its bytes."""

from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides

from qgis.certification.payments import orders
from qgis.certification.services.base import ProductService


MAX_PAYLOAD = 1_000_000


class StripeWebhookPost(ProductService):
    refusals = (orders.OrderError,)

    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        self.request.stdin.seek(0)
        payload = self.request.stdin.read(MAX_PAYLOAD)
        signature = self.request.get_header("Stripe-Signature") or ""
        return {"status": orders.handle_stripe_event(payload, signature)}
