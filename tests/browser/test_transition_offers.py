"""Only possible steps are offered: the workflow menu and the transition form
follow the programme's rules (not only the permissions), each form says what
its step does, and the confirmation says what happened and what comes next."""

import lxml.html
import pytest
import transaction
from builders import add_course_parts
from builders import bring_to
from builders import create_application
from builders import nominate_trainer
from plone import api
from zope.browsermenu.interfaces import IBrowserMenu
from zope.component import getUtility
from zope.interface import alsoProvides

from qgis.certification.application import review
from qgis.certification.browser import offered as offering
from qgis.certification.interfaces import IQgisCertificationLayer


def offered(organisation, user_id):
    """The transitions the workflow menu offers ``user_id``."""
    request = organisation.REQUEST
    alsoProvides(request, IQgisCertificationLayer)
    menu = getUtility(IBrowserMenu, name="qgis_contentmenu_workflow")
    with api.env.adopt_user(username=user_id):
        items = menu.getMenuItems(organisation, request)
    ids = [item["extra"]["id"].removeprefix("workflow-transition-") for item in items]
    return {i for i in ids if i not in ("advanced", "policy")}


def recommended(organisation):
    for group in review.user_groups_of(organisation):
        review.record_opinion(organisation, group, "reviewer_ro", "recommend", "Fine.")
    return organisation


# (how the application is made, its state, who looks, what the menu offers)
TABLE = [
    ("complete", "draft", "owner", {"submit"}),
    ("incomplete", "draft", "owner", set()),
    # a user group covers Romania: its opinion comes before the PSC
    ("complete", "submitted", "team", {"request_changes", "send_to_user_groups"}),
    # no user group covers Germany: straight to the PSC
    ("uncovered", "submitted", "team", {"request_changes", "send_to_psc"}),
    ("complete", "user_group_review", "team", {"request_changes"}),
    ("recommended", "user_group_review", "team", {"request_changes", "send_to_psc"}),
    ("complete", "psc_decision", "psc_member", {"approve", "reject"}),
    ("complete", "psc_decision", "team", {"request_changes"}),
    ("complete", "published", "team", {"archive"}),
]


def made(portal, how, state):
    organisation = create_application(
        portal, complete=how != "incomplete", country="DE" if how == "uncovered" else "RO"
    )
    if state != "draft":
        bring_to(organisation, state)
    return recommended(organisation) if how == "recommended" else organisation


@pytest.mark.parametrize(("how", "state", "user", "expected"), TABLE)
def test_menu_offers_what_the_rules_let_pass(programme, how, state, user, expected):
    organisation = made(programme, how, state)
    assert offered(organisation, user) == expected


def form_page(browser_for, organisation, user, transition):
    transaction.commit()
    browser = browser_for(user)
    browser.open(f"{organisation.absolute_url()}/@@workflow-transition?transition={transition}")
    return browser, lxml.html.fromstring(browser.contents)


def test_refused_step_says_why_and_offers_no_confirm(site, browser_for):
    organisation = bring_to(create_application(site), "user_group_review")
    browser, page = form_page(browser_for, organisation, "team", "send_to_psc")
    (refusal,) = page.find_class("transition-refusal")
    assert "Waiting for the opinion of QGIS UG-RO" in refusal.text_content()
    assert "form.buttons.confirm" not in browser.contents
    assert "form.buttons.cancel" in browser.contents


def test_forced_post_of_a_refused_step_changes_nothing(site, browser_for):
    organisation = bring_to(create_application(site), "user_group_review")
    browser, _page = form_page(browser_for, organisation, "team", "send_to_psc")
    token = lxml.html.fromstring(browser.contents).forms[-1].fields["_authenticator"]
    browser.open(
        f"{organisation.absolute_url()}/@@workflow-transition",
        data=f"transition=send_to_psc&form.buttons.confirm=Confirm&_authenticator={token}",
    )
    transaction.begin()
    assert api.content.get_state(organisation) == "user_group_review"


@pytest.mark.parametrize(
    ("state", "user", "transition", "help_words"),
    [
        ("submitted", "team", "request_changes", "goes back to the applicant"),
        ("submitted", "team", "send_to_user_groups", "reviewers of the user groups"),
        ("psc_decision", "psc_member", "approve", "becomes a certifying organisation"),
        ("psc_decision", "psc_member", "reject", "Give the reasons"),
    ],
)
def test_each_step_has_its_own_help(site, browser_for, state, user, transition, help_words):
    organisation = bring_to(create_application(site), state)
    _browser, page = form_page(browser_for, organisation, user, transition)
    (help_text,) = page.find_class("transition-help")
    assert help_words in help_text.text_content()
    assert not page.find_class("transition-refusal")


def confirm(browser, comment=""):
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.comment").value = comment
    form.getControl(name="form.buttons.confirm").click()
    return lxml.html.fromstring(browser.contents)


@pytest.mark.parametrize(
    ("state", "user", "transition", "comment", "message"),
    [
        (
            "submitted",
            "team",
            "send_to_user_groups",
            "",
            "The application is with QGIS UG-RO: their reviewers have been told",
        ),
        (
            "submitted",
            "team",
            "request_changes",
            "Add your CVs.",
            "its owners have been mailed your comment",
        ),
        (
            "psc_decision",
            "psc_member",
            "approve",
            "",
            "The organisation is certified and public now; its owners have been told.",
        ),
    ],
)
def test_confirmation_says_what_happened_and_who_was_told(
    site, browser_for, state, user, transition, comment, message
):
    organisation = bring_to(create_application(site), state)
    browser, _page = form_page(browser_for, organisation, user, transition)
    page = confirm(browser, comment)
    status = " ".join(e.text_content() for e in page.find_class("statusmessage-info"))
    assert message in status
    assert "The step is done." not in browser.contents


def test_confirmation_in_the_viewers_language(site, browser_for):
    organisation = bring_to(create_application(site), "psc_decision")
    browser, _page = form_page(browser_for, organisation, "psc_member", "approve")
    browser.addHeader("Accept-Language", "ro")
    page = confirm(browser)
    status = " ".join(e.text_content() for e in page.find_class("statusmessage-info"))
    assert "Organizația este certificată" in status


def test_step_of_another_workflow_says_the_new_state(certified, browser_for):
    _organisation, course, _attendees = certified
    browser, page = form_page(browser_for, course, "owner", "retract")
    assert "becomes a draft again" in page.find_class("transition-help")[0].text_content()
    page = confirm(browser)
    status = " ".join(e.text_content() for e in page.find_class("statusmessage-info"))
    assert "“Retract” is done: this item is now “Draft”." in status


def test_trainer_steps_follow_their_rules(programme):
    organisation = bring_to(create_application(programme), "published")
    add_course_parts(organisation)
    nomination = nominate_trainer(organisation, state="approved")
    # a certificate still valid does not lapse; a revocation's comment is asked on the form
    assert "has not reached its end date" in str(offering.refusal(nomination, "lapse"))
    assert offering.refusal(nomination, "revoke") is None
    assert "lapse" not in offered(nomination, "team")
