"""Browser tests: Debian's Chromium, driven by Playwright, against the server layer.

One browser for the whole session, a fresh context (cookies, storage) per test.
Every screenshot a test takes, and one of the page whenever a test fails, is
kept in ``test-artifacts/screenshots/`` (git-ignored) for a person to look at.
"""

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from builders import PASSWORD
from playwright.sync_api import expect
from playwright.sync_api import sync_playwright


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
TIMEOUT_MS = 20_000


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def base_url(server):
    """The test site's URL, as the browser sees it."""
    return server["portal"].absolute_url()


def file_name(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")


@pytest.fixture
def screenshot(request):
    """``screenshot(page, step)``: a full-page PNG named after the test and the step."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, step):
        path = SCREENSHOTS / f"{file_name(request.node.name)}-{file_name(step)}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def page(request, chromium, base_url, screenshot):
    """A page in a fresh browser context, in English, that only reaches the test
    server (map tiles and other outside hosts are refused, so nothing waits on
    the network)."""
    host = urlparse(base_url).netloc
    context = chromium.new_context(
        base_url=base_url, locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.route(
        lambda url: urlparse(url).netloc != host,
        lambda route: route.abort(),
    )
    page = context.new_page()
    expect.set_options(timeout=TIMEOUT_MS)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        screenshot(page, "failure")
    context.close()


@pytest.fixture
def form_ready(page):
    """``form_ready()``: waits for Plone's autofocus pattern to put the cursor in
    the form's first field. Typing earlier races with it: the pattern can move
    the focus while a field is being filled, and the text lands elsewhere."""

    def wait():
        page.wait_for_function(
            """() => {
                const form = document.querySelector("form.pat-formautofocus");
                return form !== null && form.contains(document.activeElement);
            }"""
        )

    return wait


@pytest.fixture
def log_in(page, base_url, form_ready):
    """``log_in(user_id)``: through Plone's login form, as a person does."""

    def submit(user_id, password=PASSWORD):
        page.goto(f"{base_url}/login")
        form_ready()
        page.fill("#__ac_name", user_id)
        page.fill("#__ac_password", password)
        page.click("#buttons-login")
        expect(page.locator("#personaltools-logout")).to_be_attached()

    return submit


@pytest.fixture
def use_workflow_menu(page):
    """``use_workflow_menu(transition)``: open Plone's state menu in the toolbar
    and choose the transition, which leads to the product's transition form."""

    def choose(transition):
        # the menu opens through Bootstrap's script: wait until it has run
        page.wait_for_load_state("load")
        page.locator("#plone-contentmenu-workflow > a").click()
        page.locator(f"#workflow-transition-{transition}").click()
        expect(page.locator("#form-widgets-comment")).to_be_visible()

    return choose
