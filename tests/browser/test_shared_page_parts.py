"""The parts of a page every anonymous visitor sees alike (top navigation,
footer, scripts and styles, the header's logo, search box and personal tools)
are rendered once per state of what they show: an edit shows at the next
request, and logged-in users never get them."""

import itertools

import transaction
from plone import api
from plone.app.layout.viewlets.common import DublinCoreViewlet
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from plone.app.layout.viewlets.common import LogoViewlet
from plone.app.layout.viewlets.common import SearchBoxViewlet
from Products.CMFPlone.resources.browser.resource import ResourceBase

from qgis.certification.browser import home
from qgis.certification.browser.frame.footer import DoormatFooter


FRESH = itertools.count()


def visit(browser, url):
    """Open ``url`` with a query string never asked before: plone.app.caching's
    RAM cache would answer a page it has kept whole."""
    browser.open(f"{url}{'&' if '?' in url else '?'}fresh={next(FRESH)}")


def navigation(browser):
    html = browser.contents
    start = html.index('id="portal-globalnav"')
    return html[start : html.index("</ul>", start)]


def footer(browser):
    html = browser.contents
    return html[html.index('id="portal-footer') :]


def retitle(item, title):
    item.setTitle(title)
    item.reindexObject()
    transaction.commit()


def refused(*args, **kwargs):
    raise AssertionError("built again for an anonymous visitor")


def test_the_second_visitor_gets_every_shared_part_without_building_it(
    site, browser_for, monkeypatch
):
    transaction.commit()
    english = site["en"].absolute_url()
    first = browser_for(None)
    # the very first page stores the footer portlets' parents on them (once)
    visit(first, english)
    visit(first, english)
    monkeypatch.setattr(GlobalSectionsViewlet, "navtree", property(refused))
    monkeypatch.setattr(DoormatFooter, "footer_parts", refused)
    monkeypatch.setattr(LogoViewlet, "update", refused)
    monkeypatch.setattr(SearchBoxViewlet, "update", refused)
    monkeypatch.setattr(ResourceBase, "update", refused)

    second = browser_for(None)
    visit(second, f"{english}/@@certified-organisations")

    assert second.headers["status"].startswith("200")
    assert navigation(second) == navigation(first)
    assert footer(second) == footer(first)
    assert 'data-bundle="plone"' in second.contents
    assert 'id="personaltools-login"' in second.contents
    assert 'id="searchGadget_form"' in second.contents


def test_a_new_and_a_renamed_section_show_at_the_next_request(site, browser_for):
    english = site["en"]
    transaction.commit()
    browser = browser_for(None)
    visit(browser, english.absolute_url())
    assert "Partner schools" not in navigation(browser)

    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(english, "Folder", id="partners", title="Partner schools")
        api.content.transition(folder, "publish")
    transaction.commit()
    visit(browser, english.absolute_url())
    assert "Partner schools" in navigation(browser)

    retitle(folder, "Partner universities")
    visit(browser, english.absolute_url())
    assert "Partner universities" in navigation(browser)
    assert "Partner schools" not in navigation(browser)


def test_each_language_has_its_own_navigation(site, browser_for):
    with api.env.adopt_roles(["Manager"]):
        for code, title in (("en", "Only in English"), ("sv", "Bara på svenska")):
            folder = api.content.create(site[code], "Folder", id="only", title=title)
            api.content.transition(folder, "publish")
    transaction.commit()
    browser = browser_for(None)
    visit(browser, site["en"].absolute_url())
    visit(browser, site["sv"].absolute_url())
    assert "Bara på svenska" in navigation(browser)
    assert "Only in English" not in navigation(browser)


def test_logged_in_users_never_see_the_visitors_parts_nor_the_reverse(site, browser_for):
    english = site["en"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(english, "Folder", id="drafts", title="Team drafts")
    transaction.commit()
    visitor = browser_for(None)
    visit(visitor, english.absolute_url())
    manager = browser_for("site_manager")
    visit(manager, english.absolute_url())
    visit(visitor, english.absolute_url())

    assert "Team drafts" in navigation(manager)
    assert "Team drafts" not in navigation(visitor)
    # the logged-in scripts (the event editor's) are for logged-in pages only
    assert 'data-bundle="eventedit"' in manager.contents
    assert 'data-bundle="eventedit"' not in visitor.contents


def test_a_new_contact_address_and_page_title_show_in_the_footer_at_once(site, browser_for):
    transaction.commit()
    browser = browser_for(None)
    visit(browser, site["en"].absolute_url())
    api.portal.set_registry_record("plone.email_from_address", "office@example.org")
    transaction.commit()
    visit(browser, site["en"].absolute_url())
    assert "office@example.org" in footer(browser)

    privacy = next(page for page in site["en"].objectValues() if "privacy" in page.absolute_url())
    privacy.setTitle("How we keep your data")
    privacy.reindexObject()
    transaction.commit()
    visit(browser, site["en"].absolute_url())
    assert "How we keep your data" in footer(browser)


def test_a_bundle_switched_off_leaves_the_visitors_pages_at_once(site, browser_for):
    transaction.commit()
    browser = browser_for(None)
    visit(browser, site["en"].absolute_url())
    assert 'data-bundle="plone-fullscreen"' in browser.contents
    api.portal.set_registry_record("plone.bundles/plone-fullscreen.enabled", False)
    transaction.commit()
    visit(browser, site["en"].absolute_url())
    assert 'data-bundle="plone-fullscreen"' not in browser.contents


def test_the_front_page_shows_its_welcome_text_without_rendering_its_page(
    site, browser_for, monkeypatch
):
    welcome = home.welcome_page(site["en"])
    transaction.commit()
    monkeypatch.setattr(type(welcome.aq_base), "__call__", refused)
    browser = browser_for(None)
    visit(browser, site["en"].absolute_url())
    assert browser.headers["status"].startswith("200")
    assert welcome.Title() in browser.contents


def head(browser):
    html = browser.contents
    return html[html.index("<head>") : html.index("</head>")]


def test_a_pages_head_is_kept_per_address_and_follows_an_edit(site, browser_for, monkeypatch):
    about = site["en"]["about"]
    transaction.commit()
    first = browser_for(None)
    # the very first page stores the footer portlets' parents on them (once)
    visit(first, about.absolute_url())
    visit(first, about.absolute_url())
    assert "<title>About the programme" in head(first)
    assert 'property="og:title" content="About the programme"' in head(first)

    monkeypatch.setattr(DublinCoreViewlet, "update", refused)
    second = browser_for(None)
    visit(second, about.absolute_url())
    assert second.headers["status"].startswith("200"), second.contents[-3000:]
    assert head(second) == head(first)
    # another address has its own head
    visit(second, f"{site['en'].absolute_url()}/privacy")
    monkeypatch.undo()
    visit(second, f"{site['en'].absolute_url()}/privacy")
    assert "<title>Privacy" in head(second)

    retitle(about, "About the QGIS programme")
    visit(second, about.absolute_url())
    assert "<title>About the QGIS programme" in head(second)
    assert 'content="About the QGIS programme"' in head(second)


def test_a_logged_in_users_head_is_built_for_them(site, browser_for, monkeypatch):
    about = site["en"]["about"]
    transaction.commit()
    visit(browser_for(None), about.absolute_url())

    monkeypatch.setattr(DublinCoreViewlet, "update", refused)
    team = browser_for("team")
    team.open(about.absolute_url())

    assert team.headers["status"].startswith("500")
