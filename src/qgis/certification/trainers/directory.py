"""Where certified trainers are shown, from the catalog only: the public
directory (trainers who agreed to be listed, of certified organisations),
an organisation's trainers, and whether a course's convener is certified.

Nominations are never public items: these queries ask the catalog without
the visitor's rights, for the certified states only, and return what the
``qgis_trainer`` metadata holds (never an e-mail address).
"""

from datetime import date

from plone import api

from qgis.certification.certificates.documents import verify_url
from qgis.certification.public import feeds
from qgis.certification.public import listings
from qgis.certification.trainers import validity


def _find(**query):
    return api.content.find(unrestricted=True, sort_on="sortable_title", **query)


def facts(brain):
    return feeds.value(brain, "qgis_trainer", {}) or {}


def listed_trainers(country=None, language=None, today=None):
    """(trainer, organisation) brains of the directory, by name."""
    organisations = feeds.published_organisations()
    if not organisations:
        return []
    query = validity.certified_query(today)
    query["qgis_listed"] = True
    if country:
        query["qgis_countries"] = country
    if language:
        query["qgis_languages"] = language
    return [
        (brain, organisations[feeds.parent_path(brain)])
        for brain in _find(**query)
        if feeds.parent_path(brain) in organisations
    ]


def organisation_trainers(organisation, today=None):
    """Brains of the organisation's certified trainers, listed or not."""
    path = "/".join(organisation.getPhysicalPath())
    return list(_find(path={"query": path, "depth": 1}, **validity.certified_query(today)))


def certified_convener(convener_uid, today=None):
    """Whether the convener is a certified trainer today."""
    if not convener_uid:
        return False
    return bool(_find(qgis_convener=convener_uid, **validity.certified_query(today)))


def certificate_code(brain):
    """The trainer certificate's code, from the catalog's code index."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog._catalog.getIndex("qgis_certificate_code").getEntryForObject(brain.getRID())


def trainer_row(brain, organisation, names):
    """What the directory shows of a trainer, with their certificate's
    verification page."""
    found = facts(brain)
    code = certificate_code(brain)
    return {
        "name": brain.Title,
        "organisation": organisation.Title,
        "organisation_url": organisation.getURL(),
        "country": found.get("country"),
        "country_name": names(found.get("country")),
        "languages": list(found.get("languages") or ()),
        "language_names": [listings.language_name(code) for code in found.get("languages") or ()],
        "valid_until": found.get("valid_until"),
        "verify_url": verify_url(code) if code else None,
    }


class TrainerFilters(listings.Filters):
    """The directory's filters: a country and a teaching language."""

    def __init__(self, form):
        super().__init__(form)
        self.country_code = self.country()
        self.language = self.course_language()

    def values(self):
        return {"country": self.country_code, "language": self.language}

    def results(self, today=None):
        return listed_trainers(self.country_code, self.language, today or date.today())
