"""The product's translations win over those of the packages it overrides.

zope.i18n keeps, per domain and language, a list of catalogues and takes a
message from the first that has it, in the order their ZCML was loaded. Plone
loads plone.app.locales (and z3c.form its own) before add-ons, so the
product's ``locales/<language>/LC_MESSAGES/plone.po`` would only fill gaps.
The ``qgis:preferTranslations`` directive moves the catalogues of a locales
folder to the front of their domains' lists, once every ``registerTranslations``
of the configuration has run.
"""

import os

from zope.component import queryUtility
from zope.configuration.fields import Path
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import Interface


# after the registerTranslations actions (order 0) of the same configuration
AFTER_REGISTRATIONS = 1


class IPreferTranslationsDirective(Interface):
    directory = Path(
        title="Directory",
        description="A locales folder registered with i18n:registerTranslations",
        required=True,
    )


def domain_names(directory):
    """The domains with a catalogue (.po) in the locales ``directory``."""
    found = set()
    for language in os.listdir(directory):
        folder = os.path.join(directory, language, "LC_MESSAGES")
        if os.path.isdir(folder):
            found.update(name[:-3] for name in os.listdir(folder) if name.endswith(".po"))
    return sorted(found)


def prefer_catalogues(directory, names):
    """Put the catalogues loaded from ``directory`` first in each domain of
    ``names``, for every language (their order among themselves is kept)."""
    prefix = os.path.join(os.path.normpath(directory), "")
    for name in names:
        domain = queryUtility(ITranslationDomain, name)
        if domain is None:
            continue
        for catalogues in domain.getCatalogsInfo().values():
            ours = [item for item in catalogues if str(item).startswith(prefix)]
            others = [item for item in catalogues if not str(item).startswith(prefix)]
            catalogues[:] = ours + others


def prefer_translations(_context, directory):
    _context.action(
        discriminator=None,
        callable=prefer_catalogues,
        args=(directory, domain_names(directory)),
        order=AFTER_REGISTRATIONS,
    )
