"""``POST /@review-deadlines``: the daily deadline run, for a running site
(``make review-deadlines`` calls it when the server answers)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from qgis.certification.application.deadlines import process_review_deadlines


class ReviewDeadlinesPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        return process_review_deadlines()
