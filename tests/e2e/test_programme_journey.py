"""The whole programme in the browser, as its people walk it, starting from
nothing a newcomer would not have: a visitor signs up from the Romanian front
page and applies; the certification team, the Romanian user group's reviewer
and the PSC find the application on their "My work" and move it on; the owner,
now a trainer, buys credits, runs a course, imports its attendees, issues and
mails their certificates, and one certificate verifies as valid.

Every step is screenshotted, every distinct page and form checked with axe-core.
"""

import re
from datetime import date
from datetime import timedelta
from urllib.parse import urlparse

import axe_helpers
import pytest
import transaction
from builders import PASSWORD
from conftest import TIMEOUT_MS
from mail_helpers import parsed
from playwright.sync_api import expect
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from qgis.certification.interfaces import IInvoiceSettings


pytestmark = pytest.mark.server

EMAIL = "elena.popa@geo-iasi.example"
OWNER = "elena"
OWNER_PASSWORD = "Iasi-GIS-2026-password"
LINK = re.compile(r"http\S+/passwordreset/\S+")
ORGANISATION = "Școala GIS din Iași"
IBAN = "CH9300762011623852957"
CSV = (
    "first_name,last_name,email\n"
    "Ioana,Ștefănescu,ioana@example.org\n"
    "Andrei,Munteanu,andrei@example.org\n"
    "Maria,Dumitrescu,maria@example.org\n"
).encode()
ANSWERS = {
    "teaching": "Cursuri de trei zile, în clasă, pentru cel mult douăsprezece persoane.",
    "trainers": "2",
    "qgis_versions": "Versiunea cu suport pe termen lung.",
    "material_updates": "Revizuim materialele la fiecare versiune cu suport pe termen lung.",
    "future_contributions": "Traducem QGIS în limba română.",
}


def assert_accessible(page):
    page.wait_for_load_state("load")
    axe_helpers.assert_accessible(page)


@pytest.fixture
def bank_details(server_site):
    """The programme's bank account, as its managers set it in the control panel
    before any invoice can be made (restored afterwards)."""
    settings = getUtility(IRegistry).forInterface(IInvoiceSettings)
    before, settings.iban = settings.iban, IBAN
    transaction.commit()
    yield
    settings.iban = before
    transaction.commit()


@pytest.fixture
def person(chromium, base_url, screenshot, request):
    """``person()``: a page in a browser context of its own (one per person), whose
    relative addresses are the site's."""
    host = urlparse(base_url).netloc
    pages = []

    def open_page(locale="en-GB"):
        context = chromium.new_context(
            base_url=f"{base_url}/", locale=locale, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.route(lambda url: urlparse(url).netloc != host, lambda route: route.abort())
        pages.append(context.new_page())
        return pages[-1]

    yield open_page
    report = getattr(request.node, "report_call", None)
    for index, page in enumerate(pages):
        if report is not None and report.failed:
            screenshot(page, f"failure-{index}")
        page.context.close()


def focused(page):
    """Wait for Plone's autofocus pattern (see conftest's ``form_ready``)."""
    page.wait_for_function(
        """() => {
            const form = document.querySelector("form.pat-formautofocus");
            return form !== null && form.contains(document.activeElement);
        }"""
    )


def log_in(page, user_id, password=PASSWORD):
    """Plone's login form; everyone lands on "My work"."""
    page.goto("login")
    focused(page)
    page.fill("#__ac_name", user_id)
    page.fill("#__ac_password", password)
    page.click("#buttons-login")
    expect(page.locator("#personaltools-logout")).to_be_attached()
    expect(page).to_have_url(re.compile(r"@@my-work"))


def workflow_step(page, transition, comment):
    """The state menu in the toolbar → the transition's form → Confirm."""
    page.wait_for_load_state("load")
    page.locator("#plone-contentmenu-workflow > a").click()
    page.locator(f"#workflow-transition-{transition}").click()
    expect(page.locator("#form-widgets-comment")).to_be_visible()
    assert_accessible(page)
    page.fill("#form-widgets-comment", comment)


def confirm(page, transition, comment, state, shot, name):
    """A workflow step confirmed; the state menu then shows ``state``."""
    workflow_step(page, transition, comment)
    shot(page, name)
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("#plone-contentmenu-workflow")).to_contain_text(state)


def mailed_link(portal):
    transaction.begin()
    (mail,) = [mail for mail in parsed(portal.MailHost.messages) if mail["To"] == EMAIL]
    return LINK.search(mail.get_content()).group(0)


def sign_up(page, portal, shot):
    page.goto("ro")
    assert_accessible(page)
    shot(page, "01-front-page")
    page.locator("#apply-now").click()
    focused(page)
    page.fill("#form-widgets-username", OWNER)
    page.fill("#form-widgets-fullname", "Elena Popa")
    page.fill("#form-widgets-email", EMAIL)
    page.check("#form-widgets-accept_terms-0")
    assert_accessible(page)
    shot(page, "02-sign-up")
    page.locator("#form-buttons-register").click()
    expect(page.locator("h1")).to_have_text("Verificați-vă e-mailul")
    assert_accessible(page)
    shot(page, "03-check-your-mail")

    page.goto(mailed_link(portal))
    page.fill("input[name=userid]", OWNER)
    page.fill("input[name=password]", OWNER_PASSWORD)
    page.fill("input[name=password2]", OWNER_PASSWORD)
    assert_accessible(page)
    shot(page, "04-choose-password")
    page.locator(
        "form[name=pwreset_action] button[type=submit], "
        "form[name=pwreset_action] input[type=submit]"
    ).first.click()
    expect(page).to_have_url(re.compile(r"/organisations/\+\+add\+\+CertifyingOrganisation$"))
    expect(page.locator("html")).to_have_attribute("lang", "ro")


def fill_organisation(page, shot):
    focused(page)
    page.fill("#form-widgets-IBasic-title", ORGANISATION)
    page.fill("#form-widgets-email", EMAIL)
    page.select_option("#form-widgets-country", "RO")
    assert_accessible(page)
    shot(page, "05-organisation-form")
    page.locator(".autotoc-nav a").nth(1).click()
    for kind in ("translation", "user_group"):
        page.check(f'#formfield-form-widgets-contribution_types input[value="{kind}"]')
    editor = page.frame_locator("#formfield-form-widgets-contributions iframe").locator("body")
    editor.click()
    page.keyboard.type("Traducem QGIS în limba română: https://example.org/ro")
    assert_accessible(page)
    shot(page, "06-contributions")
    page.click("#form-buttons-save")
    expect(page.locator("h1")).to_have_text(ORGANISATION)
    assert_accessible(page)
    shot(page, "07-organisation-saved")
    return re.sub(r"/(view)?(\?.*)?$", "", page.url)


def add_course_type(page, shot):
    page.locator("#step-course-types a").first.click()
    focused(page)
    page.fill("#form-widgets-IBasic-title", "QGIS în trei zile")
    page.fill("#form-widgets-instruction_hours", "24")
    assert_accessible(page)
    shot(page, "08-course-type")
    page.click("#form-buttons-save")
    expect(page).to_have_url(re.compile(r"/\+\+add\+\+File$"))
    focused(page)
    page.fill("#form-widgets-title", "Exerciții")
    page.set_input_files(
        "#form-widgets-file-input",
        files=[{"name": "exercitii.txt", "mimeType": "text/plain", "buffer": b"Exercitiul 1"}],
    )
    assert_accessible(page)
    shot(page, "09-training-material")
    page.click("#form-buttons-save")
    expect(page.locator("h1")).to_have_text("Exerciții")


def answer_and_submit(page, organisation_url, shot):
    page.goto(organisation_url)
    page.locator("#step-questionnaire a").first.click()
    expect(page).to_have_url(f"{organisation_url}/@@questionnaire")
    focused(page)
    for name, answer in ANSWERS.items():
        page.fill(f"#form-widgets-{name}", answer)
    assert_accessible(page)
    shot(page, "10-questionnaire")
    page.click("#form-buttons-save")
    expect(page.locator("#questionnaire")).to_contain_text(ANSWERS["teaching"])
    panel = page.locator("#application-steps")
    expect(panel.get_by_role("button", name="Trimiteți cererea")).to_be_visible()
    shot(page, "11-ready-to-submit")
    panel.get_by_role("button", name="Trimiteți cererea").click()
    expect(page.locator(".statusmessage-info")).to_be_visible()
    assert_accessible(page)
    shot(page, "12-submitted")


def on_my_work(page, section, shot, name):
    """The application, found in ``section`` of the person's "My work", opened."""
    rows = page.locator(f"#my-work-{section}")
    expect(rows).to_contain_text(ORGANISATION)
    assert_accessible(page)
    shot(page, name)
    rows.get_by_role("link", name=ORGANISATION).click()
    expect(page.locator("h1")).to_have_text(ORGANISATION)


def review(person, shot):
    team = person()
    log_in(team, "team")
    on_my_work(team, "initial-review", shot, "13-team-my-work")
    comment = "Complete; over to QGIS Romania."
    confirm(team, "send_to_user_groups", comment, "User group review", shot, "14-to-user-groups")
    shot(team, "15-in-user-group-review")

    reviewer = person()
    log_in(reviewer, "reviewer_ro")
    on_my_work(reviewer, "user-group-opinions", shot, "16-reviewer-my-work")
    reviewer.get_by_label("Recommend").check()
    reviewer.fill("#form-widgets-comment", "They translate QGIS and run the local meetups.")
    assert_accessible(reviewer)
    shot(reviewer, "17-opinion")
    reviewer.get_by_role("button", name="Record the opinion").click()
    expect(reviewer.locator(".statusmessage-info")).to_contain_text("The opinion is recorded.")
    shot(reviewer, "18-opinion-recorded")

    team.reload()
    comment = "The Romanian user group recommends it."
    confirm(team, "send_to_psc", comment, "PSC", shot, "19-send-to-psc")
    shot(team, "20-waiting-for-psc")

    psc = person()
    log_in(psc, "psc_member")
    on_my_work(psc, "psc-decisions", shot, "21-psc-my-work")
    confirm(psc, "approve", "Approved by the PSC.", "Certified", shot, "22-approve")
    shot(psc, "23-approved")
    return team


def buy_credits(owner, team, organisation_url, shot):
    """The owner orders credits on invoice; the team marks the invoice paid."""
    log_in(owner, OWNER, OWNER_PASSWORD)
    assert_accessible(owner)
    shot(owner, "24-owner-my-work")
    owner.goto(organisation_url)
    owner.fill("#form-widgets-credits", "5")
    method = owner.locator('[name="form.widgets.method:list"]')
    if method.first.evaluate("(element) => element.tagName") == "SELECT":
        method.select_option("invoice")
    else:
        owner.check('[name="form.widgets.method:list"][value="invoice"]')
    assert_accessible(owner)
    shot(owner, "25-buy-credits")
    owner.click("#form-buttons-order")
    expect(owner.locator("#credits .order-status")).to_be_visible()
    assert_accessible(owner)
    shot(owner, "26-ordered")

    team.goto("@@my-work")
    invoices = team.locator("#my-work-invoices-awaiting-payment")
    shot(team, "27-team-invoices")
    invoices.locator("a").first.click()
    assert_accessible(team)
    confirm(team, "mark_paid", "Paid by bank transfer.", "Paid", shot, "28-mark-paid")
    shot(team, "29-paid")


def add_item(page, type_id):
    """Plone's toolbar: Add new… → the type, its form ready."""
    page.wait_for_load_state("load")
    page.locator("#plone-contentmenu-factories > a").click()
    page.locator(f"#plone-contentmenu-factories #{type_id}").click()
    expect(page.locator("#form-buttons-save")).to_be_visible()
    focused(page)


def save(page, shot, name, title):
    assert_accessible(page)
    shot(page, name)
    page.click("#form-buttons-save")
    expect(page.locator("h1")).to_have_text(title)


def add_course(owner, organisation_url, shot):
    owner.goto(organisation_url)
    add_item(owner, "trainingcenter")
    owner.fill("#form-widgets-IBasic-title", "Centrul din Iași")
    owner.select_option("#form-widgets-country", "RO")
    save(owner, shot, "30-training-centre", "Centrul din Iași")
    owner.goto(organisation_url)
    add_item(owner, "courseconvener")
    owner.fill("#form-widgets-IBasic-title", "Elena Popa")
    owner.fill("#form-widgets-user_id", OWNER)
    save(owner, shot, "31-convener", "Elena Popa")
    owner.goto(organisation_url)
    add_item(owner, "course")
    owner.fill("#form-widgets-IBasic-title", "QGIS în trei zile, iarna")
    for field in ("course_type", "convener", "training_center"):
        owner.select_option(f"#form-widgets-{field}", index=1)
    started, ends = date.today() - timedelta(days=3), date.today() + timedelta(days=30)
    owner.fill("#form-widgets-start_date", started.isoformat())
    owner.fill("#form-widgets-end_date", ends.isoformat())
    owner.select_option("#form-widgets-course_language", "ro")
    save(owner, shot, "32-course", "QGIS în trei zile, iarna")
    return re.sub(r"/(view)?(\?.*)?$", "", owner.url)


def certify_attendees(owner, shot):
    owner.locator("#attendees a[href$='@@import-attendees']").click()
    with owner.expect_file_chooser() as chooser:
        owner.click("#form-widgets-file")
    chooser.value.set_files(files=[{"name": "cursanti.csv", "mimeType": "text/csv", "buffer": CSV}])
    assert_accessible(owner)
    shot(owner, "33-import-attendees")
    owner.click("#form-buttons-import")
    expect(owner.locator("#attendees")).to_contain_text("Ioana")
    shot(owner, "34-imported")

    owner.locator("#attendees a[href$='@@issue-certificates']").click()
    owner.check('[name="form.widgets.all:list"]')
    assert_accessible(owner)
    shot(owner, "35-issue")
    owner.click("#form-buttons-review")
    assert_accessible(owner)
    shot(owner, "36-issue-review")
    owner.click("#form-buttons-issue")
    expect(owner.locator("#certificates")).to_contain_text("Ioana")
    shot(owner, "37-issued")

    owner.click("#mail-certificates")
    expect(owner).to_have_url(re.compile(r"@@mail-certificates$"))
    assert_accessible(owner)
    shot(owner, "38-mail")
    owner.click("#form-buttons-review")
    assert_accessible(owner)
    shot(owner, "39-mail-confirm")
    owner.click("#form-buttons-mail")
    expect(owner.locator(".statusmessage-info")).to_be_visible()
    shot(owner, "40-mailed")


def test_the_programme_from_sign_up_to_a_verified_certificate(
    server_site, bank_details, person, screenshot
):
    shot = screenshot
    page = person("ro-RO")
    sign_up(page, server_site, shot)
    organisation_url = fill_organisation(page, shot)
    add_course_type(page, shot)
    answer_and_submit(page, organisation_url, shot)

    transaction.begin()
    organisation = server_site.unrestrictedTraverse(urlparse(organisation_url).path)
    assert api.content.get_state(organisation) == "submitted"
    assert OWNER in organisation.users_with_local_role("Owner")

    team = review(person, shot)
    transaction.begin()
    assert api.content.get_state(organisation) == "published"

    owner = person("ro-RO")
    buy_credits(owner, team, organisation_url, shot)
    course_url = add_course(owner, organisation_url, shot)
    certify_attendees(owner, shot)

    transaction.begin()
    course = server_site.unrestrictedTraverse(urlparse(course_url).path)
    certificates = api.content.find(context=course, portal_type="Certificate", unrestricted=True)
    assert len(certificates) == 3
    code = certificates[0]._unrestrictedGetObject().code
    mailed = {mail["To"] for mail in parsed(server_site.MailHost.messages)}
    assert {"ioana@example.org", "andrei@example.org", "maria@example.org"} <= mailed

    # anyone holding the certificate checks it on the site's verification page
    visitor = person()
    visitor.goto("verify")
    visitor.fill("#code", code)
    visitor.get_by_role("button", name="Verify").click()
    expect(visitor.locator("#verify-valid")).to_be_visible()
    assert_accessible(visitor)
    shot(visitor, "41-verified")
