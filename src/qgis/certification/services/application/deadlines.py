"""``POST /@review-deadlines``: the daily deadline run, for a running site
(``make review-deadlines`` calls it when the server answers): review deadlines,
then trainer certificates that lapse or end soon. It reads no body."""

from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides

from qgis.certification.application.deadlines import process_review_deadlines
from qgis.certification.services.base import ProductService
from qgis.certification.trainers.validity import process_trainer_validity


class ReviewDeadlinesPost(ProductService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        return {**process_review_deadlines(), **process_trainer_validity()}
