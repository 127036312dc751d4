"""The edit forms refuse what REST refuses, with the message next to the field:
an unsafe address, a course date out of bounds, a coordinate that is no number."""

import pytest
import transaction
from builders import COURSE_START
from builders import certified_course
from builders import create_application


UNSAFE = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,hi", "ftp://x.example"]


def submit(browser, url, values):
    browser.open(f"{url}/@@edit")
    form = browser.getForm(id="form")
    for name, value in values.items():
        form.getControl(name=name).value = value
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    return browser.contents


def field_error(contents, message):
    """The message shows inside the form, as a field's error."""
    assert "There were some errors" in contents
    assert message in contents


@pytest.mark.parametrize("value", UNSAFE)
def test_website_field_refuses_unsafe_addresses(site, browser_for, value):
    organisation = create_application(site)
    transaction.commit()
    contents = submit(
        browser_for("owner"), organisation.absolute_url(), {"form.widgets.website": value}
    )
    field_error(contents, "starts with http:// or https://")
    assert organisation.website is None


@pytest.mark.parametrize("value", UNSAFE)
def test_link_form_refuses_unsafe_targets(site, browser_for, value):
    organisation = create_application(site)
    link = organisation["qgis-for-beginners"]["exercises"]
    transaction.commit()
    contents = submit(
        browser_for("owner"), link.absolute_url(), {"form.widgets.remoteUrl.external": value}
    )
    field_error(contents, "an e-mail address or a page of this site")
    assert link.remoteUrl == "https://example.org/exercises"


def test_course_form_refuses_a_date_in_year_9999(site, browser_for):
    _organisation, course, _people = certified_course(site)
    transaction.commit()
    contents = submit(
        browser_for("owner"),
        course.absolute_url(),
        {"form.widgets.start_date": "9999-12-30", "form.widgets.end_date": "9999-12-31"},
    )
    field_error(contents, "at most ten years from today")
    assert course.start_date == COURSE_START
