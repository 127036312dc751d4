"""Translations at work: messages, mails and rendered pages in Romanian and Swedish."""

import re
from pathlib import Path

import pytest
from plone.testing.zope import Browser
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import qgis.certification
from qgis.certification import _


WORKFLOWS = Path(qgis.certification.__file__).parent / "profiles" / "default" / "workflows"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Verify a certificate"),
        ("ro", "Verificați un certificat"),
        ("sv", "Kontrollera ett certifikat"),
    ],
)
def test_messages_translate(integration, language, expected):
    assert translate(_("Verify a certificate"), target_language=language) == expected


def test_a_mail_subject_with_its_mapping(integration):
    message = _(
        "mail_submitted_team_subject",
        default="New application: ${title}",
        mapping={"title": "Geo Academy"},
    )
    assert translate(message, target_language="ro") == "Cerere nouă: Geo Academy"
    assert translate(message, target_language="sv") == "Ny ansökan: Geo Academy"
    assert translate(message, target_language="en") == "New application: Geo Academy"


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("RO", "en", "Romania"),
        ("SE", "ro", "Suedia"),
        ("RO", "sv", "Rumänien"),
        ("DE", "ro", "Germania"),
    ],
)
def test_country_vocabulary_speaks_the_visitors_language(integration, code, language, expected):
    integration["request"]["LANGUAGE"] = language
    vocabulary = getUtility(IVocabularyFactory, "qgis.certification.Countries")(
        integration["portal"]
    )
    assert vocabulary.getTerm(code).title == expected


def test_country_vocabulary_falls_back_to_english(integration):
    integration["request"]["LANGUAGE"] = "xx"
    vocabulary = getUtility(IVocabularyFactory, "qgis.certification.Countries")(
        integration["portal"]
    )
    assert vocabulary.getTerm("SE").title == "Sweden"


@pytest.mark.parametrize(
    ("language", "present"),
    [
        ("ro", ["Găsiți o organizație certificată", "Organizații certificate din întreaga lume"]),
        (
            "sv",
            ["Hitta en certifierad organisation", "Certifierade organisationer runt om i världen"],
        ),
    ],
)
def test_front_page_renders_in_the_roots_language(functional, language, present):
    portal = functional["portal"]
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.open(f"{portal.absolute_url()}/{language}")
    assert f'lang="{language}"' in browser.contents
    for text in present:
        assert text in browser.contents
    assert "Find a certified organisation" not in browser.contents
    assert "Certified organisations around the world" not in browser.contents


def workflow_titles():
    """The titles of the product's workflow states and transitions, and its menu entries."""
    titles = set()
    for definition in WORKFLOWS.glob("*/definition.xml"):
        text = definition.read_text(encoding="utf-8")
        titles |= set(re.findall(r'<(?:state|transition) [^>]*title="([^"]+)"', text))
        titles |= set(re.findall(r"<action [^>]*>([^<]+)</action>", text))
    return sorted(titles)


@pytest.mark.parametrize("language", ["ro", "sv"])
def test_workflow_titles_translate_in_the_plone_domain(integration, language):
    # Plone's toolbar shows state and transition titles through the plone domain: Plone's
    # catalogue has some of them, locales/<language>/LC_MESSAGES/plone.po the others.
    titles = workflow_titles()
    assert "Initial review" in titles
    untranslated = [
        title
        for title in titles
        if translate(title, domain="plone", target_language=language) == title
    ]
    assert not untranslated, f"add them to locales/{language}/LC_MESSAGES/plone.po: {untranslated}"


def test_the_products_plone_titles_keep_plones_own_translations(integration):
    assert translate("Initial review", domain="plone", target_language="ro") == "Evaluare inițială"
    assert translate("Publish", domain="plone", target_language="sv") == "Publicera"
    assert translate("Log in", domain="plone", target_language="ro") != "Log in"
