"""No link the site renders answers 404 (or a server error): an anonymous
visitor starts from the front page in English, Romanian and Swedish and
follows every link to the site, breadth first, up to a bound."""

from collections import deque
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urldefrag
from urllib.parse import urljoin
from urllib.parse import urlsplit

import transaction
from builders import course_data
from builders import do
from plone import api
from plone.testing.zope import Browser

from qgis.certification.builders import courses


LIMIT = 200
SKIPPED = ("logout", "mailto:", "tel:", "javascript:", "/login", "require_login", "set_language")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.found.append(href)


def links_of(page_url, html):
    parser = Links()
    parser.feed(html)
    for href in parser.found:
        yield urldefrag(urljoin(page_url, href.strip()))[0]


def followed(url, host):
    return urlsplit(url).netloc == host and not any(part in url for part in SKIPPED)


def crawl(browser, starts, limit=LIMIT):
    """``(visited, broken)``; ``broken`` lists ``(url, status, found on)``.

    Redirects are followed like links (only to the site: a Link item sends
    its visitors elsewhere)."""
    host = urlsplit(starts[0]).netloc
    queue = deque((url, None) for url in starts)
    seen = set(starts)
    visited, broken = [], []
    while queue and len(visited) < limit:
        url, found_on = queue.popleft()
        browser.open(url)
        visited.append(url)
        status = int(browser.headers["status"].split()[0])
        if status == 404 or status >= 500:
            broken.append((url, status, found_on))
            continue
        if 300 <= status < 400:
            found = [urljoin(url, browser.headers["Location"])]
        elif browser.headers.get("Content-Type", "").startswith("text/html"):
            found = links_of(url, browser.contents)
        else:
            found = []
        for link in found:
            if link not in seen and followed(link, host):
                seen.add(link)
                queue.append((link, url))
    return visited, broken


def upcoming_course(organisation):
    """A published course next year, beside the one that has started."""
    parts = (organisation["qgis-for-beginners"], organisation["ana-trainer"])
    with api.env.adopt_user(username="owner"):
        course = courses.add_course(
            organisation,
            **course_data(
                *parts,
                organisation["cluj-centre"],
                title="QGIS for beginners, next spring",
                start_date=date(2027, 3, 1),
            ),
        )
    do(course, "owner", "publish")
    return course


def test_no_link_from_the_front_pages_is_broken(functional, certified):
    organisation, _course, _people = certified
    upcoming = upcoming_course(organisation)
    transaction.commit()
    portal = functional["portal"]
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.followRedirects = False
    starts = [f"{portal.absolute_url()}/{language}" for language in ("en", "ro", "sv")]
    visited, broken = crawl(browser, starts)
    assert broken == []
    # the crawl reached the programme's content
    assert organisation.absolute_url() in visited
    assert upcoming.absolute_url() in visited
    assert len(visited) > 30
