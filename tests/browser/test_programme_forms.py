"""The add and edit forms in the programme's words: names, not titles; no
Plone settings for applicants; required choices that start empty; checkboxes
for the kinds of contribution; errors in plain words; a new course type leads
on to its material; course type and training centre pages."""

import lxml.html
import pytest
import transaction
from builders import add_course_parts
from builders import course_data
from builders import create_application
from form_helpers import field_error
from plone import api

from qgis.certification.builders import courses


def add_form(browser_for, user, container, portal_type):
    transaction.commit()
    browser = browser_for(user)
    browser.open(f"{container.absolute_url()}/++add++{portal_type}")
    return browser


def label_of(browser, widget_id):
    page = lxml.html.fromstring(browser.contents)
    (label,) = page.xpath(f"//label[@for='{widget_id}']")
    return " ".join(label.text_content().split())


def test_organisation_form_asks_for_a_name_without_plone_settings(site, browser_for):
    browser = add_form(browser_for, "owner", site["organisations"], "CertifyingOrganisation")
    assert label_of(browser, "form-widgets-IBasic-title").startswith("Name")
    for plumbing in ("IShortName.id", "IExcludeFromNavigation.exclude_from_nav"):
        assert f"form.widgets.{plumbing}" not in browser.contents
    assert "fieldset-settings" not in browser.contents


def test_site_managers_keep_the_settings(site, browser_for):
    browser = add_form(browser_for, "site_manager", site["organisations"], "CertifyingOrganisation")
    assert "form.widgets.IShortName.id" in browser.contents
    assert label_of(browser, "form-widgets-IBasic-title").startswith("Name")


def test_country_starts_empty_and_contributions_are_checkboxes(site, browser_for):
    browser = add_form(browser_for, "owner", site["organisations"], "CertifyingOrganisation")
    page = lxml.html.fromstring(browser.contents)
    (country,) = page.xpath("//select[@name='form.widgets.country:list']")
    first = country.xpath(".//option")[0]
    assert first.text_content().strip() == "Choose…"
    assert [o.get("value") for o in country.xpath(".//option[@selected]")] == [first.get("value")]
    boxes = page.xpath("//input[@type='checkbox'][@name='form.widgets.contribution_types:list']")
    assert {box.get("value") for box in boxes} >= {"documentation", "translation"}


def test_organisation_left_on_choose_is_refused(site, browser_for):
    browser = add_form(browser_for, "owner", site["organisations"], "CertifyingOrganisation")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.IBasic.title").value = "Geo Nowhere"
    form.getControl(name="form.widgets.email").value = "office@nowhere.example"
    form.getControl(name="form.buttons.save").click()
    assert field_error(browser.contents, "country") == "Required input is missing."
    transaction.begin()
    assert not api.content.find(portal_type="CertifyingOrganisation", Title="Geo Nowhere")


def test_hours_error_in_plain_words(site, browser_for):
    organisation = create_application(site, complete=False)
    browser = add_form(browser_for, "owner", organisation, "CourseType")
    assert label_of(browser, "form-widgets-IBasic-title").startswith("Name")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.IBasic.title").value = "QGIS basics"
    form.getControl(name="form.widgets.instruction_hours").value = "ten"
    form.getControl(name="form.buttons.save").click()
    assert field_error(browser.contents, "instruction_hours") == "Enter a whole number, such as 16."
    assert "integer literal" not in browser.contents


def test_new_course_type_leads_on_to_its_material(site, browser_for):
    organisation = create_application(site, complete=False)
    browser = add_form(browser_for, "owner", organisation, "CourseType")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.IBasic.title").value = "QGIS basics"
    form.getControl(name="form.widgets.instruction_hours").value = "16"
    form.getControl(name="form.buttons.save").click()
    assert browser.url == f"{organisation.absolute_url()}/qgis-basics/++add++File"
    assert "Now add its training material" in browser.contents


@pytest.mark.parametrize(
    ("portal_type", "field"),
    [("TrainingCenter", "country")],
)
def test_other_required_choices_start_empty(site, browser_for, portal_type, field):
    organisation = create_application(site)
    browser = add_form(browser_for, "owner", organisation, portal_type)
    page = lxml.html.fromstring(browser.contents)
    (select,) = page.xpath(f"//select[@name='form.widgets.{field}:list']")
    assert select.xpath(".//option")[0].text_content().strip() == "Choose…"
    assert label_of(browser, "form-widgets-IBasic-title").startswith("Name")


def test_course_form_choices_start_empty(certified, browser_for):
    organisation, _course, _attendees = certified
    browser = add_form(browser_for, "owner", organisation, "Course")
    page = lxml.html.fromstring(browser.contents)
    for field in ("course_type", "convener", "training_center", "course_language"):
        (select,) = page.xpath(f"//select[@name='form.widgets.{field}:list']")
        first = select.xpath(".//option")[0]
        assert first.text_content().strip() == "Choose…", field
        assert first.get("selected") is not None, field


def test_a_course_saved_without_a_language_is_refused_next_to_the_field(certified, browser_for):
    organisation, _course, _attendees = certified
    browser = add_form(browser_for, "owner", organisation, "Course")
    browser.getControl(name="form.widgets.IBasic.title").value = "QGIS in autumn"
    for field in ("course_type", "convener", "training_center"):
        control = browser.getControl(name=f"form.widgets.{field}:list")
        control.value = [control.options[1]]
    browser.getControl(name="form.widgets.start_date").value = "2026-11-02"
    browser.getControl(name="form.widgets.end_date").value = "2026-11-04"
    browser.getControl(name="form.buttons.save").click()
    assert field_error(browser.contents, "course_language")
    assert "qgis-in-autumn" not in organisation


def test_a_course_made_without_a_language_is_still_taught_in_english(certified):
    organisation, _course, _attendees = certified
    parts = [organisation[name] for name in ("qgis-for-beginners", "ana-trainer", "cluj-centre")]
    data = course_data(*parts)
    del data["course_language"]
    with api.env.adopt_user(username="owner"):
        course = courses.add_course(organisation, **data)
    assert course.course_language == "en"


def test_course_type_page_shows_hours_and_material(site, browser_for):
    organisation = create_application(site)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation["qgis-for-beginners"].absolute_url())
    page = lxml.html.fromstring(browser.contents)
    assert page.find_class("instruction-hours")[0].text_content().strip() == "16"
    material = page.get_element_by_id("training-material")
    assert "Exercises" in material.text_content()
    assert "Short name" not in browser.contents
    assert len(page.find_class("add-material")) == 2


def test_training_centre_page_shows_where_it_is(site, browser_for):
    organisation = create_application(site)
    add_course_parts(organisation)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation["cluj-centre"].absolute_url())
    page = lxml.html.fromstring(browser.contents)
    assert page.find_class("centre-country")[0].text_content().strip() == "Romania"
    assert "openstreetmap.org" in page.find_class("centre-map")[0].get("href")
    assert "Short name" not in browser.contents
