"""The site in English, Romanian and Swedish: language root folders, each with
its front page, and the programme's pages, linked as translations."""

import logging

from plone import api
from plone.app.multilingual.browser.setup import SetupMultilingualSite
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.interfaces import ILanguage

from qgis.certification.content.children import add_child
from qgis.certification.public import programme_pages


logger = logging.getLogger("qgis.certification")

HOME_VIEW = "programme-home"
WELCOME_IDS = {"en": "welcome", "ro": "bun-venit", "sv": "valkommen"}


def ensure_language_roots(portal):
    """/en, /ro and /sv, with the programme's home view on each. The languages
    are set here, once plone.app.multilingual's types exist, and before the
    language roots are made (only languages set then get a root)."""
    api.portal.set_registry_record("plone.default_language", "en")
    api.portal.set_registry_record("plone.available_languages", list(programme_pages.LANGUAGES))
    SetupMultilingualSite().setupSite(portal)
    for language in programme_pages.LANGUAGES:
        root = portal.get(language)
        if root is not None and root.getLayout() != HOME_VIEW:
            root.setLayout(HOME_VIEW)


def _publish(obj):
    if api.content.get_state(obj, default=None) == "private":
        api.content.transition(obj, transition="publish")


def _ensure_page(root, page_id, title, description, text, exclude_from_nav=False):
    page = root.get(page_id)
    if page is None:
        page = add_child(
            root,
            "Document",
            page_id,
            title=title,
            description=description,
            text=RichTextValue(text, "text/html", "text/x-html-safe"),
            exclude_from_nav=exclude_from_nav,
        )
        ILanguage(page).set_language(root.getId())
        page.reindexObject()
        _publish(page)
    return page


def _link(pages):
    """Register the versions of one page as translations of the English one."""
    manager = ITranslationManager(pages["en"])
    for language, page in pages.items():
        if language != "en" and not manager.has_translation(language):
            manager.register_translation(language, page)
    # Translations are found through the catalog: index them now, not at commit.
    processQueue()


def ensure_programme_pages(portal):
    welcome = programme_pages.FRONT_PAGE
    pages = {}
    for language in programme_pages.LANGUAGES:
        pages[language] = _ensure_page(
            portal[language],
            WELCOME_IDS[language],
            welcome["title"][language],
            "",
            welcome["text"][language],
            exclude_from_nav=True,
        )
    _link(pages)
    for page in programme_pages.PAGES:
        versions = {
            language: _ensure_page(
                portal[language],
                page["id"][language],
                page["title"][language],
                page["description"][language],
                page["text"][language],
            )
            for language in programme_pages.LANGUAGES
        }
        _link(versions)


def welcome_page(language_root):
    language = language_root.getId()
    return language_root.get(WELCOME_IDS.get(language, "welcome"))
