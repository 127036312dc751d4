"""``blank_unsafe_urls``: addresses stored before they were checked (set here
straight on the items, as old data is) are emptied and reindexed; safe ones and
Links outside the training material stay as they are."""

import pytest
from builders import create_application
from plone import api

from qgis.certification.urls.cleaning import blank_unsafe_urls


@pytest.fixture
def stored(programme):
    """An organisation, its course type, its training material and a user group,
    with unsafe addresses written past the schema."""
    organisation = create_application(programme)
    course_type = organisation["qgis-for-beginners"]
    with api.env.adopt_roles(["Manager"]):
        bad_link = api.content.create(
            container=course_type, type="Link", title="Slides", remoteUrl="https://x.example"
        )
        other_link = api.content.create(
            container=programme, type="Link", title="Elsewhere", remoteUrl="https://x.example"
        )
    organisation.website = "javascript:alert(document.cookie)"
    course_type.url = " JaVaScRiPt:alert(1)"
    bad_link.remoteUrl = "data:text/html,<script>alert(1)</script>"
    other_link.remoteUrl = "javascript:alert(2)"
    group = programme["user-groups"]["ug-ro"]
    group.website = "vbscript:msgbox(1)"
    for item in (organisation, course_type, bad_link, other_link, group):
        item.reindexObject()
    return organisation, course_type, bad_link, other_link, group


def test_unsafe_addresses_are_blanked(stored):
    organisation, course_type, bad_link, other_link, group = stored
    changed = blank_unsafe_urls()
    assert sorted(changed) == sorted(
        "/".join(item.getPhysicalPath()) for item in (organisation, course_type, bad_link, group)
    )
    assert organisation.website is None
    assert course_type.url is None
    assert bad_link.remoteUrl == ""
    assert group.website is None
    # a Link that is not training material is the site's, not the programme's
    assert other_link.remoteUrl == "javascript:alert(2)"


def test_safe_addresses_are_kept_and_a_second_run_changes_nothing(stored):
    organisation, course_type, bad_link, _other, _group = stored
    organisation.website = "https://geo-academy.example"
    blank_unsafe_urls()
    assert organisation.website == "https://geo-academy.example"
    assert course_type["exercises"].remoteUrl == "https://example.org/exercises"
    assert blank_unsafe_urls() == []
