"""ISO 3166-1 alpha-2 countries, named in the visitor's language (pycountry's catalogues)."""

from functools import lru_cache

import pycountry
from plone import api
from zope.globalrequest import getRequest
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification.vocabularies.named import named_terms


@lru_cache(maxsize=16)
def _country_terms(language):
    countries = ((country.alpha_2, country.name) for country in pycountry.countries)
    return named_terms("iso3166-1", language, countries)


@lru_cache(maxsize=16)
def country_names(language):
    """{code: name} of every country in ``language``, computed once per language."""
    return {term.value: term.title for term in _country_terms(language)}


def country_name(code, language="en"):
    """The name of the country ``code`` in ``language`` (the code itself when unknown)."""
    return country_names(language).get(code, code)


def is_country(code):
    """Whether ``code`` is an ISO 3166-1 alpha-2 code (upper case)."""
    return code in country_names("en")


def current_language():
    """The language of the request being served; English outside a request
    (scripts, the daily run), where plone.api has no request to read."""
    if getRequest() is None:
        return "en"
    try:
        return (api.portal.get_current_language() or "en").split("-")[0]
    except api.exc.CannotGetPortalError:
        return "en"


@provider(IVocabularyFactory)
def countries_vocabulary(context):
    return SimpleVocabulary(_country_terms(current_language()))
