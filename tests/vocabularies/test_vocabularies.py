"""Each vocabulary the product registers (vocabularies/configure.zcml) answers the expected
terms for a sample: countries in the visitor's language, course languages, kinds of
contribution, and the items of the organisation being edited."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from builders import add_course_parts
from builders import certified_course
from builders import create_application
from builders import create_programme
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.schema.interfaces import IVocabularyFactory

import qgis.certification


ZCML = Path(qgis.certification.__file__).parent / "vocabularies" / "configure.zcml"
PREFIX = "qgis.certification."


def vocabulary(name, context):
    return getUtility(IVocabularyFactory, PREFIX + name)(context)


def titles(vocabulary):
    return [term.title for term in vocabulary]


def test_every_vocabulary_of_the_zcml_is_tested_here(portal):
    names = {
        element.get("name")
        for element in ET.parse(ZCML).getroot()
        if element.tag == "{http://namespaces.zope.org/zope}utility"
    }
    tested = {
        "Countries",
        "ContributionTypes",
        "CourseLanguages",
        "OrganisationCourseTypes",
        "OrganisationConveners",
        "OrganisationTrainingCenters",
    }
    assert names == {PREFIX + name for name in tested}
    for name in tested:
        assert getUtility(IVocabularyFactory, PREFIX + name) is not None


@pytest.fixture
def language(portal):
    request = getRequest()

    def set_language(code):
        request["LANGUAGE"] = code

    yield set_language
    request["LANGUAGE"] = "en"


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("en", {"RO": "Romania", "SE": "Sweden", "DE": "Germany"}),
        ("ro", {"RO": "România", "SE": "Suedia", "DE": "Germania"}),
        ("sv", {"RO": "Rumänien", "SE": "Sverige", "DE": "Tyskland"}),
    ],
)
def test_countries_are_named_in_the_visitors_language(portal, language, code, names):
    language(code)
    countries = vocabulary("Countries", portal)
    assert len(countries) == 249  # every ISO 3166-1 country
    for value, name in names.items():
        term = countries.getTerm(value)
        assert (term.token, term.title) == (value, name)
    assert titles(countries) == sorted(titles(countries), key=str.casefold)
    assert "XX" not in countries


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("ro", {"en": "engleză", "sv": "suedeză", "de": "germană"}),
        ("sv", {"en": "Engelska", "ro": "Rumänska", "de": "Tyska"}),
    ],
)
def test_course_languages_are_named_in_the_visitors_language(portal, language, code, names):
    language(code)
    languages = vocabulary("CourseLanguages", portal)
    assert len(languages) == 184
    assert {value: languages.getTerm(value).title for value in names} == names
    assert titles(languages) == sorted(titles(languages), key=str.casefold)


def test_certificate_languages_are_those_with_wording(portal, language):
    language("ro")
    languages = getUtility(IVocabularyFactory, PREFIX + "CertificateLanguages")(portal)
    assert [term.value for term in languages] == sorted(
        ["de", "en", "es", "fr", "it", "ja", "pt", "ro", "sv"]
    )
    assert languages.getTerm("ja").title == "japoneză"
    assert "pl" not in languages


def test_course_languages_are_iso_639_1_named_in_english(portal):
    languages = vocabulary("CourseLanguages", portal)
    assert len(languages) == 184
    assert [languages.getTerm(code).title for code in ("en", "ro", "sv", "de")] == [
        "English",
        "Romanian",
        "Swedish",
        "German",
    ]
    assert titles(languages) == sorted(titles(languages))
    assert "eng" not in languages  # two letters only


def test_contribution_types_are_the_ten_kinds_in_order(portal):
    kinds = vocabulary("ContributionTypes", portal)
    assert [term.value for term in kinds] == [
        "development",
        "documentation",
        "translation",
        "plugins",
        "bug_reports",
        "feature_funding",
        "sponsorship",
        "user_group",
        "open_courseware",
        "books",
    ]
    translation = kinds.getTerm("translation")
    assert (translation.token, str(translation.title)) == ("translation", "Translation")
    assert translation.title.domain == "qgis.certification"


@pytest.fixture
def two_organisations(portal):
    """A certified organisation with its course, and a draft one with items of the same names."""
    create_programme(portal)
    organisation, course, _ = certified_course(portal)
    other = create_application(portal, title="Other School", country="SE")
    add_course_parts(other)
    return organisation, course, other


ITEM_VOCABULARIES = [
    ("OrganisationCourseTypes", "qgis-for-beginners", "QGIS for beginners"),
    ("OrganisationConveners", "ana-trainer", "Ana Trainer"),
    ("OrganisationTrainingCenters", "cluj-centre", "Cluj centre"),
]


@pytest.mark.parametrize(("name", "item_id", "title"), ITEM_VOCABULARIES)
def test_organisation_items_are_those_of_the_organisation_edited(
    two_organisations, name, item_id, title
):
    organisation, course, other = two_organisations
    own = organisation[item_id]
    for context in (organisation, course):
        items = vocabulary(name, context)
        assert [(term.value, term.title) for term in items] == [(own.UID(), title)]
    assert other[item_id].UID() not in vocabulary(name, course)
    assert [term.value for term in vocabulary(name, other)] == [other[item_id].UID()]


@pytest.mark.parametrize("name", [name for name, _, _ in ITEM_VOCABULARIES])
def test_organisation_items_are_empty_outside_an_organisation(two_organisations, name):
    portal = two_organisations[0].aq_parent.aq_parent
    assert len(vocabulary(name, portal)) == 0
    assert len(vocabulary(name, portal["organisations"])) == 0
