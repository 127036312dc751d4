"""The certification team's erasure requests: ``GET /@erasure-requests``
lists them; ``POST /@erasure-requests`` ``{"id"}`` confirms one, which
erases the attendee records (and withdraws the certificates when asked)."""

from qgis.certification.privacy import erasure
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService


class ErasureRequestsGet(ProductService):
    def answer(self):
        return {"items": erasure.erasure_requests()}


class ErasureConfirmPost(ProductService):
    fields = (Field("id", str, required=True),)
    refusals = (erasure.ErasureRefused,)

    def answer(self):
        request_id = self.body()["id"]
        done = erasure.confirm_erasure(request_id)
        return {"id": request_id, "state": erasure.CONFIRMED, **done}
