"""Mailing certificates from the course page: a confirmation first, only the
certificates not mailed yet by default, a record of when and to which address,
and never twice for one confirmation."""

from urllib.parse import urlencode

import transaction
from builders import issued_to_all
from form_helpers import field_error
from plone import api

from qgis.certification.certificates import mailing
from qgis.certification.privacy.attendees import attendee_data
from qgis.certification.privacy.erasure import confirm_erasure
from qgis.certification.privacy.erasure import request_erasure
from qgis.certification.privacy.register import address_key


ADDRESSES = ["asa@example.org", "ioana@example.org", "john@example.org"]


def issued_course(certified):
    return certified[1], issued_to_all(certified)


def mails(site):
    transaction.begin()
    return len(site.MailHost.messages)


def open_form(browser, course):
    browser.open(course.absolute_url())
    browser.getLink(id="mail-certificates").click()
    assert "Certificates not mailed yet" in browser.contents


def review(browser, which=None, chosen=()):
    if which:
        browser.getControl(name="form.widgets.which").value = [which]
    if chosen:
        browser.getControl(name="form.widgets.certificates:list").value = list(chosen)
    browser.getControl(name="form.buttons.review").click()


def test_mailing_asks_first_then_records_each_mail(certified, browser_for, site):
    course, certificates = issued_course(certified)
    before = mails(site)
    browser = browser_for("owner")
    open_form(browser, course)
    review(browser)
    assert "You are about to mail" in browser.contents
    for address in ADDRESSES:
        assert address in browser.contents
    assert mails(site) == before  # nothing sent by the review
    browser.getControl(name="form.buttons.mail").click()
    assert "3 certificates mailed." in browser.contents
    assert mails(site) == before + 3
    recorded = sorted(mailing.last_mailed(certificate)["email"] for certificate in certificates)
    assert recorded == ADDRESSES
    # the course page shows it to those who mail
    browser.open(course.absolute_url())
    assert browser.contents.count('class="certificate-mailed"') == 3
    assert "ioana@example.org" in browser.contents


def test_by_default_nothing_is_mailed_twice(certified, browser_for, site):
    course, certificates = issued_course(certified)
    with api.env.adopt_user(username="owner"):
        mailing.mail(course, certificates[:1])
    transaction.commit()
    before = mails(site)
    browser = browser_for("owner")
    open_form(browser, course)
    review(browser)
    assert browser.contents.count("(mailed before)") == 0
    browser.getControl(name="form.buttons.mail").click()
    assert "2 certificates mailed." in browser.contents
    assert mails(site) == before + 2
    # all mailed now: the default has nothing left to mail
    open_form(browser, course)
    review(browser)
    assert "Every certificate was mailed already." in field_error(browser.contents, "which")
    assert mails(site) == before + 2


def test_every_certificate_or_the_chosen_ones_again(certified, browser_for, site):
    course, certificates = issued_course(certified)
    with api.env.adopt_user(username="owner"):
        mailing.mail(course, certificates)
    transaction.commit()
    before = mails(site)
    browser = browser_for("owner")
    open_form(browser, course)
    review(browser, "chosen", [certificates[0].UID()])
    assert browser.contents.count("(mailed before)") == 1
    browser.getControl(name="form.buttons.mail").click()
    assert "1 certificates mailed." in browser.contents
    assert len(mailing.mail_log(certificates[0])) == 2
    open_form(browser, course)
    review(browser, "all")
    browser.getControl(name="form.buttons.mail").click()
    assert "3 certificates mailed." in browser.contents
    assert mails(site) == before + 4


def test_choosing_no_certificate_is_refused(certified, browser_for, site):
    course, _certificates = issued_course(certified)
    browser = browser_for("owner")
    open_form(browser, course)
    review(browser, "chosen")
    assert "Choose at least one certificate." in field_error(browser.contents, "certificates")


def test_a_confirmation_sent_twice_mails_once(certified, browser_for, site):
    course, certificates = issued_course(certified)
    browser = browser_for("owner")
    open_form(browser, course)
    review(browser, "all")
    fields = {
        "form.widgets.which:list": "all",
        "form.widgets.request_id": browser.getControl(name="form.widgets.request_id").value,
        "_authenticator": browser.getControl(name="_authenticator").value,
        "form.buttons.mail": "Confirm and mail",
    }
    assert len(fields["form.widgets.request_id"]) == 32
    before = mails(site)
    url = f"{course.absolute_url()}/@@mail-certificates"
    browser.post(url, urlencode(fields))
    assert "3 certificates mailed." in browser.contents
    browser.post(url, urlencode(fields))  # the double click
    assert "nothing was mailed twice" in browser.contents
    assert mails(site) == before + 3
    assert all(len(mailing.mail_log(certificate)) == 1 for certificate in certificates)


def test_only_those_who_issue_mail(certified, browser_for, site):
    course, _certificates = issued_course(certified)
    for user in (None, "stranger", "psc_member"):
        browser = browser_for(user)
        browser.open(course.absolute_url() + "/@@mail-certificates")
        assert "form.buttons.review" not in browser.contents, user
    browser = browser_for("stranger")
    browser.open(course.absolute_url())
    assert "certificate-mailed" not in browser.contents


def test_erasure_leaves_the_dates_of_mailing_without_the_address(certified, site):
    course, certificates = issued_course(certified)
    with api.env.adopt_user(username="owner"):
        mailing.mail(course, certificates)
    (ioana,) = [c for c in certificates if c.first_name == "Ioana"]
    key = address_key("ioana@example.org")
    (exported,) = attendee_data(key)["certificates"]
    assert exported["mailed"][0]["email"] == "ioana@example.org"
    with api.env.adopt_roles(["Manager"]):
        confirm_erasure(request_erasure(key, withdraw=False))
    (when, address), *_ = mailing.mail_log(ioana)
    assert when
    assert address == ""
    assert mailing.last_mailed(ioana) == {"date": when, "email": None}


def test_a_course_without_certificates_has_nothing_to_mail(certified, browser_for, site):
    _organisation, course, _people = certified
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url() + "/@@mail-certificates")
    review(browser)
    assert "The course has no certificates yet." in field_error(browser.contents, "which")
