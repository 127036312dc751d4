"""The product's own entries in Plone's domain (locales/{ro,sv}/LC_MESSAGES/plone.po)
win over plone.app.locales, which zope.i18n would otherwise ask first."""

from pathlib import Path

import plone.app.locales
import pytest
from babel.messages.pofile import read_po
from zope.component import getUtility
from zope.i18n import translate
from zope.i18n.interfaces import ITranslationDomain

import qgis.certification
from qgis.certification.catalogue_order import prefer_catalogues


LOCALES = Path(qgis.certification.__file__).parent / "locales"
PLONE_LOCALES = Path(plone.app.locales.__file__).parent / "locales"


def read(path, language):
    with open(path, "rb") as po:
        return read_po(po, locale=language)


def plone_entry(language, msgid):
    """plone.app.locales' own entry for ``msgid`` (compiled unless fuzzy)."""
    return read(PLONE_LOCALES / language / "LC_MESSAGES" / "plone.po", language)[msgid]


def test_the_products_translation_wins_over_a_translation_plone_has(portal):
    # Plone's Romanian catalogue "translates" this one with its own msgid, so
    # the login page showed "enable_cookies_message_before_login"
    msgid = "enable_cookies_message_before_login"
    plone = plone_entry("ro", msgid)
    assert not plone.fuzzy
    assert plone.string == msgid
    assert translate(msgid, domain="plone", target_language="ro") == (
        "Cookie-urile sunt dezactivate. Activați-le în browser înainte de a vă autentifica."
    )


@pytest.mark.parametrize(
    ("language", "domain"),
    [("ro", "plone"), ("ro", "plonelocales"), ("sv", "plone"), ("sv", "z3c.form")],
)
def test_every_entry_of_the_products_catalogue_is_what_shows(portal, language, domain):
    ours = read(LOCALES / language / "LC_MESSAGES" / f"{domain}.po", language)
    entries = [message for message in ours if message.id and message.string]
    assert entries
    wrong = [
        message.id
        for message in entries
        if translate(message.id, domain=domain, target_language=language) != message.string
    ]
    assert wrong == []


def test_plones_other_translations_stay(portal):
    assert translate("label_title", domain="plone", target_language="ro") == (
        plone_entry("ro", "label_title").string
    )


def test_the_products_catalogues_come_first_in_every_domain_they_share(portal):
    for name in ("plone", "z3c.form"):
        catalogues = getUtility(ITranslationDomain, name).getCatalogsInfo()
        for language in ("ro", "sv"):
            ours = [item for item in catalogues[language] if item.startswith(str(LOCALES))]
            if ours:
                assert catalogues[language][: len(ours)] == ours, (name, language)
    assert any(
        item.startswith(str(LOCALES))
        for item in getUtility(ITranslationDomain, "z3c.form").getCatalogsInfo()["sv"]
    )


class FakeDomain:
    def __init__(self, catalogues):
        self.catalogues = catalogues

    def getCatalogsInfo(self):
        return self.catalogues


def test_prefer_catalogues_keeps_each_sides_order(monkeypatch, tmp_path):
    ours = str(tmp_path / "locales")
    info = {"ro": ["/plone/a.mo", f"{ours}/ro/LC_MESSAGES/plone.mo", "/other/b.mo"]}
    monkeypatch.setattr(
        "qgis.certification.catalogue_order.queryUtility",
        lambda _interface, name: FakeDomain(info) if name == "plone" else None,
    )
    prefer_catalogues(ours, ["plone", "missing"])
    assert info["ro"] == [f"{ours}/ro/LC_MESSAGES/plone.mo", "/plone/a.mo", "/other/b.mo"]


def test_romanian_dates_are_written_day_month_year(site):
    """plone.app.locales writes Romanian dates in ISO order; the product's
    plonelocales catalogue gives the order Romanian readers use."""
    from DateTime import DateTime
    from plone.base.i18nl10n import ulocalized_time

    plones = read(PLONE_LOCALES / "ro" / "LC_MESSAGES" / "plonelocales.po", "ro")
    assert plones["date_format_short"].string == "${Y}-${m}-${d}"
    when = DateTime("2026/12/02 14:30 UTC")

    def written(language, long_format=False):
        return ulocalized_time(
            when, long_format, context=site, request=site.REQUEST, target_language=language
        )

    assert written("ro") == "02.12.2026"
    assert written("ro", long_format=True).startswith("02.12.2026 ")
    assert written("sv") == "2026-12-02"
