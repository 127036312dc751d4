"""Languages a course may be taught in (ISO 639-1), named in English."""

from functools import lru_cache

import pycountry
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@lru_cache(maxsize=1)
def _language_terms():
    languages = [
        (language.alpha_2, language.name)
        for language in pycountry.languages
        if hasattr(language, "alpha_2")
    ]
    languages.sort(key=lambda item: item[1])
    return tuple(SimpleTerm(code, code, name) for code, name in languages)


@provider(IVocabularyFactory)
def course_languages_vocabulary(context):
    return SimpleVocabulary(_language_terms())
