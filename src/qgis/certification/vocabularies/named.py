"""Terms of codes named in a visitor's language from pycountry's catalogues."""

import gettext

import pycountry
from zope.schema.vocabulary import SimpleTerm


def named_terms(catalogue, language, items):
    """``(code, English name)`` ``items`` as terms titled in ``language`` (the
    pycountry gettext ``catalogue``, English when it lacks the language), in the
    order of their titles."""
    translation = gettext.translation(
        catalogue, pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
    named = [(code, translation.gettext(name)) for code, name in items]
    named.sort(key=lambda item: item[1].casefold())
    return tuple(SimpleTerm(code, code, name) for code, name in named)


def title_of(terms, code):
    """The title of ``code`` among ``terms``, or the code itself."""
    for term in terms:
        if term.value == code:
            return term.title
    return code
