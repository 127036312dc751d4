"""The programme's pages, read from their data files: complete in every
language, and their links lead somewhere on the site."""

import re
from urllib.parse import urljoin

import pytest
from plone.testing.zope import Browser

from qgis.certification.public import programme_pages
from qgis.certification.public.programme_pages import FRONT_PAGE
from qgis.certification.public.programme_pages import FRONT_PAGE_NAME
from qgis.certification.public.programme_pages import LANGUAGES
from qgis.certification.public.programme_pages import PAGE_NAMES
from qgis.certification.public.programme_pages import PAGES
from qgis.certification.public.programme_pages import PageFileError
from qgis.certification.public.programme_pages import read_page


HREF = re.compile(r'href="([^"]+)"')


def test_every_page_file_exists_in_every_language_and_no_other():
    expected = {
        f"{name}.{language}.html"
        for name in (*PAGE_NAMES, FRONT_PAGE_NAME)
        for language in LANGUAGES
    }
    assert {path.name for path in programme_pages.PAGES_DIR.iterdir()} == expected


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_a_page_has_id_title_description_and_body(name, language):
    page = read_page(name, language)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", page["id"])
    assert page["title"]
    assert page["description"]
    assert page["text"].startswith("<")
    assert page["text"].endswith(">")
    assert "\n" not in page["text"]
    assert "---" not in page["text"]


def test_pages_keep_their_order_and_ids_are_unique_per_language():
    assert [page["id"]["en"] for page in PAGES] == list(PAGE_NAMES)
    for language in LANGUAGES:
        ids = [page["id"][language] for page in PAGES]
        assert len(set(ids)) == len(ids)


def test_front_page_has_a_title_and_body_in_every_language():
    for language in LANGUAGES:
        assert FRONT_PAGE["title"][language]
        assert FRONT_PAGE["text"][language].startswith("<p>")


def test_only_line_breaks_between_tags_are_dropped(tmp_path, monkeypatch):
    monkeypatch.setattr(programme_pages, "PAGES_DIR", tmp_path)
    (tmp_path / "faq.en.html").write_text(
        "---\nid: faq\ntitle: FAQ: questions\n---\n<h2>Why?</h2>\n<p>One line,\nanother.</p>\n"
    )
    page = read_page("faq", "en")
    assert page == {
        "id": "faq",
        "title": "FAQ: questions",
        "description": "",
        "text": "<h2>Why?</h2><p>One line,\nanother.</p>",
    }


@pytest.mark.parametrize(
    "content",
    [
        "<p>No front matter</p>\n",
        "---\nid: faq\n<p>Never closed</p>\n",
        "---\nid: faq\nauthor: someone\n---\n<p>Unknown field</p>\n",
    ],
)
def test_a_page_file_without_proper_front_matter_is_refused(tmp_path, monkeypatch, content):
    monkeypatch.setattr(programme_pages, "PAGES_DIR", tmp_path)
    (tmp_path / "faq.en.html").write_text(content)
    with pytest.raises(PageFileError, match="faq.en.html"):
        read_page("faq", "en")


def test_links_inside_the_pages_resolve_on_the_site(functional):
    portal = functional["portal"]
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    site_url = portal.absolute_url()
    checked = {}
    for page in PAGES:
        for language in LANGUAGES:
            page_url = f"{site_url}/{language}/{page['id'][language]}"
            for href in HREF.findall(page["text"][language]):
                if href.startswith("https://"):
                    assert href == "https://qgis.org"
                    continue
                url = urljoin(page_url, href)
                assert url.startswith(f"{site_url}/"), (page_url, href)
                if url not in checked:
                    browser.open(url)
                    checked[url] = browser.headers["status"]
                assert checked[url].startswith("200"), (page_url, href, checked[url])
    assert set(checked) == {
        f"{site_url}/verify",
        f"{site_url}/@@data-request",
        f"{site_url}/@@my-data",  # the login form first, for a visitor
        # the sign-up form, in each language
        *(f"{site_url}/{language}/@@register" for language in LANGUAGES),
    }
