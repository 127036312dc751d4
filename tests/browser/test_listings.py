"""The public lists of each language, as visitors use them: certified
organisations and upcoming courses (filters, search, paging, empty results),
the front page's links and next courses, the organisation and course pages,
and the calendar feed's filters. Anonymous visitors, published data only."""

import re

import icalendar
import pytest
import transaction
from builders import add_course_parts
from builders import course_data
from builders import create_application
from builders import do
from feed_world import certify
from feed_world import days
from plone import api

from qgis.certification.browser import listings as listing_views
from qgis.certification.public import listings
from qgis.certification.vocabularies.countries import country_name


SCRIPT = "&lt;script&gt;alert('x')&lt;/script&gt;"  # the escaped title


def add_course(organisation, parts, title, start, end, language="ro", publish=True):
    with api.env.adopt_user(username="owner"):
        course = api.content.create(
            container=organisation,
            type="Course",
            **course_data(
                *parts, title=title, start_date=start, end_date=end, course_language=language
            ),
        )
    if publish:
        do(course, "owner", "publish")
    return course


def organisation_with_parts(portal, title, country, centre_title, centre_country):
    organisation = certify(create_application(portal, title=title, country=country))
    course_type, convener, centre = add_course_parts(organisation)
    with api.env.adopt_roles(["Manager"]):
        centre.title = centre_title
        centre.country = centre_country
        centre.address = f"Main street 1, {centre_title}"
        centre.reindexObject()
    return organisation, (course_type, convener, centre)


class World:
    """Published: Geo Academy (RO), Berlin GIS (DE) and ``<script>`` (FR);
    archived: Old Academy (RO); draft: Draft Academy (RO).

    Courses of Geo Academy: Spring course (ro, in 30 days), Summer course (en,
    in 60 days), Running course (started yesterday), Past course, Draft course
    (not published). Berlin GIS: Berlin course (de, in 10 days). Old Academy:
    Old course (in 5 days, but its organisation is archived)."""

    def __init__(self, portal):
        with api.env.adopt_roles(["Manager"]):
            geo, parts = organisation_with_parts(portal, "Geo Academy", "RO", "Cluj centre", "RO")
            self.spring = add_course(geo, parts, "Spring course", days(30), days(32))
            self.summer = add_course(geo, parts, "Summer course", days(60), days(61), "en")
            add_course(geo, parts, "Running course", days(-1), days(2))
            add_course(geo, parts, "Past course", days(-20), days(-18))
            add_course(geo, parts, "Draft course", days(20), days(21), publish=False)

            berlin, parts = organisation_with_parts(
                portal, "Berlin GIS", "DE", "Berlin centre", "DE"
            )
            self.berlin_course = add_course(
                berlin, parts, "Berlin course", days(10), days(11), "de"
            )

            self.script = certify(
                create_application(portal, title="<script>alert('x')</script>", country="FR")
            )

            old, parts = organisation_with_parts(portal, "Old Academy", "RO", "Iasi centre", "RO")
            add_course(old, parts, "Old course", days(5), days(6))
            do(old, "team", "archive")

            create_application(portal, title="Draft Academy", country="RO")
        self.geo, self.berlin, self.old = geo, berlin, old
        self.portal_url = portal.absolute_url()
        transaction.commit()

    def url(self, language, view):
        return f"{self.portal_url}/{language}/@@{view}"


@pytest.fixture
def world(site):
    return World(site)


def visit(browser_for, url, user=None):
    browser = browser_for(user)
    browser.open(url)
    assert browser.headers["status"].startswith("200"), browser.headers["status"]
    return browser


def result_titles(contents):
    """The titles of the listed results, in order (each result's h2 link)."""
    return re.findall(r'<h2 class="h5 card-title"><a href="[^"]*">([^<]*)</a></h2>', contents)


def count_of(contents):
    return int(re.search(r"found: <strong>(\d+)</strong>", contents).group(1))


# -- certified organisations ---------------------------------------------------


def test_anonymous_sees_only_published_organisations(world, browser_for):
    browser = visit(browser_for, world.url("en", "certified-organisations"))
    titles = result_titles(browser.contents)
    assert titles == [SCRIPT, "Berlin GIS", "Geo Academy"]  # by sortable title
    assert count_of(browser.contents) == 3
    assert "Old Academy" not in browser.contents
    assert "Draft Academy" not in browser.contents
    assert world.geo.absolute_url() in browser.contents


def test_organisation_titles_are_escaped(world, browser_for):
    for view in ("certified-organisations",):
        browser = visit(browser_for, world.url("en", view))
        assert "<script>alert" not in browser.contents
        assert "&lt;script&gt;alert" in browser.contents


def test_organisations_filtered_by_country(world, browser_for):
    browser = visit(browser_for, world.url("en", "certified-organisations") + "?country=DE")
    assert result_titles(browser.contents) == ["Berlin GIS"]
    assert '<option value="DE" selected="selected">Germany</option>' in browser.contents
    # the choices are the countries of the certified organisations
    options = re.findall(r'<option value="([A-Z]{2})"', browser.contents)
    assert options == ["FR", "DE", "RO"]  # by name: France, Germany, Romania


def test_organisations_search_by_name(world, browser_for):
    browser = visit(browser_for, world.url("en", "certified-organisations") + "?q=geo")
    assert result_titles(browser.contents) == ["Geo Academy"]
    assert 'value="geo"' in browser.contents
    # the form, filled in as a visitor does
    browser.getControl(name="q").value = "berl"
    browser.getControl(name="country").value = ["DE"]
    browser.getForm(id="organisation-filters").submit()
    assert result_titles(browser.contents) == ["Berlin GIS"]


def test_organisations_empty_state(world, browser_for):
    browser = visit(browser_for, world.url("en", "certified-organisations") + "?q=nowhere")
    assert result_titles(browser.contents) == []
    assert count_of(browser.contents) == 0
    assert "No certified organisation matches your search" in browser.contents


def test_organisations_unknown_country_is_explained_next_to_the_field(world, browser_for):
    browser = visit(browser_for, world.url("en", "certified-organisations") + "?country=XX")
    assert 'id="filter-country-error"' in browser.contents
    assert "Choose a country from the list." in browser.contents
    assert 'aria-describedby="filter-country-error"' in browser.contents
    assert count_of(browser.contents) == 3  # the unusable filter is left out


def test_organisations_paging(world, browser_for, monkeypatch):
    monkeypatch.setattr(listing_views, "PAGE_SIZE", 2)
    browser = visit(browser_for, world.url("en", "certified-organisations"))
    assert result_titles(browser.contents) == [SCRIPT, "Berlin GIS"]
    assert count_of(browser.contents) == 3
    assert 'class="pagination' in browser.contents
    browser = visit(browser_for, world.url("en", "certified-organisations") + "?b_start=2")
    assert result_titles(browser.contents) == ["Geo Academy"]
    # filters are kept in the paging links ("a" starts Academy and alert)
    monkeypatch.setattr(listing_views, "PAGE_SIZE", 1)
    browser = visit(browser_for, world.url("en", "certified-organisations") + "?q=a")
    assert result_titles(browser.contents) == [SCRIPT]
    pages = re.findall(r'<a class="page-link"\s+href="([^"]+)"', browser.contents)
    assert pages
    assert all("q=a" in page for page in pages), pages
    (second,) = {page for page in pages if "b_start:int=1" in page}
    browser.open(second.replace("&amp;", "&"))
    assert result_titles(browser.contents) == ["Geo Academy"]


@pytest.mark.parametrize(
    ("language", "germany", "romania"),
    [("en", "Germany", "Romania"), ("ro", "Germania", "România"), ("sv", "Tyskland", "Rumänien")],
)
def test_country_names_in_the_visitors_language(world, browser_for, language, germany, romania):
    browser = visit(browser_for, world.url(language, "certified-organisations"))
    assert f'lang="{language}"' in browser.contents
    assert f'<option value="DE">{germany}</option>' in browser.contents
    assert f'<span class="organisation-country">{romania}</span>' in browser.contents


# -- upcoming courses --------------------------------------------------------------


def test_upcoming_courses_are_published_and_not_started(world, browser_for):
    browser = visit(browser_for, world.url("en", "upcoming-courses"))
    assert result_titles(browser.contents) == ["Berlin course", "Spring course", "Summer course"]
    for absent in ("Running course", "Past course", "Draft course", "Old course"):
        assert absent not in browser.contents
    assert world.spring.absolute_url() in browser.contents
    assert world.geo.absolute_url() in browser.contents  # its organisation
    assert "Cluj centre, Romania" in browser.contents
    assert '<dd class="col-sm-9 course-language">Romanian</dd>' in browser.contents
    assert f'datetime="{days(30).isoformat()}"' in browser.contents


def test_upcoming_courses_filters(world, browser_for):
    url = world.url("en", "upcoming-courses")
    cases = {
        "?country=DE": ["Berlin course"],
        "?language=en": ["Summer course"],
        f"?from={days(20).isoformat()}": ["Spring course", "Summer course"],
        f"?to={days(30).isoformat()}": ["Berlin course", "Spring course"],
        f"?from={days(11).isoformat()}&to={days(59).isoformat()}": ["Spring course"],
        "?country=RO&language=de": [],
    }
    for query, expected in cases.items():
        browser = visit(browser_for, url + query)
        assert result_titles(browser.contents) == expected, query
    assert "No upcoming course matches these filters" in browser.contents


def test_upcoming_courses_form_as_a_visitor_uses_it(world, browser_for):
    browser = visit(browser_for, world.url("en", "upcoming-courses"))
    browser.getControl(name="country").value = ["RO"]
    browser.getControl(name="language").value = ["ro"]
    browser.getForm(id="course-filters").submit()
    assert result_titles(browser.contents) == ["Spring course"]
    assert "country=RO" in browser.url
    assert "language=ro" in browser.url
    # the calendar link carries the same filters
    link = browser.getLink(url="@@upcoming-courses.ics")
    assert "country=RO" in link.url
    assert "language=ro" in link.url


def test_upcoming_courses_bad_dates_are_explained(world, browser_for):
    url = world.url("en", "upcoming-courses")
    browser = visit(browser_for, url + "?from=someday")
    assert 'id="filter-from-error"' in browser.contents
    assert "Give a date as year-month-day" in browser.contents
    assert 'value="someday"' in browser.contents
    assert len(result_titles(browser.contents)) == 3
    browser = visit(browser_for, url + f"?from={days(30).isoformat()}&to={days(1).isoformat()}")
    assert 'id="filter-to-error"' in browser.contents
    assert "The last date must not be before the first." in browser.contents


def test_upcoming_courses_in_romanian_and_swedish(world, browser_for):
    browser = visit(browser_for, world.url("ro", "upcoming-courses"))
    assert '<option value="RO">România</option>' in browser.contents
    assert '<dd class="col-sm-9 course-language">Română</dd>' in browser.contents
    browser = visit(browser_for, world.url("sv", "upcoming-courses"))
    assert '<option value="DE">Tyskland</option>' in browser.contents
    assert '<dd class="col-sm-9 course-language">Tyska</dd>' in browser.contents


def test_upcoming_courses_paging(world, browser_for, monkeypatch):
    monkeypatch.setattr(listing_views, "PAGE_SIZE", 2)
    url = world.url("en", "upcoming-courses")
    assert result_titles(visit(browser_for, url).contents) == ["Berlin course", "Spring course"]
    browser = visit(browser_for, url + "?b_start=2")
    assert result_titles(browser.contents) == ["Summer course"]
    assert count_of(browser.contents) == 3


# -- the calendar feed's filters ---------------------------------------------------


def calendar_titles(browser):
    assert browser.headers["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(browser.contents)
    return [str(event["summary"]) for event in calendar.walk("VEVENT")]


def test_calendar_takes_the_page_filters(world, browser_for):
    feed = f"{world.portal_url}/@@upcoming-courses.ics"
    # without filters it keeps its meaning: every course that has not ended
    assert "Running course" in calendar_titles(visit(browser_for, feed))
    assert calendar_titles(visit(browser_for, feed + "?country=DE")) == ["Berlin course"]
    assert calendar_titles(visit(browser_for, feed + "?language=en")) == ["Summer course"]
    titles = calendar_titles(visit(browser_for, feed + f"?from={days(20).isoformat()}"))
    assert titles == ["Spring course", "Summer course"]
    organisation_feed = f"{world.geo.absolute_url()}/@@upcoming-courses.ics?language=ro"
    assert calendar_titles(visit(browser_for, organisation_feed)) == [
        "Running course",
        "Spring course",
    ]


def test_calendar_refuses_filters_it_cannot_use(world, browser_for):
    browser = browser_for(None)
    browser.open(f"{world.portal_url}/@@upcoming-courses.ics?country=XX&from=soon")
    assert browser.headers["status"].startswith("400")
    assert "country: Choose a country from the list." in browser.contents
    assert "from: Give a date as year-month-day" in browser.contents


# -- front page, organisation page, course page --------------------------------------


def test_front_page_links_and_next_courses(world, browser_for):
    for language in ("en", "ro", "sv"):
        browser = visit(browser_for, f"{world.portal_url}/{language}")
        contents = browser.contents
        root = f"{world.portal_url}/{language}"
        assert f'href="{root}/@@certified-organisations"' in contents
        assert f'href="{root}/@@upcoming-courses"' in contents
        assert f'href="{world.portal_url}/verify"' in contents
        apply_id = {"en": "apply", "ro": "inscriere", "sv": "ansok"}[language]
        assert f'href="{root}/{apply_id}"' in contents
        next_courses = contents[contents.index('id="next-courses"') :]
        assert re.findall(r'<a href="[^"]*">([^<]*course)</a>', next_courses)[:3] == [
            "Berlin course",
            "Spring course",
            "Summer course",
        ]
        assert 'id="organisation-list"' in contents  # the map's text alternative
        assert "&lt;script&gt;" in contents
        assert "<script>alert" not in contents


def test_front_page_lists_are_kept_ready_until_the_programme_changes(
    world, browser_for, monkeypatch
):
    def refused(*args, **kwargs):
        raise AssertionError("asked the catalog again")

    first = visit(browser_for, f"{world.portal_url}/en?first=1").contents
    visit(browser_for, f"{world.portal_url}/sv?first=1")
    monkeypatch.setattr(listings, "search_organisations", refused)
    monkeypatch.setattr(listings, "upcoming_courses", refused)

    again = visit(browser_for, f"{world.portal_url}/en?again=1").contents
    # each language has its own (dates and countries in its words)
    in_swedish = visit(browser_for, f"{world.portal_url}/sv?again=1").contents

    def part(html, start, end="</ul>"):
        found = html[html.index(start) :]
        return found[: found.index(end)]

    assert part(again, 'id="organisation-list"') == part(first, 'id="organisation-list"')
    assert part(again, 'id="next-courses"') == part(first, 'id="next-courses"')
    assert "Tyskland" in part(in_swedish, 'id="next-courses"')

    monkeypatch.undo()
    certify(create_application(api.portal.get(), title="Aalborg Academy", country="DK"))
    transaction.commit()

    changed = visit(browser_for, f"{world.portal_url}/en?changed=1").contents
    assert "Aalborg Academy" in part(changed, 'id="organisation-list"')


def test_organisation_page_shows_centres_courses_and_calendar(world, browser_for):
    browser = visit(browser_for, world.geo.absolute_url())
    contents = browser.contents
    assert "Contributions to QGIS" in contents
    assert "QGIS for beginners" in contents  # its course type
    assert '<span class="centre-address">Main street 1, Cluj centre</span>' in contents
    assert '<span class="centre-country">Romania</span>' in contents
    upcoming = contents[contents.index('id="upcoming-courses"') :]
    assert "Spring course" in upcoming
    assert "Summer course" in upcoming
    assert "Past course" not in contents
    assert "Draft course" not in contents
    assert f'href="{world.geo.absolute_url()}/@@upcoming-courses.ics"' in contents
    assert contents.count("<h1") == 1


def test_owner_still_sees_every_course_of_the_organisation(world, browser_for):
    browser = visit(browser_for, world.geo.absolute_url(), user="owner")
    assert "Draft course" in browser.contents
    assert "Past course" in browser.contents


def test_course_page_tells_a_visitor_what_they_need(world, browser_for):
    browser = visit(browser_for, world.spring.absolute_url())
    contents = browser.contents
    assert '<dd class="col-sm-9 course-type">QGIS for beginners</dd>' in contents
    assert '<dd class="col-sm-9 course-convener">Ana Trainer</dd>' in contents
    # the page speaks the visitor's language, whatever language the course is taught in
    page_language = re.search(r'<html[^>]* lang="(\w+)"', contents).group(1)
    assert page_language == "en"
    romanian = listings.language_name("ro", page_language)
    assert f'<dd class="col-sm-9 course-language">{romanian}</dd>' in contents
    place = contents[contents.index('class="col-sm-9 course-place"') :]
    place = place[: place.index("</dd>")]
    assert "Cluj centre" in place
    assert "Main street 1" in place
    assert country_name("RO", page_language) in place
    assert f'datetime="{days(30).isoformat()}"' in contents
    assert world.geo.absolute_url() in contents


# -- accessibility basics -------------------------------------------------------------


PAGES = ("certified-organisations", "upcoming-courses")


@pytest.mark.parametrize("view", PAGES)
def test_one_h1_labelled_controls_and_a_submit_button(world, browser_for, view):
    for language in ("en", "ro", "sv"):
        contents = visit(browser_for, world.url(language, view)).contents
        assert contents.count("<h1") == 1
        start = contents.index('role="search" class="row')
        form = contents[start : contents.index("</form>", start)]
        ids = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', form)
        assert ids
        for control in ids:
            assert f'<label class="form-label" for="{control}"' in form, control
        assert '<button class="btn btn-primary" type="submit"' in form
        assert "<table" not in contents[contents.index('id="content"') :]
        assert 'id="portal-languageselector"' in contents


def test_language_switcher_keeps_the_list_and_its_filters(world, browser_for):
    browser = visit(browser_for, world.url("en", "certified-organisations") + "?country=DE")
    links = re.findall(r'href="([^"]*multilingual-selector[^"]*)"', browser.contents)
    romanian = [link for link in links if link.endswith("/ro") or "/ro?" in link]
    assert romanian, links
    browser.open(romanian[0].replace("&amp;", "&"))
    assert browser.url.startswith(world.url("ro", "certified-organisations"))
    assert result_titles(browser.contents) == ["Berlin GIS"]
    assert '<option value="DE" selected="selected">Germania</option>' in browser.contents
