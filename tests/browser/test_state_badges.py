"""States are shown as badges whose class says what they mean (state-<id>),
with their title in the page's language: the organisation's state, its
courses, a course's certificates, and the certified list."""

import re

import transaction
from builders import bring_to
from builders import certified_attendees
from builders import create_application
from builders import do
from plone import api


def badges(html):
    """``[(state, text)]`` of the state badges of a page, in order."""
    found = re.findall(
        r'<span[^>]*class="badge qgis-state state-([a-z_]+)[^"]*"[^>]*>\s*([^<]*?)\s*</span>', html
    )
    return [(state, text) for state, text in found]


def test_the_organisation_shows_its_state_as_a_badge(site, browser_for):
    draft = create_application(site, title="Draft Academy")
    rejected = bring_to(create_application(site, title="Refused Academy"), "rejected")
    transaction.commit()
    owner = browser_for("owner")
    owner.open(draft.absolute_url())
    assert badges(owner.contents)[0] == ("draft", "Draft")
    owner.open(rejected.absolute_url())
    assert badges(owner.contents)[0] == ("rejected", "Rejected")


def test_courses_and_certificates_show_their_states(site, browser_for):
    organisation, course, certificates = certified_attendees(site)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(certificates[0], transition="revoke", comment="Issued by mistake.")
    transaction.commit()
    owner = browser_for("owner")
    owner.open(organisation.absolute_url())
    assert ("published", "Certified") in badges(owner.contents)
    assert ("published", "Published") in badges(owner.contents)  # the course
    assert "(published)" not in owner.contents

    owner.open(course.absolute_url())
    shown = badges(owner.contents)
    assert shown.count(("revoked", "Revoked")) == 1
    assert shown.count(("issued", "Issued")) == len(certificates) - 1


def test_a_draft_course_is_grey_on_the_organisation_page(site, browser_for):
    organisation, course, _certificates = certified_attendees(site)
    do(course, "owner", "retract")
    transaction.commit()
    owner = browser_for("owner")
    owner.open(organisation.absolute_url())
    assert ("draft", "Draft") in badges(owner.contents)


def test_badges_speak_the_visitors_language(site, browser_for):
    organisation, _course, _certificates = certified_attendees(site)
    transaction.commit()
    visitor = browser_for(None)
    visitor.addHeader("Accept-Language", "ro")
    visitor.open(organisation.absolute_url())
    assert badges(visitor.contents)[0] == ("published", "Certificată")
    visitor.open(site.absolute_url() + "/sv/@@certified-organisations")
    assert ("published", "Certifierad") in badges(visitor.contents)
