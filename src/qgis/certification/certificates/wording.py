"""The certificate wording of each language, kept in the registry.

Each language has one set of records ``qgis.certification.certificate_wording/
<language>.<text>`` (schema ``ICertificateWording``), which the certification
team edits in Site Setup → *QGIS certificate wording* and may add for a new
language. A certificate is printed only in its own language: issuing in a
language whose wording is missing or incomplete is refused, naming it.
"""

import logging

from babel.core import Locale
from babel.core import UnknownLocaleError
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification import _
from qgis.certification.certificates.shipped_wording import SHIPPED_WORDING
from qgis.certification.interfaces import ICertificateWording
from qgis.certification.pdf.wording import CertificateWording
from qgis.certification.refusals import Refusal


logger = logging.getLogger(__name__)

PREFIX = "qgis.certification.certificate_wording"


class MissingWording(Refusal):
    """No (complete) certificate wording in a language."""


def shipped(language: str) -> CertificateWording | None:
    """The wording the product ships for ``language`` (no site needed), or None."""
    texts = SHIPPED_WORDING.get(language)
    return CertificateWording(language=language, **texts) if texts else None


def _collection():
    registry = getUtility(IRegistry)
    return registry.collectionOfInterface(ICertificateWording, prefix=PREFIX, check=False)


def languages() -> list[str]:
    """The languages that have wording records, complete or not."""
    return sorted(_collection().keys())


def stored_texts(language: str) -> dict[str, str]:
    """The texts stored for ``language`` (empty texts included); {} when none."""
    collection = _collection()
    if language not in collection.keys():  # noqa: SIM118 (a registry proxy, not a dict)
        return {}
    proxy = collection[language]
    return {name: getattr(proxy, name, None) or "" for name in CertificateWording.text_names()}


def wording_for(language: str) -> CertificateWording | None:
    """The complete wording of ``language``, or None when a text is missing."""
    texts = stored_texts(language)
    if not texts or not all(value.strip() for value in texts.values()):
        return None
    return CertificateWording(language=language, **texts)


def language_name(code: str, in_language: str | None = None) -> str:
    """The name of the language ``code`` in ``in_language`` (the page's), with its code."""
    in_language = in_language or (api.portal.get_current_language() or "en")[:2]
    try:
        name = Locale.parse(in_language).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return f"{name} ({code})" if name else code


def require_wording(language: str) -> CertificateWording:
    """The wording of ``language``; MissingWording (400) names the language when none."""
    wording = wording_for(language)
    if wording is None:
        raise MissingWording(
            400,
            _(
                "Certificates cannot be printed in ${language} yet: the certificate wording "
                "in this language is missing. The certification team adds it in Site Setup "
                "→ QGIS certificate wording.",
                mapping={"language": language_name(language)},
            ),
            field="certificate_language",
            language=language,
        )
    return wording


def certificate_sentence(language: str, type_id: str) -> str:
    """The sentence of a ``type_id`` certificate in ``language``, or MissingWording."""
    sentence = require_wording(language).sentence(type_id)
    if not sentence:
        raise MissingWording(
            400,
            _(
                "The certificate wording in ${language} has no sentence for the certificate "
                "type '${type}'.",
                mapping={"language": language_name(language), "type": type_id},
            ),
            field="certificate_type",
            language=language,
        )
    return sentence


def _stored_type_sentences(portal) -> dict:
    """Sentences edited on the certificate types before wording moved to the registry
    (``wording_<language>`` attributes of the completion and attendance types)."""
    folder = portal.get("certificate-types")
    found = {}
    for type_id in ("completion", "attendance"):
        item = folder.get(type_id) if folder is not None else None
        for language in ("en", "ro", "sv"):
            value = getattr(item, f"wording_{language}", None) if item is not None else None
            if value and value.strip():
                found.setdefault(language, {})[type_id] = value.strip()
    return found


def ensure_shipped_wording(portal=None) -> list[str]:
    """Add the shipped wording of every language that has none; returns those added.

    Existing records are never overwritten (the team's edits stay); sentences
    kept on the certificate types by earlier versions are carried over."""
    portal = portal or api.portal.get()
    collection = _collection()
    existing = set(collection.keys())
    carried = _stored_type_sentences(portal)
    added = []
    for language, texts in SHIPPED_WORDING.items():
        if language in existing:
            continue
        proxy = collection.add(language)
        for name, value in {**texts, **carried.get(language, {})}.items():
            setattr(proxy, name, value)
        added.append(language)
    if added:
        logger.info("Certificate wording added for %s", ", ".join(added))
    return added


def add_language(language: str):
    """Empty wording records for ``language`` (the team fills them in)."""
    return _collection().add(language)
