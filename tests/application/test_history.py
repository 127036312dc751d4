"""The versions of an application: saved at each edit through a form, not for
bulk-made content, and what changed since a user group gave its opinion (the
organisation page's list and link, the rule in ``application.history``)."""

from datetime import UTC
from datetime import datetime

import transaction
from builders import bring_to
from builders import create_application
from plone import api
from zope.event import notify
from zope.globalrequest import setRequest
from zope.lifecycleevent import ObjectModifiedEvent

from qgis.certification.application import history
from qgis.certification.application import review
from qgis.certification.builders import organisations
from qgis.certification.builders import training
from qgis.certification.builders.adding import Bulk


def as_manager(function, *args):
    with api.env.adopt_roles(["Manager"]):
        return function(*args)


def edit(content, **changes):
    with api.env.adopt_roles(["Manager"]):
        for name, value in changes.items():
            setattr(content, name, value)
        notify(ObjectModifiedEvent(content))


def test_adding_saves_the_first_version(site):
    organisation = create_application(site)
    assert as_manager(history.version_ids, organisation) == [0]
    assert as_manager(history.version_ids, organisation["qgis-for-beginners"]) == [0]


def test_the_edit_form_saves_a_version_with_who_and_when(site, browser_for):
    organisation = create_application(site)
    transaction.commit()
    browser = browser_for("owner")
    browser.open(organisation.absolute_url() + "/@@edit")
    browser.getControl(name="form.widgets.IBasic.description").value = "Courses online."
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    setRequest(site.REQUEST)  # the differences are computed with the edit form's fields
    assert as_manager(history.version_ids, organisation) == [0, 1]
    repository = api.portal.get_tool("portal_repository")
    metadata = as_manager(repository.getHistoryMetadata, organisation)
    saved = metadata.retrieve(1, countPurged=False)["metadata"]["sys_metadata"]
    assert saved["principal"] == "owner"
    changed = as_manager(history.changed_fields, organisation, 0)
    assert "description" in [field["field"] for field in changed]
    assert "title" not in [field["field"] for field in changed]


def test_bulk_adding_saves_no_version(site):
    with api.env.adopt_roles(["Manager"]):
        bulk = Bulk("admin")
        organisation = organisations.create_organisation(
            site["organisations"], "Bulk School", object_id="bulk-school", bulk=bulk
        )
        centre = training.add_training_centre(organisation, "Centre", "RO", "centre", bulk=bulk)
        organisations.bring_to(organisation, "published", bulk=bulk)
        bulk.catalogue()
    assert as_manager(history.version_ids, organisation) == []
    assert as_manager(history.version_ids, centre) == []


def reviewed(site):
    """An application under user-group review on which the Romanian group gave
    its opinion a minute ago."""
    organisation = bring_to(create_application(site), "user_group_review")
    (group,) = review.user_groups_of(organisation)
    review.record_opinion(organisation, group, "reviewer_ro", "recommend", "Fine.")
    return organisation


def test_nothing_changed_since_the_opinion(site):
    organisation = reviewed(site)
    (since,) = as_manager(history.changes_since_opinions, organisation)
    assert since["version"] == since["current_version"] == 0
    assert (since["fields"], since["parts"], since["diff_url"]) == ([], [], None)


def test_what_changed_since_the_opinion(site):
    organisation = reviewed(site)
    edit(organisation, title="Geo Academy of Cluj")
    with api.env.adopt_roles(["Manager"]):
        training.add_training_centre(organisation, "Cluj centre", "RO")
    (since,) = as_manager(history.changes_since_opinions, organisation)
    assert (since["version"], since["current_version"]) == (0, 1)
    assert [field["field"] for field in since["fields"]] == ["title"]
    assert since["diff_url"] == f"{organisation.absolute_url()}/@@history?one=current&two=0"
    assert [part["title"] for part in since["parts"]] == ["Cluj centre"]


def test_an_opinion_older_than_every_version_has_no_version(site):
    organisation = reviewed(site)
    (group,) = review.user_groups_of(organisation)
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    # a later round's opinion replaces the earlier one; this one predates the versions
    opinion = dict(review.opinions(organisation)[0], date=long_ago.isoformat())
    since = as_manager(history.since_opinion, organisation, opinion)
    assert since["version"] is None
    assert since["fields"] == []
    assert group.UID() == since["user_group"]


def test_the_reviewer_follows_the_link_to_the_differences(site, browser_for):
    organisation = reviewed(site)
    edit(organisation, title="Geo Academy of Cluj")
    transaction.commit()
    browser = browser_for("reviewer_ro")
    browser.open(organisation.absolute_url())
    assert "What changed since the user groups' opinions" in browser.contents
    browser.getLink("See the differences").click()
    assert browser.headers["status"].startswith("200")
    assert "Geo Academy of Cluj" in browser.contents


def test_the_public_sees_no_history_on_the_page(site, browser_for):
    organisation = reviewed(site)
    edit(organisation, title="Geo Academy of Cluj")
    transaction.commit()
    for user in (None, "stranger", "reviewer_se"):
        browser = browser_for(user)
        browser.open(organisation.absolute_url())
        assert "See the differences" not in browser.contents, user


def test_only_readers_of_the_versions_are_told_what_changed(site):
    organisation = reviewed(site)
    edit(organisation, title="Geo Academy of Cluj")
    for user, told in (("reviewer_ro", 1), ("team", 1), ("reviewer_se", 0), ("stranger", 0)):
        with api.env.adopt_user(username=user):
            assert len(history.changes_since_opinions(organisation)) == told, user
