"""Every page of the programme in Romanian and Swedish, with no text left in English.

Each page is rendered in English and in the other language; a piece of text (an
element's own text, a button, a placeholder, a label for screen readers) shown
identically in both is English left behind, unless it is a name or code of the
test data, or a word the languages share."""

import re

import pytest
import transaction
from builders import PASSWORD
from builders import top_up
from lxml import html
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.testing.zope import Browser

from qgis.certification.certificates import issuing


# Names and codes of the test data, and what the three languages write alike.
SHARED = {
    "QGIS",
    "PDF",
    "CSV",
    "JSON",
    "GeoJSON",
    "iCalendar",
    "Open Badge",
    "LinkedIn",
    "OGC API",
    "EUR",
    "OK",
    "Total",
    "Web",
    "E-mail",
    # the language switcher names each language in its own
    "English",
    "Română",
    "Svenska",
}

# the regions of a page a visitor reads (not the toolbar of editors)
REGIONS = (
    "//*[@id='content']",
    "//*[@id='portal-globalnav']",
    "//*[@id='portal-breadcrumbs']",
    "//*[@id='portal-footer-wrapper']",
    "//*[@id='portal-languageselector']",
)
SKIPPED = {"script", "style", "code", "pre", "time"}
WORD = re.compile(r"[^\W\d_]{3,}")
# addresses, e-mail addresses and certificate codes are the same in every language
NOT_WORDS = re.compile(r"^(https?://\S+|\S+@\S+|QGIS(-[0-9A-Z]{4}){2}-[0-9A-Z])$")
# words a language writes as English does
ALIKE = {"ro": set(), "sv": {"Organisation"}}


def texts(body):
    """What a reader sees of ``body``: text runs, button values, placeholders, labels."""
    tree = html.fromstring(body)
    found = set()
    for region in REGIONS:
        for top in tree.xpath(region):
            for element in top.iter():
                if not isinstance(element.tag, str) or element.tag in SKIPPED:
                    continue
                if any(parent.tag in SKIPPED for parent in element.iterancestors()):
                    continue
                parts = [element.text, element.tail]
                parts += [element.get(name) for name in ("placeholder", "aria-label", "title")]
                if element.tag == "input" and element.get("type") in ("submit", "button"):
                    parts.append(element.get("value"))
                found |= {" ".join(part.split()) for part in parts if part and part.strip()}
    return found


def english_left(english, other, data_names, language):
    def is_name(text):
        return (
            any(name and name in text for name in data_names)
            or text in SHARED | ALIKE[language]
            or NOT_WORDS.match(text)
        )

    return sorted(
        text for text in texts(other) & texts(english) if WORD.search(text) and not is_name(text)
    )


@pytest.fixture
def world(certified, site):
    organisation, course, _ = certified
    top_up(organisation, 3)
    with api.env.adopt_user(username="owner"):
        certificates, _ = issuing.issue_certificates(course, "all", "completion", "owner")
    transaction.commit()
    names = {
        organisation.Title(),
        course.Title(),
        *(item.Title() for item in organisation.objectValues()),
        *(certificate.printed_name for certificate in certificates),
        *(certificate.code for certificate in certificates),
        "Ana Trainer",
        "ana-trainer",
        # the organisation's contributions, as its owner wrote them
        "We translate QGIS:",
        "our work",
    }
    return {
        "site": site,
        "organisation": organisation,
        "course": course,
        "certificate": certificates[0],
        "names": names,
    }


def browse(functional, user, language):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Accept-Language", language)
    if user:
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    return browser


def in_language(world, path, language):
    """``path`` (relative to the site) as seen in ``language``: a page of the
    English folder becomes its translation, other pages stay where they are."""
    site = world["site"]
    if not path.startswith("en"):
        return f"{site.absolute_url()}/{path}"
    head, _, view = path.partition("/@@")
    english = site.unrestrictedTraverse(head)
    translation = ITranslationManager(english).get_translation(language)
    return translation.absolute_url() + (f"/@@{view}" if view else "")


PUBLIC_PAGES = [
    "en",
    "en/@@certified-organisations",
    "en/@@statistics",
    "en/@@trainers",
    "en/about",
    "en/requirements",
    "en/process",
    "en/fees",
    "en/apply",
    "en/privacy",
    "verify",
    "verify/{code}",
    "{organisation}",
    "{course}",
    "login",
]


def resolve(world, path):
    return path.format(
        code=world["certificate"].code,
        organisation=world["organisation"].virtual_url_path().split("/", 1)[1],
        course=world["course"].virtual_url_path().split("/", 1)[1],
    )


@pytest.mark.parametrize("language", ["ro", "sv"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_leave_nothing_in_english(functional, world, path, language):
    path = resolve(world, path)
    english = browse(functional, None, "en")
    english.open(in_language(world, path, "en"))
    assert english.headers["status"].startswith("200"), path
    other = browse(functional, None, language)
    other.open(in_language(world, path, language))
    assert other.headers["status"].startswith("200"), path
    left = english_left(english.contents, other.contents, world["names"], language)
    assert not left, f"{path} in {language} shows in English: {left}"
