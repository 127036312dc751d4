"""Erasing an attendee record: no e-mail, no name, not even in its id; an
erased attendee is never certified again."""

import pytest
from builders import top_up
from plone import api

from qgis.certification.certificates import issuing
from qgis.certification.privacy.attendees import erase_attendee
from qgis.certification.privacy.attendees import held_brains
from qgis.certification.privacy.register import address_key


def test_an_erased_record_keeps_no_name_and_no_address(certified):
    _organisation, course, people = certified
    key = address_key(people[0].email)
    assert len(held_brains(key, "Attendee")) == 1
    erased = erase_attendee(people[0])
    assert (erased.first_name, erased.last_name, erased.email) == (None, None, None)
    assert erased.erased_on is not None
    assert erased.getId().startswith("erased-")
    assert erased.Title() == ""
    assert len(held_brains(key, "Attendee")) == 0
    (brain,) = api.content.find(UID=erased.UID(), unrestricted=True)
    assert (brain.Title, brain.getId) == ("", erased.getId())


def test_an_erased_attendee_is_never_certified_again(certified):
    organisation, course, people = certified
    top_up(organisation, 5)
    erased = erase_attendee(people[0])
    issued, _balance = issuing.issue_certificates(course, "all", "completion", "owner")
    assert len(issued) == 2
    assert erased.UID() not in {certificate.attendee for certificate in issued}
    with pytest.raises(issuing.IssueError):
        issuing.issue_certificates(course, [erased.UID()], "attendance", "owner")


def test_the_course_page_shows_an_erased_attendee_as_such(certified, browser_for):
    import transaction

    _organisation, course, people = certified
    erase_attendee(people[0])
    transaction.commit()
    browser = browser_for("owner")
    browser.open(course.absolute_url())
    assert "Erased at the attendee's request" in browser.contents
    assert "Ștefănescu" not in browser.contents
