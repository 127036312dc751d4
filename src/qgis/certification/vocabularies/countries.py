"""ISO 3166-1 alpha-2 countries, named in the visitor's language (pycountry's catalogues)."""

from functools import lru_cache

import pycountry
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification.vocabularies.named import named_terms
from qgis.certification.vocabularies.named import title_of


@lru_cache(maxsize=16)
def _country_terms(language):
    countries = ((country.alpha_2, country.name) for country in pycountry.countries)
    return named_terms("iso3166-1", language, countries)


def country_name(code, language="en"):
    return title_of(_country_terms(language), code)


def current_language():
    try:
        return (api.portal.get_current_language() or "en").split("-")[0]
    except api.exc.CannotGetPortalError:
        return "en"


@provider(IVocabularyFactory)
def countries_vocabulary(context):
    return SimpleVocabulary(_country_terms(current_language()))
