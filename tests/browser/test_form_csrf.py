"""Every Classic UI form refuses a POST without plone.protect's token, and
changes nothing: the token is what tells the site the person sent the form."""

from urllib.parse import urlencode

import pytest
import transaction
from builders import bring_to
from builders import create_application
from builders import top_up
from plone import api

from qgis.certification.application import review
from qgis.certification.certificates import issuing
from qgis.certification.payments import orders
from qgis.certification.payments.credits import balance_of


def post_without_token(browser, url, fields):
    browser.post(url, urlencode(fields))
    return browser.headers["status"]


COURSE_FORMS = {
    "issue-certificates": {
        "form.widgets.certificate_type:list": "completion",
        "form.widgets.all:list": "selected",
        "form.buttons.issue": "Confirm and issue",
    },
    "import-attendees": {"form.buttons.import": "Import"},
    "mail-certificates": {"form.buttons.mail": "Mail"},
}


@pytest.mark.parametrize("view", sorted(COURSE_FORMS))
def test_course_forms_refuse_a_post_without_token(certified, browser_for, view):
    organisation, course, people = certified
    top_up(organisation, 5)
    issuing.issue_certificates(course, [people[0].UID()], "completion", "owner")
    transaction.commit()
    mails = len(api.portal.get().MailHost.messages)
    browser = browser_for("owner")
    url = f"{course.absolute_url()}/@@{view}"
    assert post_without_token(browser, url, COURSE_FORMS[view]).startswith("403")
    transaction.begin()
    assert balance_of(organisation) == 4
    assert len(issuing.attendees_of(course)) == 3
    assert len(api.portal.get().MailHost.messages) == mails


def test_order_form_refuses_a_post_without_token(certified, browser_for):
    organisation, course, people = certified
    transaction.commit()
    browser = browser_for("owner")
    fields = {
        "form.widgets.credits": "3",
        "form.widgets.method:list": "card",
        "form.buttons.order": "Order",
    }
    url = f"{organisation.absolute_url()}/@@buy-credits"
    assert post_without_token(browser, url, fields).startswith("403")
    transaction.begin()
    assert orders.order_summaries(organisation) == []


def test_opinion_form_refuses_a_post_without_token(site, browser_for):
    organisation = bring_to(create_application(site), "user_group_review")
    transaction.commit()
    browser = browser_for("reviewer_ro")
    fields = {
        "form.widgets.opinion": "recommend",
        "form.widgets.comment": "Fine.",
        "form.buttons.record": "Record the opinion",
    }
    url = f"{organisation.absolute_url()}/@@give-opinion"
    assert post_without_token(browser, url, fields).startswith("403")
    transaction.begin()
    assert review.opinions(organisation) == []


def test_transition_form_refuses_a_post_without_token(site, browser_for):
    organisation = bring_to(create_application(site), "submitted")
    transaction.commit()
    browser = browser_for("team")
    fields = {
        "transition": "request_changes",
        "form.widgets.comment": "Please add the plugin's repository.",
        "form.buttons.confirm": "Confirm",
    }
    url = f"{organisation.absolute_url()}/@@workflow-transition"
    assert post_without_token(browser, url, fields).startswith("403")
    transaction.begin()
    assert api.content.get_state(organisation) == "submitted"
