"""Public pages do only the work of what they show: the same page, without the
widgets, language lists and sections nobody sees."""

import transaction
from plone import api
from plone.app.i18n.locales.browser.selector import LanguageSelector
from plone.app.layout.viewlets.interfaces import IPortalHeader
from zope.component import getMultiAdapter
from zope.component import queryMultiAdapter
from zope.viewlet.interfaces import IViewlet

from qgis.certification.browser import language
from qgis.certification.browser.organisation import OrganisationView


def header_viewlet(context, request, name):
    view = getMultiAdapter((context, request), name="view")
    manager = getMultiAdapter((context, request, view), IPortalHeader, name="plone.portalheader")
    return queryMultiAdapter((context, request, view, manager), IViewlet, name=name)


def plone_languages(selector):
    """What Plone's own selector lists (every language Plone knows, filtered)."""
    return LanguageSelector.languages(selector)


def test_the_language_folders_selector_lists_what_plones_lists(site):
    request = site.REQUEST
    english = site["en"]
    selector = header_viewlet(english, request, "plone.app.multilingual.languageselector")
    assert isinstance(selector, language.TranslationsLanguageSelector)
    selector.update()

    listed = language.SiteLanguages.languages(selector)

    assert [entry["code"] for entry in listed] == ["en", "ro", "sv"]
    assert listed == plone_languages(selector)
    assert "Svenska" in selector.render()


def test_the_same_page_selector_lists_what_plones_lists(site, certified):
    request = site.REQUEST
    organisation = certified[0]
    selector = header_viewlet(organisation, request, "qgis.certification.languageselector")
    selector.update()

    listed = selector.languages()

    assert [(entry["code"], entry["selected"]) for entry in listed] == [
        ("en", True),
        ("ro", False),
        ("sv", False),
    ]
    assert listed[1]["url"].endswith("?set_language=ro")
    assert [dict(entry, url=None) for entry in listed] == [
        dict(entry, url=None) for entry in plone_languages(selector)
    ]


def test_a_course_page_builds_no_form_widgets(site, certified, browser_for):
    course = certified[1]
    view = getMultiAdapter((course, site.REQUEST), name="view")
    html = view()
    assert view.w == {}
    assert not view.widgets
    assert course.Title() in html
    # what the page shows of the course's fields is there for visitors
    transaction.commit()
    browser = browser_for(None)
    browser.open(course.absolute_url())
    assert 'class="col-sm-9 course-language"' in browser.contents


def test_visitors_never_pay_for_the_owners_steps_or_course_list(
    site, certified, browser_for, monkeypatch
):
    def refused(self, *args):
        raise AssertionError("computed for a section the visitor does not see")

    organisation = certified[0]
    transaction.commit()
    monkeypatch.setattr(OrganisationView, "steps", refused)
    original_children = OrganisationView.children
    monkeypatch.setattr(
        OrganisationView,
        "children",
        lambda self, portal_type: (
            refused(self) if portal_type == "Course" else original_children(self, portal_type)
        ),
    )
    browser = browser_for(None)
    browser.open(organisation.absolute_url())
    assert 'id="upcoming-courses"' in browser.contents
    assert 'id="courses"' not in browser.contents
    assert 'id="application-steps"' not in browser.contents


def test_the_owner_still_sees_every_course_with_its_state(site, certified, browser_for):
    organisation, course = certified[0], certified[1]
    transaction.commit()
    browser = browser_for(organisation.getOwner().getId())
    browser.open(organisation.absolute_url())
    assert 'id="courses"' in browser.contents
    assert course.absolute_url() in browser.contents
    assert api.content.get_state(course) in browser.contents


def plone_short_date(iso):
    from DateTime import DateTime

    return api.portal.get_localized_time(datetime=DateTime(iso))


def test_a_day_is_written_once_per_language_and_as_plone_writes_it(site):
    from qgis.certification.browser import listings

    request = site.REQUEST
    listings.SHORT_DATES.clear()
    for code in ("en", "ro", "sv", "en"):
        request["LANGUAGE"] = code
        assert listings.localized_date("2027-03-05") == plone_short_date("2027-03-05")
    assert len(listings.SHORT_DATES) == 3
    assert listings.localized_date(None) is None


def test_a_new_date_format_of_the_site_is_used_at_once(site):
    from qgis.certification.browser import listings

    site.REQUEST["LANGUAGE"] = "en"
    before = listings.localized_date("2027-03-05")
    root = "Products.CMFPlone.i18nl10n.override_dateformat."
    api.portal.set_registry_record(root + "Enabled", True)
    api.portal.set_registry_record(root + "date_format_short", "%d/%m/%Y")
    try:
        assert listings.localized_date("2027-03-05") == "05/03/2027"
    finally:
        api.portal.set_registry_record(root + "Enabled", False)
    assert listings.localized_date("2027-03-05") == before


def test_visitors_never_pay_for_the_toolbar_they_do_not_see(site, browser_for, monkeypatch):
    from plone.app.layout.viewlets.common import ContentViewsViewlet
    from plone.app.layout.viewlets.toolbar import ToolbarViewletManager

    transaction.commit()
    manager = browser_for("site_manager")
    manager.open(site["en"].absolute_url())
    assert 'id="edit-bar"' in manager.contents

    def refused(self, *args):
        raise AssertionError("the toolbar was built for a visitor")

    monkeypatch.setattr(ContentViewsViewlet, "update", refused)
    monkeypatch.setattr(ToolbarViewletManager, "get_personal_bar", refused)
    visitor = browser_for(None)
    visitor.open(site["en"].absolute_url())
    assert visitor.headers["status"].startswith("200")
    assert 'id="edit-bar"' not in visitor.contents


def test_visitors_never_pay_for_the_review_section_they_do_not_see(
    site, certified, browser_for, monkeypatch
):
    organisation = certified[0]
    transaction.commit()

    def refused(self, *args):
        raise AssertionError("review data worked out for a visitor")

    monkeypatch.setattr(OrganisationView, "review_info", refused)
    browser = browser_for(None)
    browser.open(organisation.absolute_url())
    assert browser.headers["status"].startswith("200")
    assert 'id="review"' not in browser.contents
