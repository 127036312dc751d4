"""``@import-attendees`` on a course: attendees from a CSV body (``text/csv``),
all or none."""

from plone.protect.interfaces import IDisableCSRFProtection
from zope.i18n import translate
from zope.interface import alsoProvides

from qgis.certification import _
from qgis.certification.certificates import attendee_import
from qgis.certification.certificates.attendees import import_attendees
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


class ImportAttendeesPost(ProductService):
    """Refused files answer the error with ``rows``: ``{"line", "reason"}`` each."""

    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        length = int(self.request.get_header("Content-Length") or 0)
        if length > attendee_import.MAX_BYTES:
            raise ServiceError(
                413,
                _(
                    "The file is too large: at most ${limit} bytes are accepted.",
                    mapping={"limit": attendee_import.MAX_BYTES},
                ),
            )
        self.request.stdin.seek(0)
        data = self.request.stdin.read(attendee_import.MAX_BYTES + 1)
        result, created, skipped = import_attendees(self.context, data)
        if not result.ok:
            rows = [
                {"line": error["line"], "reason": translate(error["reason"], context=self.request)}
                for error in result.errors
            ]
            raise ServiceError(400, _("The file was not imported: nothing changed."), rows=rows)
        self.request.response.setStatus(201)
        return {
            "imported": len(created),
            "skipped": skipped,
            "items": [
                {"@id": attendee.absolute_url(), "UID": attendee.UID(), "name": attendee.Title()}
                for attendee in created
            ],
        }
