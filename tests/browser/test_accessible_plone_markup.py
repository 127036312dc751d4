"""Plone's own markup as the programme's layer renders it (browser/accessible/):
file and image uploads named after their field, in the reader's language, and
the toolbar's pin and unpin controls as buttons. The browser tests
(tests/e2e/test_plone_markup_accessible.py) check the pages with axe-core."""

import lxml.html
import pytest
import transaction
from builders import committed
from builders import create_application
from file_helpers import tiny_png
from plone.namedfile.file import NamedBlobImage


@pytest.fixture
def organisation(site):
    return committed(create_application, site)


def page_of(browser_for, user, url, language="en"):
    browser = browser_for(user)
    browser.addHeader("Accept-Language", language)
    browser.open(url)
    return lxml.html.fromstring(browser.contents)


def upload_input(page, widget_id):
    (element,) = page.xpath(f"//input[@id='{widget_id}-input']")
    return element


def test_a_file_upload_is_named_after_its_field(organisation, browser_for):
    url = f"{organisation['qgis-for-beginners'].absolute_url()}/++add++File"
    page = page_of(browser_for, "owner", url)
    upload = upload_input(page, "form-widgets-file")
    assert upload.get("type") == "file"
    assert upload.get("aria-label") == "File"
    assert upload.get("required") == "required"


def test_an_upload_is_named_in_the_readers_language(organisation, browser_for):
    url = f"{organisation['qgis-for-beginners'].absolute_url()}/++add++File"
    page = page_of(browser_for, "owner", url, "ro")
    (label,) = page.xpath("//label[@for='form-widgets-file']")
    name = upload_input(page, "form-widgets-file").get("aria-label")
    assert name == " ".join(label.text_content().split())
    assert name not in ("", "File")


def test_an_uploaded_image_offers_to_keep_remove_or_replace_it(organisation, browser_for):
    organisation.logo = NamedBlobImage(data=tiny_png(), filename="logo.png")
    transaction.commit()
    page = page_of(browser_for, "owner", f"{organisation.absolute_url()}/edit")
    choices = {
        radio.get("value"): " ".join(radio.getparent().text_content().split())
        for radio in page.xpath("//input[@name='form.widgets.logo.action']")
    }
    assert choices == {
        "nochange": "Keep existing image",
        "remove": "Remove existing image",
        "replace": "Replace with new image",
    }
    assert upload_input(page, "form-widgets-logo").get("aria-label") == "Logo"
    assert page.xpath("//div[@id='form-widgets-logo']//a/img")  # the image's thumbnail


def test_the_toolbar_is_pinned_and_unpinned_with_buttons(organisation, browser_for):
    page = page_of(browser_for, "owner", organisation.absolute_url())
    for control, name in (("toolbar-collapse", "Unpin"), ("toolbar-expand", "Pin")):
        (element,) = page.xpath(f"//*[@id='edit-zone']//*[contains(@class, '{control}')]")
        assert (element.tag, element.get("type"), element.get("aria-label")) == (
            "button",
            "button",
            name,
        )


def test_the_history_link_has_a_text_before_any_script_runs(organisation, browser_for):
    page = page_of(browser_for, "site_manager", organisation.absolute_url())
    (link,) = page.xpath("//li[@id='contentview-history']/a")
    (time,) = link.xpath(".//time")
    assert time.text_content().strip()
    assert " ".join(link.text_content().split()) == time.text_content().strip()
