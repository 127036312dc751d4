"""Every page of the programme in Romanian and Swedish, with no text left in English.

Each page is rendered in English and in the other language; a piece of text (an
element's own text, a button, a placeholder, a label for screen readers) shown
identically in both is English left behind, unless it is a name or code of the
test data, or a word the languages share."""

import re

import pytest
import transaction
from builders import APPLICATION_ANSWERS
from builders import PASSWORD
from builders import bring_to
from builders import create_application
from builders import top_up
from lxml import html
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.testing.zope import Browser

from qgis.certification.application.questionnaire import APPLICATION_QUESTIONS
from qgis.certification.certificates import issuing
from qgis.certification.vocabularies.countries import _country_terms
from qgis.certification.vocabularies.languages import _language_terms


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
WORD = re.compile(r"[^\W\d_]{2,}")
# addresses, e-mail addresses and certificate codes are the same in every language
NOT_WORDS = re.compile(
    r"^(https?://\S+|\S+@\S+|QGIS(-[0-9A-Z]{4}){2}-[0-9A-Z]"
    # an amount: "(20.00 EUR)."
    r"|\W*[\d.,]+ [A-Z]{3}\W*)$"
)
# words a language writes as English does
ALIKE = {"ro": {"Contact", "Email", "Logo"}, "sv": {"Organisation"}}
# Plone's single-checkbox template (plone.app.z3cform singlecheckboxbool_input.pt)
# names no i18n domain, so its "Required" tooltip is never translated; Plone's
# Romanian catalogue gives the cookie warning of the login page its msgid as
# translation, which zope.i18n finds before the product's catalogue
PLONE_UNTRANSLATABLE = {
    "Required",
    "Cookies are not enabled. You must enable cookies before you can log in.",
}


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


def same_in(language):
    """Country and language names written in ``language`` as English writes
    one of them ("Kongo" is a country in Swedish and a language in English)."""
    vocabularies = (_country_terms, _language_terms)
    english = {term.title for terms in vocabularies for term in terms("en")}
    return {term.title for terms in vocabularies for term in terms(language)} & english


def english_left(english, other, data_names, language):
    alike = SHARED | ALIKE[language] | PLONE_UNTRANSLATABLE | same_in(language)

    def is_name(text):
        return (
            any(name and name in text for name in data_names)
            or text in alike
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
    draft = create_application(site, title="Cluj Maps")
    reviewed = bring_to(create_application(site, title="Iasi GIS"), "user_group_review")
    submitted = bring_to(create_application(site, title="Brasov Data"), "submitted")
    deciding = bring_to(create_application(site, title="Arad Geo"), "psc_decision")
    transaction.commit()
    items = {
        "organisation": organisation,
        "course": course,
        "draft": draft,
        "reviewed": reviewed,
        "submitted": submitted,
        "deciding": deciding,
    }
    names = {
        *(item.Title() for item in items.values()),
        *(item.Title() for item in organisation.objectValues()),
        *(item.Title() for item in draft.objectValues()),
        *(certificate.printed_name for certificate in certificates),
        *(certificate.code for certificate in certificates),
        "Ana Trainer",
        "ana-trainer",
        "Owner",
        "Reviewer Ro",
        "Team",
        "Psc Member",
        "office@geo-academy.example",
        "QGIS UG-RO",
        "Exercises",
        # what the test data's people wrote
        "We translate QGIS:",
        "our work",
        "A fine trainer.",
        *(str(answer) for answer in APPLICATION_ANSWERS.values()),
    }
    return {"site": site, "items": items, "code": certificates[0].code, "names": names}


def browse(functional, user, language):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Accept-Language", language)
    if user:
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    return browser


def url_in(world, path, language):
    """``path`` (relative to the site; ``{item}`` names an item of the world) as
    seen in ``language``: a page of the English folder becomes its translation,
    other pages stay where they are."""
    site = world["site"]
    path = path.format(
        code=world["code"],
        **{name: item.virtual_url_path().split("/", 1)[1] for name, item in world["items"].items()},
    )
    if not path.startswith("en"):
        return f"{site.absolute_url()}/{path}"
    head, _, view = path.partition("/@@")
    english = site.unrestrictedTraverse(head)
    translation = ITranslationManager(english).get_translation(language)
    return translation.absolute_url() + (f"/@@{view}" if view else "")


def english_left_on(functional, world, pages, language):
    """``{page: [texts shown in English]}`` for the pages ``(user, path)``."""
    found = {}
    for user, path in pages:
        english = browse(functional, user, "en")
        english.open(url_in(world, path, "en"))
        other = browse(functional, user, language)
        other.open(url_in(world, path, language))
        for browser in (english, other):
            assert browser.headers["status"].startswith("200"), (user, path, browser.url)
        names = world["names"]
        if "questionnaire" not in path:
            # answers are shown with the questions as they were asked (in English here)
            names = names | {str(question[2]) for question in APPLICATION_QUESTIONS}
        left = english_left(english.contents, other.contents, names, language)
        if left:
            found[f"{path} ({user or 'visitor'})"] = left
    return found


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
    "en/@@register",
    "verify",
    "verify/{code}",
    "{organisation}",
    "{course}",
    "login",
]


@pytest.mark.parametrize("language", ["ro", "sv"])
def test_public_pages_leave_nothing_in_english(functional, world, language):
    pages = [(None, path) for path in PUBLIC_PAGES]
    assert english_left_on(functional, world, pages, language) == {}


# the pages and forms of the journeys: applying, reviewing, deciding, teaching
JOURNEY_PAGES = [
    ("owner", "en/@@my-work"),
    ("reviewer_ro", "en/@@my-work"),
    ("owner", "organisations/++add++CertifyingOrganisation"),
    ("owner", "{draft}"),
    ("owner", "{draft}/edit"),
    ("owner", "{draft}/++add++CourseType"),
    ("owner", "{draft}/@@questionnaire"),
    ("owner", "{draft}/@@workflow-transition?transition=submit"),
    ("owner", "{organisation}"),
    ("owner", "{organisation}/++add++TrainingCenter"),
    ("owner", "{organisation}/++add++Course"),
    ("owner", "{organisation}/@@buy-credits"),
    ("owner", "{course}"),
    ("owner", "{course}/@@import-attendees"),
    ("owner", "{course}/@@issue-certificates"),
    ("owner", "{course}/@@mail-certificates"),
    ("owner", "{organisation}/++add++TrainerNomination"),
    ("reviewer_ro", "{reviewed}"),
    ("reviewer_ro", "{reviewed}/@@give-opinion"),
    ("team", "{submitted}"),
    ("team", "{submitted}/@@workflow-transition?transition=send_to_user_groups"),
    ("psc_member", "{deciding}"),
    ("psc_member", "{deciding}/@@workflow-transition?transition=approve"),
]


@pytest.mark.parametrize("language", ["ro", "sv"])
def test_journey_pages_leave_nothing_in_english(functional, world, language):
    assert english_left_on(functional, world, JOURNEY_PAGES, language) == {}
