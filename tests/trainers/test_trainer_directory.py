"""Where certified trainers are shown: the public directory of each language
and its REST twin (with country and language filters, consenting trainers
only, no e-mail address), the organisation page and the course page."""

import json
from datetime import date
from datetime import timedelta

import pytest
import transaction
from builders import bring_to
from builders import certified_course
from builders import create_application
from builders import nominate_trainer
from plone import api

from qgis.certification.builders import trainers
from qgis.certification.builders import training
from qgis.certification.trainers.validity import process_trainer_validity


@pytest.fixture
def programme_with_trainers(site):
    """Ana Trainer (RO, ro+en, listed) of Geo Academy; Sven (SE, sv, listed) of
    Nordic School; Nils (SE, sv, not listed) of Nordic School; a draft
    nomination and a lapsed one are never shown."""
    organisation, course, _attendees = certified_course(site)
    nominate_trainer(organisation, "approved", languages=("ro", "en"))
    nordic = bring_to(create_application(site, "Nordic School", country="SE"), "published")
    with api.env.adopt_roles(["Manager"]):
        sven = training.add_convener(nordic, "Sven Svensson", "convener")
        nils = training.add_convener(nordic, "Nils Nilsson", "stranger")
        olle = training.add_convener(nordic, "Olle Olsson", "reviewer_se")
        lapsed = training.add_convener(nordic, "Lars Larsson", "reviewer_ro")
    nominated = (
        (sven, True, "approved"),
        (nils, False, "approved"),
        (olle, True, "submitted"),
        (lapsed, True, "approved"),
    )
    for convener, listed, state in nominated:
        with api.env.adopt_user(username="owner"):
            nomination = trainers.nominate(
                nordic, convener, "SE", ["sv"], "Teaches.", listed_publicly=listed
            )
        trainers.bring_to(nomination, state, "owner", "team")
    nomination.valid_until = date.today() - timedelta(days=1)
    nomination.reindexObject()
    process_trainer_validity()
    transaction.commit()
    return {"organisation": organisation, "course": course, "nordic": nordic}


def names_on_page(browser):
    return [
        part.split("</h2>")[0]
        for part in browser.contents.split('<h2 class="h5 card-title trainer-name">')[1:]
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Ana Trainer", "Sven Svensson"]),
        ("?country=SE", ["Sven Svensson"]),
        ("?language=ro", ["Ana Trainer"]),
        ("?country=RO&language=sv", []),
    ],
)
def test_the_directory_page_filters_by_country_and_language(
    programme_with_trainers, browser_for, site, query, expected
):
    browser = browser_for(None)
    browser.open(f"{site.absolute_url()}/en/@@trainers{query}")
    assert names_on_page(browser) == expected
    assert "@example.org" not in browser.contents


def test_a_bad_filter_is_shown_next_to_its_field(programme_with_trainers, browser_for, site):
    browser = browser_for(None)
    browser.open(f"{site.absolute_url()}/en/@@trainers?country=XX&language=zz")
    assert browser.headers["status"].startswith("200")
    assert "filter-country-error" in browser.contents
    assert "filter-language-error" in browser.contents


def rest(browser_for, site, query=""):
    browser = browser_for(None)
    browser.addHeader("Accept", "application/json")
    browser.open(f"{site.absolute_url()}/@trainers{query}")
    return browser, json.loads(browser.contents)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Ana Trainer", "Sven Svensson"]),
        ("?country=se", ["Sven Svensson"]),
        ("?language=en", ["Ana Trainer"]),
    ],
)
def test_the_rest_directory_filters_the_same(
    programme_with_trainers, browser_for, site, query, expected
):
    browser, answer = rest(browser_for, site, query)
    assert [item["name"] for item in answer["items"]] == expected
    assert answer["items_total"] == len(expected)
    assert browser.headers["Access-Control-Allow-Origin"] == "*"
    assert "@example.org" not in json.dumps(answer)


def test_the_rest_directory_says_what_a_trainer_is(programme_with_trainers, browser_for, site):
    _browser, answer = rest(browser_for, site, "?country=RO")
    (ana,) = answer["items"]
    assert ana["organisation"] == "Geo Academy"
    assert ana["organisation_url"].endswith("/organisations/geo-academy")
    assert ana["country"] == "RO"
    assert ana["languages"] == ["ro", "en"]
    assert set(ana) == {
        "name", "organisation", "organisation_url", "country", "country_name",
        "languages", "language_names", "valid_until", "verify_url",
    }  # fmt: skip
    (nomination,) = api.content.find(
        portal_type="TrainerNomination", Title="Ana Trainer", unrestricted=True
    )
    code = nomination._unrestrictedGetObject().code
    assert ana["verify_url"] == f"{site.absolute_url()}/verify/{code}"


@pytest.mark.parametrize("query", ["?country=XX", "?language=klingon", "?language=zz"])
def test_bad_rest_filters_answer_400_naming_the_field(
    programme_with_trainers, browser_for, site, query
):
    browser = browser_for(None)
    browser.addHeader("Accept", "application/json")
    browser.open(f"{site.absolute_url()}/@trainers{query}")
    assert browser.headers["status"].startswith("400")
    field = query[1:].split("=")[0]
    assert json.loads(browser.contents)["error"]["field"] == field


def test_the_organisation_page_shows_its_certified_trainers(programme_with_trainers, browser_for):
    nordic = programme_with_trainers["nordic"]
    browser = browser_for(None)
    browser.open(nordic.absolute_url())
    section = browser.contents.split('id="certified-trainers"')[1].split("</section>")[0]
    # listed or not, certified trainers are named on their organisation's page
    assert "Sven Svensson" in section
    assert "Nils Nilsson" in section
    assert "Olle Olsson" not in section
    assert "Lars Larsson" not in section
    assert 'id="trainer-nominations"' not in browser.contents


def test_owners_see_every_nomination_with_its_state(programme_with_trainers, browser_for):
    nordic = programme_with_trainers["nordic"]
    browser = browser_for("owner")
    browser.open(nordic.absolute_url())
    section = browser.contents.split('id="trainer-nominations"')[1].split("</section>")[0]
    lars = section.split("Lars Larsson")[1].split("</li>")[0]
    assert "Lapsed" in lars


def test_a_course_shows_that_its_convener_is_certified(programme_with_trainers, browser_for, site):
    browser = browser_for(None)
    browser.open(programme_with_trainers["course"].absolute_url())
    assert "certified-trainer-mark" in browser.contents
    organisation, course, _attendees = certified_course(site, title="Other Academy")
    transaction.commit()
    browser.open(course.absolute_url())
    assert "certified-trainer-mark" not in browser.contents
