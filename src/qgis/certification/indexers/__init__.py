import math

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.app.uuid.utils import uuidToObject
from plone.indexer import indexer

from qgis.certification.content.attendee import IAttendee
from qgis.certification.content.certificate import ICertificate
from qgis.certification.content.course import ICourse
from qgis.certification.content.invoice import IInvoice
from qgis.certification.content.organisation import ICertifyingOrganisation
from qgis.certification.content.trainer import ITrainerNomination
from qgis.certification.content.training_center import ITrainingCenter
from qgis.certification.content.urls import safe_url
from qgis.certification.content.user_group import IUserGroup
from qgis.certification.privacy.register import address_key
from qgis.certification.work import indexing as work


@indexer(ICertifyingOrganisation)
def organisation_countries(obj):
    return [obj.country] if obj.country else []


@indexer(ITrainingCenter)
def training_center_countries(obj):
    return [obj.country] if obj.country else []


@indexer(IUserGroup)
def user_group_countries(obj):
    return list(obj.countries or [])


@indexer(IUserGroup)
def user_group_members(obj):
    return list(obj.members or [])


@indexer(ICertificate)
def certificate_code(obj):
    return obj.code


@indexer(ICertificate)
def certificate_pdf_fingerprints(obj):
    """The SHA-256 fingerprints of the certificate's PDFs handed out (see
    ``certificates.fingerprints``)."""
    fingerprints = [digest for digest, _replaced_on in getattr(obj, "pdf_fingerprints", ())]
    if not fingerprints:
        raise AttributeError("no PDF handed out yet")
    return fingerprints


@indexer(ICertifyingOrganisation)
def organisation_certificate_code(obj):
    from qgis.certification.certificates.organisation_certificate import organisation_certificate

    record = organisation_certificate(obj)
    if record is None:
        raise AttributeError("no organisation certificate")
    return record["code"]


# -- the public feeds ----------------------------------------------------------
# Everything a feed shows is read from catalog brains: the organisation's website,
# a training centre's position, and a course's dates, place and kind.


@indexer(ICertifyingOrganisation)
def organisation_website(obj):
    website = safe_url(obj.website)
    if website is None:
        raise AttributeError("no website that may be shown")
    return website


def _position(centre):
    latitude = getattr(centre, "latitude", None)
    longitude = getattr(centre, "longitude", None)
    if latitude is None or longitude is None:
        raise AttributeError("no position")
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        raise AttributeError("no position that is a number")
    return [latitude, longitude]


@indexer(ITrainingCenter)
def training_center_geo(obj):
    """[latitude, longitude], when both are known."""
    return _position(obj)


def _referenced(uid):
    """The item of the course's organisation a course field points at, or None."""
    return uuidToObject(uid, unrestricted=True) if uid else None


@indexer(ICourse)
def course_geo(obj):
    """The position of the course's training centre."""
    centre = _referenced(obj.training_center)
    if centre is None:
        raise AttributeError("no training centre")
    return _position(centre)


def _course_country(course):
    centre = _referenced(course.training_center)
    country = getattr(centre, "country", None)
    return [country] if country else []


@indexer(ICourse)
def course_countries(obj):
    """The country of the course's training centre."""
    return _course_country(obj)


@indexer(ICourse)
def course_start(obj):
    if obj.start_date is None:
        raise AttributeError("no start date")
    return obj.start_date


@indexer(ICourse)
def course_end(obj):
    if obj.end_date is None:
        raise AttributeError("no end date")
    return obj.end_date


@indexer(ICourse)
def course_training_center(obj):
    """The UID of the training centre, to find its courses when it changes."""
    if not obj.training_center:
        raise AttributeError("no training centre")
    return obj.training_center


def _course_type(course):
    if not course.course_type:
        raise AttributeError("no course type")
    return course.course_type


@indexer(ICourse)
def course_course_type(obj):
    """The UID of the course type, to find its courses when it is renamed."""
    return _course_type(obj)


@indexer(ICourse)
def course_summary(obj):
    """What the feeds show of a course besides its title, place and country."""
    centre = _referenced(obj.training_center)
    course_type = _referenced(obj.course_type)
    return {
        "start_date": obj.start_date.isoformat() if obj.start_date else None,
        "end_date": obj.end_date.isoformat() if obj.end_date else None,
        "language": obj.course_language,
        "course_type": course_type.Title() if course_type is not None else None,
        "training_center": centre.Title() if centre is not None else None,
    }


# -- certified trainers ------------------------------------------------------
# Nominations are found by their convener (as courses are: the convener's
# courses, and a course's "certified trainer" mark), country, teaching
# languages, consent to be listed and end date; certificates by their holder.


def _present(name, why):
    """An indexer body: the attribute ``name``, or not indexed (``why``) when empty."""

    def value(obj):
        found = getattr(obj, name, None)
        if not found:
            raise AttributeError(why)
        return found

    return value


course_convener = indexer(ICourse)(_present("convener", "no convener"))
trainer_convener = indexer(ITrainerNomination)(_present("convener", "no convener"))
trainer_valid_until = indexer(ITrainerNomination)(_present("valid_until", "not certified yet"))
trainer_certificate_code = indexer(ITrainerNomination)(_present("code", "no certificate yet"))
trainer_countries = indexer(ITrainerNomination)(organisation_countries.callable)
trainer_languages = indexer(ITrainerNomination)(lambda obj: list(obj.teaching_languages or []))
trainer_listed = indexer(ITrainerNomination)(lambda obj: bool(obj.listed_publicly))


@indexer(ITrainerNomination)
def trainer_summary(obj):
    """What the directory and the organisation page show besides the name."""
    valid_until = obj.valid_until.isoformat() if obj.valid_until else None
    languages = list(obj.teaching_languages or [])
    return {"country": obj.country, "languages": languages, "valid_until": valid_until}


@indexer(ICertificate)
def certificate_holder_email(obj):
    """The attendee's address, lower case: the certificates of a nominated trainer."""
    email = getattr(_referenced(obj.attendee), "email", None)
    if not email:
        raise AttributeError("no holder address")
    return email.strip().lower()


# -- attendees' data requests ---------------------------------------------------
# An attendee and the certificates they received are found by the keyed digest
# of the attendee's address; the address itself is never indexed.


def _email_key(attendee):
    key = address_key(getattr(attendee, "email", None))
    if key is None:
        raise AttributeError("no address")
    return key


@indexer(IAttendee)
def attendee_email_key(obj):
    return _email_key(obj)


@indexer(ICertificate)
def certificate_email_key(obj):
    return _email_key(_referenced(obj.attendee))


# -- the programme in figures ---------------------------------------------------
# ``qgis_month`` is the month an item counts for in the statistics (an
# organisation's first certification, a course's start, a certificate's issue),
# and a certificate is indexed with its course's country and course type, so
# that the figures are counted from the indexes alone (public/statistics.py).


ORGANISATION_WORKFLOW = "qgis_organisation_workflow"
TRAINER_WORKFLOW = "qgis_trainer_workflow"


def _month(day):
    return f"{day.year:04d}-{day.month:02d}"


def _first_month_in(obj, workflow_id, state):
    """The month ``obj`` first entered ``state`` of ``workflow_id``."""
    history = getattr(aq_base(obj), "workflow_history", {}).get(workflow_id, ())
    for status in history:
        if status.get("review_state") == state and status.get("time") is not None:
            return _month(status["time"].asdatetime())
    raise AttributeError("never certified")


@indexer(ICertifyingOrganisation)
def organisation_month(obj):
    """The month the organisation was first certified (first entered ``published``)."""
    return _first_month_in(obj, ORGANISATION_WORKFLOW, "published")


@indexer(ITrainerNomination)
def trainer_month(obj):
    """The month the trainer was first certified (the nomination first ``approved``)."""
    return _first_month_in(obj, TRAINER_WORKFLOW, "approved")


@indexer(ICourse)
def course_month(obj):
    if obj.start_date is None:
        raise AttributeError("no start date")
    return _month(obj.start_date)


@indexer(ICertificate)
def certificate_month(obj):
    if obj.issue_date is None:
        raise AttributeError("no issue date")
    return _month(obj.issue_date)


def _course_of(certificate):
    course = aq_parent(aq_inner(certificate))
    if not ICourse.providedBy(course):
        raise AttributeError("not in a course")
    return course


@indexer(ICertificate)
def certificate_countries(obj):
    """The country of the certificate's course (its training centre's)."""
    return _course_country(_course_of(obj))


@indexer(ICertificate)
def certificate_course_type(obj):
    """The UID of the certificate's course type."""
    return _course_type(_course_of(obj))


# -- "my work" ------------------------------------------------------------------
# Who owns or convenes an item (keyed), when it entered its state, its deadline,
# an application's current opinions (keyed) and the metadata the sections show
# (qgis.certification.work.indexing).


organisation_people = indexer(ICertifyingOrganisation)(work.people)
course_people = indexer(ICourse)(work.people)
organisation_since = indexer(ICertifyingOrganisation)(work.state_entered)
organisation_deadline = indexer(ICertifyingOrganisation)(work.organisation_deadline)
organisation_opinions = indexer(ICertifyingOrganisation)(work.organisation_opinions)
organisation_work = indexer(ICertifyingOrganisation)(work.organisation_work)
invoice_since = indexer(IInvoice)(work.invoice_date("issue_date"))
invoice_deadline = indexer(IInvoice)(work.invoice_date("due_date"))
invoice_work = indexer(IInvoice)(work.invoice_work)
