"""The programme's look: its logo (replaceable in Site Setup), its style sheet,
an icon for every product type, state badge colours that can be read, and its
footer in every language instead of Plone's copyright."""

import io
import re
from pathlib import Path

import pytest
import transaction
from PIL import Image
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.formwidget.namedfile.converter import b64decode_file
from plone.i18n.normalizer.interfaces import IIDNormalizer
from plone.registry.interfaces import IRegistry
from plone.testing.zope import Browser
from zope.component import getUtility

import qgis.certification
from qgis.certification.public import site_logo
from qgis.certification.public.programme_pages import PAGES
from qgis.certification.setuphandlers import post_install


STATIC = Path(qgis.certification.__file__).parent / "browser" / "static"
STYLE_SHEET = STATIC / "theme" / "qgis-theme.css"
PRODUCT_TYPES = (
    "OrganisationFolder",
    "UserGroupFolder",
    "CertifyingOrganisation",
    "CourseType",
    "TrainingCenter",
    "CourseConvener",
    "Course",
    "Attendee",
    "CertificateTypeFolder",
    "CertificateType",
    "Certificate",
    "Invoice",
    "UserGroup",
    "TrainerNomination",
)
CONTACT = "certification@qgis.org"
PLONE_COPYRIGHT = ("Plone Foundation", "Powered by Plone", "GNU GPL license", "portal-colophon")


def logo_filename():
    filename, _data = b64decode_file(api.portal.get_registry_record("plone.site_logo"))
    return filename


def anonymous(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    return browser


# --- the logo


def test_the_site_logo_is_the_programmes_mark(portal):
    filename, data = b64decode_file(api.portal.get_registry_record("plone.site_logo"))
    assert filename == "qgis-certification-logo.svg"
    assert data == site_logo.LOGO_FILE.read_bytes()
    assert b"#589632" in data
    assert b"<svg" in data


def test_pages_show_the_logo_and_the_style_sheet(functional):
    transaction.commit()
    portal_url = functional["portal"].absolute_url()
    browser = anonymous(functional)
    browser.open(portal_url + "/en")
    assert f'src="{portal_url}/@@site-logo/qgis-certification-logo.svg"' in browser.contents
    assert "plone-logo.svg" not in browser.contents
    # the programme's style sheet comes after the theme's, so that it wins
    theme = browser.contents.index("++theme++barceloneta/css/barceloneta.min.css")
    assert browser.contents.index("++plone++qgis.certification/theme/qgis-theme.css") > theme
    browser.open(portal_url + "/@@site-logo/qgis-certification-logo.svg")
    assert browser.headers["Content-Type"].startswith("image/svg+xml")


def small_png():
    image = io.BytesIO()
    Image.new("RGB", (4, 2), (88, 150, 50)).save(image, "PNG")
    return image.getvalue()


def test_the_team_replaces_the_logo_in_site_setup(functional):
    transaction.commit()
    portal_url = functional["portal"].absolute_url()
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(portal_url + "/@@site-controlpanel")
    browser.getControl(name="form.widgets.site_logo.action").value = ["replace"]
    browser.getControl(name="form.widgets.site_logo").add_file(
        small_png(), "image/png", "official-mark.png"
    )
    browser.getControl(name="form.buttons.save").click()
    assert "Changes saved" in browser.contents

    transaction.begin()
    assert logo_filename() == "official-mark.png"
    browser.open(portal_url + "/en")
    assert f'src="{portal_url}/@@site-logo/official-mark.png"' in browser.contents
    # installing the product again keeps the team's logo
    post_install(None)
    assert logo_filename() == "official-mark.png"


def test_a_site_without_logo_gets_the_programmes(portal):
    getUtility(IRegistry)["plone.site_logo"] = None
    assert site_logo.ensure_site_logo() == ["plone.site_logo"]
    assert logo_filename() == "qgis-certification-logo.svg"
    assert site_logo.ensure_site_logo() == []


def test_the_favicon_is_the_programmes_mark(functional):
    filename, data = b64decode_file(api.portal.get_registry_record("plone.site_favicon"))
    assert filename == "qgis-certification-mark.svg"
    assert data == site_logo.FAVICON_FILE.read_bytes()
    transaction.commit()
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "/favicon.ico")
    assert browser.headers["Content-Type"].startswith("image/svg+xml")
    assert browser.contents.startswith(b"<svg")


# --- icons


@pytest.mark.parametrize("portal_type", PRODUCT_TYPES)
def test_every_product_type_has_its_own_icon(portal, portal_type):
    """The add menu resolves the FTI's icon_expr, listings and the contents
    view ``contenttype/<normalized type>``: both name one record."""
    name = getUtility(IIDNormalizer).normalize(portal_type)
    fti = api.portal.get_tool("portal_types")[portal_type]
    assert fti.icon_expr == f"string:contenttype/{name}"
    icon = api.portal.get_registry_record(f"plone.icon.contenttype/{name}")
    resolver = portal.restrictedTraverse("@@iconresolver")
    assert resolver.lookup(f"contenttype/{name}") == icon
    assert icon.startswith("++plone++bootstrap-icons/")
    assert icon != api.portal.get_registry_record("plone.icon.contenttype")
    assert "<svg" in resolver.tag(f"contenttype/{name}")


# --- colours


def contrast(foreground, background):
    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def style_rules():
    """``{selector: {property: value}}`` of the style sheet, variables resolved."""
    text = re.sub(r"/\*.*?\*/", "", STYLE_SHEET.read_text(encoding="utf-8"), flags=re.S)
    rules = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        declarations = {
            name.strip(): value.strip()
            for name, _, value in (line.partition(":") for line in body.split(";"))
            if value
        }
        for selector in selectors.split(","):
            rules.setdefault(" ".join(selector.split()), {}).update(declarations)
    variables = rules[":root"]
    for declarations in rules.values():
        for name, value in declarations.items():
            match = re.fullmatch(r"var\((--[\w-]+)\)", value)
            if match and match.group(1) in variables:
                declarations[name] = variables[match.group(1)]
    return rules


def product_states():
    workflows = api.portal.get_tool("portal_workflow")
    return {
        state
        for workflow_id in workflows.getWorkflowIds()
        if workflow_id.startswith("qgis_")
        for state in workflows[workflow_id].states.objectIds()
    }


def badge_colours(rules, state):
    """(text, background) of the badge of a state."""
    rule = {**rules[".qgis-state"], **rules[f".qgis-state.state-{state}"]}
    return rule["--qgis-state-fg"], rule["--qgis-state-bg"]


def test_every_state_has_a_badge_colour_that_can_be_read(portal):
    rules = style_rules()
    for state in product_states():
        assert contrast(*badge_colours(rules, state)) >= 4.5, state


def test_the_badges_say_what_the_state_means():
    rules = style_rules()

    def background(state):
        return badge_colours(rules, state)[1]

    assert background("published") == background("issued") == background("approved")
    assert background("rejected") == background("revoked") == background("cancelled")
    assert background("submitted") == background("psc_decision") == background("unpaid")
    assert len({background(s) for s in ("published", "rejected", "draft", "submitted")}) == 4


def test_footer_and_links_can_be_read():
    rules = style_rules()
    footer = rules["#portal-footer-wrapper"]["background-color"]
    assert contrast(rules["#portal-footer-wrapper"]["color"], footer) >= 4.5
    assert contrast(rules["#portal-footer-wrapper a"]["color"], footer) >= 4.5
    assert contrast(rules[":root"]["--bs-link-color"], "#ffffff") >= 4.5
    # the toolbar's dark background (Barceloneta's) and its "published" states
    assert contrast(rules[":root"]["--plone-link-color-on-dark"], "#212529") >= 4.5
    assert contrast("#ffffff", rules[".pagination"]["--bs-pagination-active-bg"]) >= 4.5
    assert contrast("#ffffff", rules[".btn-primary"]["--bs-btn-bg"]) >= 4.5


# --- the footer


@pytest.mark.parametrize("language", ["en", "ro", "sv"])
def test_the_footer_speaks_the_pages_language(functional, language):
    api.portal.set_registry_record("plone.email_from_address", CONTACT)
    transaction.commit()
    portal_url = functional["portal"].absolute_url()
    browser = anonymous(functional)
    browser.open(f"{portal_url}/{language}")
    footer = browser.contents[browser.contents.index('id="portal-footer-wrapper"') :]
    assert f'href="mailto:{CONTACT}"' in footer
    for page in (PAGES[0], PAGES[-1]):  # about, privacy
        link = f'href="{portal_url}/{language}/{page["id"][language]}"'
        assert link in footer
        assert page["title"][language] in footer
    assert f'href="{portal_url}/verify"' in footer
    assert f'href="{portal_url}/{language}/@@statistics"' in footer
    for text in PLONE_COPYRIGHT:
        assert text not in browser.contents


def test_the_footer_replaces_plones_portlets(portal):
    from plone.portlets.interfaces import IPortletAssignmentMapping
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter

    manager = getUtility(IPortletManager, name="plone.footerportlets")
    mapping = getMultiAdapter((portal, manager), IPortletAssignmentMapping)
    assert list(mapping.keys())[0] == "qgis-footer"
    assert "footer" not in mapping
    assert "colophon" not in mapping
    assert mapping["qgis-footer"].template == "@@qgis-footer"
