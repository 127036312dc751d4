"""``POST /@review-deadlines``: the daily deadline run, for a running site
(``make review-deadlines`` calls it when the server answers). It reads no body."""

from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides

from qgis.certification.application.deadlines import process_review_deadlines
from qgis.certification.services.base import ProductService


class ReviewDeadlinesPost(ProductService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        return process_review_deadlines()
