"""Editors translate pages with plone.app.multilingual's own flow: the translate
menu, the side-by-side add form, and the link between the two pages."""

import pytest
import transaction
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import TEST_USER_PASSWORD
from plone.testing.zope import Browser


@pytest.fixture
def english_page(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="editor",
            email="editor@example.org",
            password=TEST_USER_PASSWORD,
        )
        api.user.grant_roles(username="editor", roles=["Site Administrator"])
        page = api.content.create(
            container=portal["en"],
            type="Document",
            id="trainers-faq",
            title="Questions trainers ask",
        )
        api.content.transition(obj=page, transition="publish")
    transaction.commit()
    return page


def editor_browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic editor:{TEST_USER_PASSWORD}")
    return browser


def test_translate_menu_offers_the_other_languages(functional, english_page):
    browser = editor_browser(functional)
    browser.open(english_page.absolute_url())
    for language in ("ro", "sv"):
        assert f"@@create_translation?language={language}" in browser.contents
    assert "@@create_translation?language=en" not in browser.contents


def test_translating_links_a_romanian_page_in_the_romanian_root(functional, english_page):
    browser = editor_browser(functional)
    browser.open(f"{english_page.absolute_url()}/@@create_translation?language=ro")
    assert "++addtranslation++" in browser.url
    # the side-by-side form shows the original beside the new page's fields
    assert "Questions trainers ask" in browser.contents
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Întrebările formatorilor"
    browser.getControl(name="form.buttons.save").click()

    transaction.begin()
    romanian = ITranslationManager(english_page).get_translation("ro")
    assert romanian is not None
    assert romanian.Title() == "Întrebările formatorilor"
    assert romanian.aq_parent.getId() == "ro"
    assert romanian.Language() == "ro"
    assert ITranslationManager(romanian).get_translation("en") == english_page

    # editing later is side by side again: the form loads the original's fields beside it
    browser.open(f"{romanian.absolute_url()}/@@babel_edit")
    assert f"{english_page.absolute_url()}/babel_view" in browser.contents
    assert "Întrebările formatorilor" in browser.contents
    browser.open(f"{english_page.absolute_url()}/babel_view")
    assert "Questions trainers ask" in browser.contents
