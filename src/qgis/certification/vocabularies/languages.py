"""Languages a course may be taught in (ISO 639-1), named in the visitor's
language (pycountry's catalogues, as for countries)."""

import gettext
from functools import lru_cache

import pycountry
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification.vocabularies.countries import current_language


@lru_cache(maxsize=16)
def _language_terms(language):
    translation = gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
    languages = [
        (item.alpha_2, translation.gettext(item.name))
        for item in pycountry.languages
        if hasattr(item, "alpha_2")
    ]
    languages.sort(key=lambda item: item[1].casefold())
    return tuple(SimpleTerm(code, code, name) for code, name in languages)


def language_name(code, language="en"):
    for term in _language_terms(language):
        if term.value == code:
            return term.title
    return code


@provider(IVocabularyFactory)
def course_languages_vocabulary(context):
    return SimpleVocabulary(_language_terms(current_language()))
