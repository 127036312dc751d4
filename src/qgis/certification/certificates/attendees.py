"""Adding attendees to a course from a parsed CSV file, all or none."""

from qgis.certification.certificates.adding_many import AddingMany
from qgis.certification.certificates.attendee_import import parse_attendees
from qgis.certification.certificates.issuing import attendees_of


def existing_emails(course):
    return {(brain._unrestrictedGetObject().email or "").lower() for brain in attendees_of(course)}


def import_attendees(course, data: bytes):
    """Returns ``(result, created, skipped)``; nothing is created when
    ``result.errors`` is not empty. Attendees whose e-mail is already in the
    course are skipped, not duplicated."""
    result = parse_attendees(data)
    if not result.ok:
        return result, [], []
    known = existing_emails(course)
    skipped = []
    with AddingMany(course, "Attendee") as adding:
        for row in result.rows:
            if row["email"] in known:
                skipped.append(row["email"])
                continue
            adding.add(first_name=row["first_name"], last_name=row["last_name"], email=row["email"])
            known.add(row["email"])
    return result, adding.added, skipped
