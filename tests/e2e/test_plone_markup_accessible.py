"""Plone's own markup on the programme's forms and pages, checked with axe-core
and nothing left out: a form with a file field, an edit form with an image
already uploaded, a form with a rich text field (TinyMCE, in Romanian) and the
toolbar of a logged-in person (browser/accessible/)."""

import re

import axe_helpers
import pytest
import transaction
from builders import create_application
from file_helpers import tiny_png
from playwright.sync_api import expect
from plone import api
from plone.namedfile.file import NamedBlobImage


pytestmark = pytest.mark.server


@pytest.fixture
def organisation(server_site):
    """A draft application of ``owner``, with its logo uploaded."""
    with api.env.adopt_roles(["Manager"]):
        made = create_application(server_site)
        made.logo = NamedBlobImage(data=tiny_png(), filename="logo.png")
    transaction.commit()
    return made


def assert_accessible(page):
    page.wait_for_load_state("load")
    axe_helpers.assert_accessible(page)


def test_a_file_upload_is_named_after_its_field(organisation, page, log_in, form_ready):
    log_in("owner")
    page.goto(f"{organisation['qgis-for-beginners'].absolute_url()}/++add++File")
    form_ready()
    expect(page.get_by_label("File", exact=True)).to_have_attribute("type", "file")
    assert_accessible(page)


def test_an_uploaded_image_can_be_kept_removed_or_replaced(organisation, page, log_in, form_ready):
    log_in("owner")
    page.goto(f"{organisation.absolute_url()}/edit")
    form_ready()
    upload = page.get_by_label("Logo", exact=True)
    expect(upload).to_be_disabled()
    page.get_by_label("Replace with new image").check()
    expect(upload).to_be_enabled()
    expect(page.get_by_label("Keep existing image")).to_have_count(1)
    expect(page.get_by_label("Remove existing image")).to_have_count(1)
    assert_accessible(page)


def test_the_rich_text_editor_in_romanian(organisation, page, log_in, form_ready):
    log_in("owner")
    # a desktop narrow enough for the editor's buttons not to fit on one row
    # (the form has the page's whole width: no portlet column beside it)
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(f"{organisation.absolute_url()}/edit?set_language=ro")
    form_ready()
    page.locator(".autotoc-nav a").nth(1).click()
    field = page.locator("#formfield-form-widgets-contributions")
    frame = field.locator("iframe")
    expect(frame).to_be_visible()
    # named after its field; its menus and buttons named by what they show
    label = field.locator("label.form-label").inner_text().strip()
    expect(frame).to_have_attribute("title", label)
    expect(field.locator(".tox-mbtn").nth(2)).to_have_text("Formatare")
    # the editor grows with its text: no resize handle
    expect(field.locator(".tox-statusbar__resize-handle")).to_have_count(0)
    assert_accessible(page)
    # the buttons that do not fit, Insert image among them, in their drawer
    field.get_by_role("button", name="Afișați sau ascundeți butoanele suplimentare").click()
    image = page.locator('button[data-mce-name="ploneimage"]')
    expect(image).to_have_text("Inserare imagine")
    expect(image).to_have_attribute("aria-label", "Inserare imagine")
    assert_accessible(page)


def test_the_toolbar_of_a_logged_in_person(organisation, page, log_in):
    log_in("owner")
    page.goto(organisation.absolute_url())
    page.wait_for_load_state("load")
    assert_accessible(page)
    body = page.locator("body")
    expect(body).to_have_class(_expanded())
    page.get_by_role("button", name="Unpin").click()
    expect(body).not_to_have_class(_expanded())
    page.get_by_role("button", name="Pin").click()
    expect(body).to_have_class(_expanded())


def test_the_toolbars_history_link_has_a_text(organisation, page, log_in):
    """The site's managers see the History link, whose text is the time of the
    last change."""
    log_in("site_manager")
    page.goto(organisation.absolute_url())
    history = page.locator("#contentview-history a")
    expect(history).to_be_visible()
    expect(history).not_to_have_text("")
    assert_accessible(page)


def _expanded():
    return re.compile(r"\bplone-toolbar-left-expanded\b")
