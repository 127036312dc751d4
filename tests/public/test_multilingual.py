"""The site in English, Romanian and Swedish: roots, front pages, linked pages."""

import pytest
import transaction
from builders import PASSWORD
from builders import bring_to
from builders import create_application
from builders import create_programme
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.testing.zope import Browser

from qgis.certification.public.programme_pages import LANGUAGES
from qgis.certification.public.programme_pages import PAGES


def test_language_roots_with_the_home_view(portal):
    for language in LANGUAGES:
        root = portal[language]
        assert root.getLayout() == "programme-home"
        assert api.content.get_state(root) == "published"


@pytest.mark.parametrize("page", PAGES, ids=[page["id"]["en"] for page in PAGES])
def test_programme_pages_exist_in_every_language_as_translations(portal, page):
    english = portal["en"][page["id"]["en"]]
    translations = ITranslationManager(english).get_translations()
    assert set(translations) == set(LANGUAGES)
    for language in LANGUAGES:
        assert translations[language].getId() == page["id"][language]
        assert api.content.get_state(translations[language]) == "published"


def test_organisations_are_not_duplicated_per_language(portal):
    assert "organisations" in portal.objectIds()
    for language in LANGUAGES:
        assert "organisations" not in portal[language].objectIds()


def test_front_page_shows_map_list_and_links(functional):
    portal = functional["portal"]
    create_programme(portal)
    organisation = bring_to(create_application(portal), "published")
    transaction.commit()
    browser = Browser(functional["app"])
    browser.handleErrors = False
    for language in LANGUAGES:
        browser.open(f"{portal.absolute_url()}/{language}")
        assert 'id="programme-map"' in browser.contents
        assert "@training-centers-geojson" in browser.contents
        assert organisation.Title() in browser.contents  # the map's text alternative
        assert "/verify" in browser.contents
        assert browser.contents.count("<h1") == 1
    browser.addHeader("Authorization", f"Basic owner:{PASSWORD}")
    browser.open(f"{portal.absolute_url()}/ro")
    assert 'lang="ro"' in browser.contents


def test_front_page_lists_a_few_organisations_and_links_to_all(functional, monkeypatch):
    from qgis.certification.browser import home

    monkeypatch.setattr(home, "HOME_LIST_SIZE", 2)
    portal = functional["portal"]
    create_programme(portal)
    titles = ["Alpha GIS", "Beta Maps", "Gamma Geo"]
    for title in titles:
        bring_to(create_application(portal, title=title), "published")
    transaction.commit()
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.open(f"{portal.absolute_url()}/sv")
    listed = browser.contents[browser.contents.index('id="organisation-list"') :]
    assert "Alpha GIS" in listed
    assert "Beta Maps" in listed
    assert "Gamma Geo" not in listed
    link = browser.getLink("Alla 3 certifierade organisationer, med sökning")
    assert link.url.endswith("/sv/@@certified-organisations")
