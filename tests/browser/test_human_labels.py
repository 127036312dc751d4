"""Pages show people, opinions, states, orders and dates as people read them:
full names, titles in the viewer's language, invoice numbers, local dates."""

from datetime import datetime

import lxml.html
import transaction
from builders import bring_to
from builders import create_application
from builders import issued_certificate
from plone import api

from qgis.certification.application import review
from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments import orders


def texts(contents, css_class):
    page = lxml.html.fromstring(contents)
    return [" ".join(e.text_content().split()) for e in page.find_class(css_class)]


def opened(browser_for, user, obj, language=None):
    transaction.commit()
    browser = browser_for(user)
    if language:
        browser.addHeader("Accept-Language", language)
    browser.open(obj.absolute_url())
    return browser


def test_opinions_by_title_author_by_name_dates_local(site, browser_for):
    organisation = bring_to(create_application(site), "psc_decision")
    browser = opened(browser_for, "psc_member", organisation)
    assert texts(browser.contents, "opinion-title") == ["Recommend"]
    # the reviewer by full name, not the login "reviewer_ro"
    assert texts(browser.contents, "opinion-author") == ["Reviewer Ro"]
    (opinion,) = review.opinions(organisation)
    (day,) = texts(browser.contents, "opinion-date")
    assert day == api.portal.get_localized_time(datetime.fromisoformat(opinion["date"]).date())
    assert day != opinion["date"][:10]  # not the ISO form


def test_opinion_title_in_the_viewers_language(site, browser_for):
    organisation = bring_to(create_application(site), "psc_decision")
    browser = opened(browser_for, "psc_member", organisation, language="ro")
    assert texts(browser.contents, "opinion-title") == ["Recomandă"]


def test_orders_named_by_invoice_with_titles(certified, browser_for):
    organisation, _course, _attendees = certified
    api.portal.set_registry_record("iban", "CH9300762011623852957", interface=IInvoiceSettings)
    with api.env.adopt_user(username="owner"):
        order = orders.place_order(organisation, 2, "invoice", "owner")
    browser = opened(browser_for, "owner", organisation)
    (name,) = texts(browser.contents, "order-name")
    assert name.startswith("QGIS-CERT-")
    assert name != order["id"]
    assert texts(browser.contents, "order-method") == ["Invoice (bank transfer)"]
    assert texts(browser.contents, "order-status") == ["Unpaid"]


def test_certificate_state_by_title_on_the_course(site, browser_for):
    course = issued_certificate(site).__parent__
    browser = opened(browser_for, "owner", course, language="ro")
    assert texts(browser.contents, "certificate-state") == ["Emis"]
