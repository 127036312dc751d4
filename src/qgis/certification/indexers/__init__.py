import math

from plone.app.uuid.utils import uuidToObject
from plone.indexer import indexer

from qgis.certification.content.certificate import ICertificate
from qgis.certification.content.course import ICourse
from qgis.certification.content.organisation import ICertifyingOrganisation
from qgis.certification.content.trainer import ITrainerNomination
from qgis.certification.content.training_center import ITrainingCenter
from qgis.certification.content.urls import safe_url
from qgis.certification.content.user_group import IUserGroup


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


@indexer(ICourse)
def course_countries(obj):
    """The country of the course's training centre."""
    centre = _referenced(obj.training_center)
    country = getattr(centre, "country", None)
    return [country] if country else []


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


@indexer(ICourse)
def course_course_type(obj):
    """The UID of the course type, to find its courses when it is renamed."""
    if not obj.course_type:
        raise AttributeError("no course type")
    return obj.course_type


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
