"""``@@upcoming-courses.ics``: the upcoming published courses as an iCalendar feed,
of the whole programme (on the site root) or of one certified organisation.
Both take the filters of the upcoming courses page (``country``,
``language``, ``from`` and ``to``, the first and last start date); a filter it
cannot use answers 400 with the reason.

Read from the catalog only (see ``qgis.certification.public.feeds``); one all-day event
per course, whose UID (``<course UID>@<host>``) stays the same from one read to
the next so that calendars update the event instead of adding a new one.
"""

from datetime import UTC
from datetime import timedelta
from urllib.parse import urlparse

from icalendar import Calendar
from icalendar import Event
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.content.organisation import ICertifyingOrganisation
from qgis.certification.public import feeds
from qgis.certification.public import listings
from qgis.certification.public.queries import Addresses
from qgis.certification.public.ready_answers import ready
from qgis.certification.vocabularies.countries import current_language


PRODID = "-//QGIS Certification Programme//qgis.certification//EN"


class UpcomingCoursesCalendar(BrowserView):
    filters = None

    def __call__(self):
        response = self.request.response
        self.filters = listings.CourseFilters(self.request.form)
        if self.filters.errors:
            response.setStatus(400)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return "\n".join(
                f"{field}: {translate(message, context=self.request)}"
                for field, message in sorted(self.filters.errors.items())
            )
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", 'inline; filename="upcoming-courses.ics"')
        response.setHeader("Access-Control-Allow-Origin", "*")
        # built once for each state of what it shows (public.ready_answers)
        parameters = (
            "calendar",
            self.organisation_path(),
            tuple(sorted(self.filters.params().items())),
            current_language(),
        )
        return ready(parameters, lambda: self.calendar().to_ical())

    def organisation_path(self):
        if ICertifyingOrganisation.providedBy(self.context):
            return "/".join(self.context.getPhysicalPath())
        return None

    def calendar_name(self):
        if ICertifyingOrganisation.providedBy(self.context):
            message = _(
                "Upcoming QGIS courses of ${organisation}",
                mapping={"organisation": self.context.Title()},
            )
        else:
            message = _("Upcoming QGIS courses")
        return translate(message, context=self.request)

    def calendar(self):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", self.calendar_name())
        host = urlparse(api.portal.get().absolute_url()).hostname or "localhost"
        names, urls = feeds.CountryNames(), Addresses()
        for course, organisation in listings.courses(
            when="upcoming",
            organisation_path=self.organisation_path(),
            **(self.filters.query() if self.filters else {}),
        ):
            dates = feeds.course_dates(course)
            # a course whose stored dates no calendar can hold is left out
            if dates is not None:
                event = self.event(course, organisation, host, names, dates)
                event.add("url", urls(course))
                calendar.add_component(event)
        return calendar

    def event(self, course, organisation, host, names, dates):
        summary = feeds.value(course, "qgis_course", {})
        start, end = dates
        event = Event()
        event.add("uid", f"{course.UID}@{host}")
        event.add("dtstamp", course.modified.asdatetime().astimezone(UTC))
        event.add("dtstart", start)
        # all-day events end on the day after the last one (RFC 5545: DTEND is exclusive)
        event.add("dtend", end + timedelta(days=1))
        event.add("summary", course.Title)
        place = [summary.get("training_center"), names(feeds.country_of(course))]
        event.add("location", ", ".join(part for part in place if part))
        details = [organisation.Title, summary.get("course_type")]
        event.add("description", " - ".join(part for part in details if part))
        return event
