"""Every page in Barceloneta's layout, written by the product's main template
without Diazo: the header, the navigation bar with the search box, the
breadcrumbs, the content and the footer's doormat are where Barceloneta's rules
put them, pages are never run through a theme transform, and the toolbar,
portlets and Plone's own editing screens still work."""

import itertools

import lxml.html
import pytest
import transaction
from plone import api
from plone.app.portlets.portlets import actions
from plone.app.portlets.portlets import classic
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.theming.transform import ThemeTransform
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.testing.zope import Browser
from zope.component import getMultiAdapter
from zope.component import getUtility


FRESH = itertools.count()
THEME = "plone.app.theming.interfaces.IThemeSettings"


def page(browser, url):
    """The page as a tree, asked with a query string never asked before (the RAM
    cache would answer a page it has kept whole)."""
    browser.open(f"{url}{'&' if '?' in url else '?'}fresh={next(FRESH)}")
    assert browser.headers["status"].startswith("200"), browser.headers["status"]
    return lxml.html.fromstring(browser.contents.encode("utf-8"))


def one(tree, path):
    found = tree.xpath(path)
    assert len(found) == 1, f"{path}: {len(found)} found"
    return found[0]


def footer_column(portal):
    manager = getUtility(IPortletManager, name="plone.footerportlets", context=portal)
    return getMultiAdapter((portal, manager), IPortletAssignmentMapping)


def test_the_site_uses_the_programme_theme_without_rules(portal):
    assert api.portal.get_registry_record(f"{THEME}.currentTheme") == "qgis-certification"
    assert api.portal.get_registry_record(f"{THEME}.enabled") is True
    assert not api.portal.get_registry_record(f"{THEME}.rules")


def test_no_page_goes_through_the_theme_transform(site, browser_for, monkeypatch):
    transaction.commit()
    monkeypatch.setattr(
        ThemeTransform, "setupTransform", lambda *args, **kw: pytest.fail("themed by Diazo")
    )

    tree = page(browser_for(None), site["en"].absolute_url())

    # Barceloneta's style sheet still styles it
    assert tree.xpath("//link[contains(@href, '++theme++barceloneta/css/barceloneta.min.css')]")


def test_a_visitors_page_has_barcelonetas_layout(site, browser_for):
    transaction.commit()
    tree = page(browser_for(None), f"{site['en'].absolute_url()}/about")

    body = one(tree, "//body")
    assert {"d-flex", "flex-column", "h-100", "userrole-anonymous"} <= set(body.classes)
    header = one(tree, "//div[@class='outer-wrapper flex-shrink-0']/header[@id='content-header']")
    # the personal tools and the language links above, the logo and the phone menu's button
    top = one(header, "div[@id='portal-top']")
    assert one(top, ".//a[@id='personaltools-login']").text.strip() == "Log in"
    assert [link.text.strip() for link in top.xpath(".//ul[@id='portal-languageselector']//a")] == [
        "English",
        "Română",
        "Svenska",
    ]
    logo_row = one(header, "div[@id='portal-logo-wrapper']")
    assert one(logo_row, "a[@id='portal-logo']").get("href") == site["en"].absolute_url()
    toggler = one(logo_row, ".//button[contains(@class, 'navbar-toggler')]")
    assert toggler.get("data-bs-target") == "#offcanvasNavbar"
    assert toggler.get("aria-label")
    # the navigation and the search box in the navigation bar's panel
    panel = one(tree, "//nav[@id='portal-globalnav-wrapper']//div[@id='offcanvasNavbar']")
    titles = [link.text for link in panel.xpath(".//ul[@id='portal-globalnav']/li/a")]
    assert "About the programme" in titles
    assert one(panel, ".//form[@id='searchGadget_form']").get("action").endswith("/@@search")
    assert not tree.xpath("//ul[@id='portal-globalnav']//button")
    # the breadcrumbs across the page, the content in the main column
    one(tree, "//div[@id='above-content-wrapper']/div[@id='viewlet-above-content']/nav")
    content = one(tree, "//main[@id='main-container']/section[@id='portal-column-content']")
    assert one(content, ".//h1").text.strip() == "About the programme"
    assert not tree.xpath("//aside[@id='portal-column-one' or @id='portal-column-two']")
    # nothing of Barceloneta's own icons (their addresses were written twice)
    assert not tree.xpath("//link[contains(@href, 'barceloneta-apple-touch-icon')]")


def test_the_footer_has_the_programme_in_its_doormat_and_the_site_actions_below(site, browser_for):
    transaction.commit()
    tree = page(browser_for(None), site["sv"].absolute_url())

    footer = one(tree, "//footer[@id='portal-footer-wrapper']/div[@id='portal-footer']")
    column = one(footer, "div[@class='doormat row']/div")
    assert column.get("class") == "col-12 col-md-12"
    one(column, ".//div[@id='qgis-footer']")
    actions_list = one(footer, "div[@class='site-actions row']/div/ul")
    assert actions_list.get("class") == "actions-site_actions"
    assert actions_list.xpath("li[contains(@class, 'action-item-sitemap')]/a/span")


def test_a_second_footer_portlet_shares_the_doormat(site, browser_for):
    footer_column(site)["note"] = classic.Assignment(template="@@qgis-footer", macro="")
    footer_column(site)["more-actions"] = actions.Assignment(ptitle="Account", category="user")
    transaction.commit()

    tree = page(browser_for(None), site["en"].absolute_url())

    columns = tree.xpath("//div[@class='doormat row']/div")
    # the programme's footer twice, and the personal actions as a portlet
    assert [column.get("class") for column in columns] == ["col-12 col-md-4"] * 3
    assert len(tree.xpath("//div[@class='doormat row']//div[@id='qgis-footer']")) == 2
    assert columns[2].xpath(".//ul[@class='actions-user']//a[contains(@href, '/login')]")


def test_a_site_without_site_actions_has_no_empty_row(site, browser_for):
    del footer_column(site)["actions"]
    transaction.commit()

    tree = page(browser_for(None), site["en"].absolute_url())

    assert not tree.xpath("//div[contains(@class, 'site-actions')]")
    one(tree, "//div[@class='doormat row']")


def test_managing_the_footer_portlets_shows_plones_controls(site, functional):
    transaction.commit()
    browser = Browser(functional["app"])
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")

    tree = page(browser, f"{site['en'].absolute_url()}/@@manage-portlets")

    footer = one(tree, "//footer[@id='portal-footer-wrapper']")
    assert footer.xpath(".//*[contains(@class, 'portletAssignments')]")


def test_a_logged_in_user_has_the_toolbar_and_unescaped_letters(site, browser_for):
    transaction.commit()
    browser = browser_for("team")
    browser.addHeader("Accept-Language", "ro")

    tree = page(browser, site["ro"].absolute_url())

    one(tree, "//body/section[@id='edit-bar']")
    assert "userrole-authenticated" in one(tree, "//body").classes
    # written out in UTF-8, not as character references
    assert "Română" in browser.contents
    assert "&#259;" not in browser.contents


def test_ajax_pages_keep_plones_bare_template(site, browser_for):
    transaction.commit()
    tree = page(browser_for(None), f"{site['en'].absolute_url()}/about?ajax_load=1")

    assert not tree.xpath("//header[@id='content-header']")
    assert one(tree, "//h1").text.strip() == "About the programme"


@pytest.mark.parametrize(
    ("language", "opens", "closes"),
    [
        ("en", "Toggle navigation", "Close"),
        ("ro", "Deschide navigarea", "Închide"),
        ("sv", "Öppna navigeringen", "Stäng"),
    ],
)
def test_the_phone_menus_buttons_are_named_in_the_pages_language(
    site, browser_for, language, opens, closes
):
    transaction.commit()
    tree = page(browser_for(None), site[language].absolute_url())

    assert one(tree, "//div[@id='portal-logo-wrapper']//button").get("aria-label") == opens
    assert (
        one(tree, "//div[@class='offcanvas-header justify-content-end']/button").get("aria-label")
        == closes
    )


def test_managing_viewlets_keeps_plones_own_layout(site, functional):
    transaction.commit()
    browser = Browser(functional["app"])
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")

    tree = page(browser, f"{site['en'].absolute_url()}/@@manage-viewlets")

    assert not tree.xpath("//header[@id='content-header']")
    assert tree.xpath("//*[@id='portal-header']//*[contains(@class, 'hide') or @href]")


def test_the_shared_header_follows_a_hidden_viewlet(site, browser_for):
    from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
    from zope.component import getUtility as utility

    transaction.commit()
    before = page(browser_for(None), site["en"].absolute_url())
    assert before.xpath("//form[@id='searchGadget_form']")

    storage = utility(IViewletSettingsStorage)
    storage.setHidden("plone.portalheader", "Plone Default", ("plone.searchbox",))
    transaction.commit()

    after = page(browser_for(None), site["en"].absolute_url())
    assert not after.xpath("//form[@id='searchGadget_form']")
    assert after.xpath("//a[@id='personaltools-login']")
    assert after.xpath("//a[@id='portal-logo']")
