"""HEAD answers as GET does, without the body: uptime monitors and link checkers use it."""

import html
import re
from xml.etree import ElementTree

import pytest
import requests


pytestmark = pytest.mark.server

JSON = {"Accept": "application/json"}

# (path, request headers, the status GET answers without following redirects)
PAGES = [
    ("", {}, 302),
    ("/en", {}, 200),
    ("/ro", {}, 200),
    ("/sv/ansok", {}, 200),
    ("/en/@@certified-organisations", {}, 200),
    ("/verify", {}, 200),
    ("/{organisation}", {}, 200),
    ("/{course}", {}, 200),
    ("/@training-centers-geojson", JSON, 200),
    ("/{organisation}/private-page-that-does-not-exist", {}, 404),
]


@pytest.fixture
def urls(server_site, served_course):
    organisation, course, _people = served_course
    base = server_site.absolute_url()
    return {
        "organisation": organisation.absolute_url()[len(base) + 1 :],
        "course": course.absolute_url()[len(base) + 1 :],
    }


@pytest.mark.parametrize(("path", "headers", "status"), PAGES)
def test_head_answers_as_get(server_site, urls, path, headers, status):
    url = server_site.absolute_url() + path.format(**urls)
    got = requests.get(url, headers=headers, allow_redirects=False, timeout=30)
    head = requests.head(url, headers=headers, allow_redirects=False, timeout=30)
    assert (got.status_code, head.status_code) == (status, status), url
    assert head.headers.get("Content-Type") == got.headers.get("Content-Type")
    assert head.headers.get("Location") == got.headers.get("Location")
    assert head.content == b""


@pytest.mark.parametrize("language", ["en", "ro", "sv"])
def test_the_search_pages_rss_link_answers_with_what_was_found(server_site, urls, language):
    base = f"{server_site.absolute_url()}/{language}"
    page = requests.get(f"{base}/@@search", params={"SearchableText": "QGIS"}, timeout=30)
    link = re.search(r'href="([^"]*/search_rss\?[^"]*)"', page.text)
    assert link, page.text[:2000]

    feed = requests.get(html.unescape(link.group(1)), timeout=30)

    assert feed.status_code == 200, feed.url
    assert feed.headers["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(feed.content).find("channel")
    assert channel.findtext("language") == language
    links = [item.findtext("link") for item in channel.iter("item")]
    # the programme's pages of that language that speak of QGIS, and nothing outside it
    assert links, feed.text
    assert all(link.startswith(f"{base}/") for link in links), links


@pytest.mark.parametrize("start", ["x", "-3", "", "99999"])
def test_the_search_feed_reads_any_page_number(server_site, start):
    feed = requests.get(
        f"{server_site.absolute_url()}/en/search_rss",
        params={"SearchableText": "QGIS", "b_start": start},
        timeout=30,
    )
    assert feed.status_code == 200
    assert ElementTree.fromstring(feed.content).find("channel") is not None
