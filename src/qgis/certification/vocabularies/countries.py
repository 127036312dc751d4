"""ISO 3166-1 alpha-2 countries, named in the visitor's language (pycountry's catalogues)."""

import gettext
from functools import lru_cache

import pycountry
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@lru_cache(maxsize=16)
def _country_terms(language):
    translation = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
    countries = [
        (country.alpha_2, translation.gettext(country.name)) for country in pycountry.countries
    ]
    countries.sort(key=lambda item: item[1].casefold())
    return tuple(SimpleTerm(code, code, name) for code, name in countries)


def country_name(code, language="en"):
    for term in _country_terms(language):
        if term.value == code:
            return term.title
    return code


def current_language():
    try:
        return (api.portal.get_current_language() or "en").split("-")[0]
    except api.exc.CannotGetPortalError:
        return "en"


@provider(IVocabularyFactory)
def countries_vocabulary(context):
    return SimpleVocabulary(_country_terms(current_language()))
