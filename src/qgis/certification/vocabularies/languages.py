"""Languages a course may be taught in (ISO 639-1), named in the visitor's
language (pycountry's catalogues, as for countries)."""

from functools import lru_cache

import pycountry
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification.vocabularies.countries import current_language
from qgis.certification.vocabularies.named import named_terms
from qgis.certification.vocabularies.named import title_of


@lru_cache(maxsize=16)
def _language_terms(language):
    languages = (
        (item.alpha_2, item.name) for item in pycountry.languages if hasattr(item, "alpha_2")
    )
    return named_terms("iso639-3", language, languages)


def language_name(code, language="en"):
    return title_of(_language_terms(language), code)


@provider(IVocabularyFactory)
def course_languages_vocabulary(context):
    return SimpleVocabulary(_language_terms(current_language()))
