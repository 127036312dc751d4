"""``GET <nomination>/@trainer-evidence``: the courses the convener taught
here and the convener's own QGIS certificates, found in the programme's data."""

from qgis.certification.services.base import ProductService
from qgis.certification.trainers import evidence


class EvidenceGet(ProductService):
    def answer(self):
        return evidence.summary(self.context)
