"""``POST /@review-deadlines``: the daily run, for a running site (``make
review-deadlines`` calls it when the server answers): the review deadlines,
then the removal of attendee records whose retention ended, then trainer
certificates that lapse or end soon. It reads no body."""

from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides

from qgis.certification.application.deadlines import process_review_deadlines
from qgis.certification.privacy.retention import remove_expired_attendees
from qgis.certification.services.base import ProductService
from qgis.certification.trainers.validity import process_trainer_validity


class ReviewDeadlinesPost(ProductService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        result = process_review_deadlines()
        result["attendees_removed"] = remove_expired_attendees()
        result.update(process_trainer_validity())
        return result
