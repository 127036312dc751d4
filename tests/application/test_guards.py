"""Transitions refused with a message that says why, and nothing changed."""

import pytest
from builders import bring_to
from builders import create_application
from builders import create_user_group
from builders import do
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

from qgis.certification.application import review


def state(obj):
    return api.content.get_state(obj)


def test_incomplete_application_names_what_is_missing(programme):
    organisation = create_application(programme, complete=False)
    with pytest.raises(WorkflowException) as refusal:
        do(organisation, "owner", "submit")
    message = str(refusal.value)
    assert "kind of contribution" in message
    assert "evidence" in message
    assert "course type" in message
    assert state(organisation) == "draft"


def test_course_type_without_material_is_named(programme):
    organisation = create_application(programme)
    link = organisation["qgis-for-beginners"]["exercises"]
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(link)
    with pytest.raises(WorkflowException, match="training material for the course type"):
        do(organisation, "owner", "submit")
    assert state(organisation) == "draft"


def test_complete_application_is_submitted(programme):
    organisation = create_application(programme)
    do(organisation, "owner", "submit")
    assert state(organisation) == "submitted"


@pytest.mark.parametrize(
    ("from_state", "transition", "actor"),
    [
        ("submitted", "request_changes", "team"),
        ("user_group_review", "request_changes", "team"),
        ("psc_decision", "reject", "psc_member"),
    ],
)
def test_comment_required(programme, from_state, transition, actor):
    organisation = bring_to(create_application(programme), from_state)
    with pytest.raises(WorkflowException, match="comment is required"):
        do(organisation, actor, transition, comment="  ")
    assert state(organisation) == from_state


def test_request_changes_with_comment_returns_to_draft(programme):
    organisation = bring_to(create_application(programme), "submitted")
    do(organisation, "team", "request_changes", comment="Add your plugin links.")
    assert state(organisation) == "draft"


def test_no_user_group_for_country_goes_to_psc_directly(programme):
    organisation = bring_to(create_application(programme, country="BR"), "submitted")
    with pytest.raises(WorkflowException, match="No user group covers"):
        do(organisation, "team", "send_to_user_groups")
    assert state(organisation) == "submitted"
    do(organisation, "team", "send_to_psc")
    assert state(organisation) == "psc_decision"


def test_psc_not_skipped_when_a_group_covers_the_country(programme):
    organisation = bring_to(create_application(programme), "submitted")
    with pytest.raises(WorkflowException, match="send the application to them"):
        do(organisation, "team", "send_to_psc")
    assert state(organisation) == "submitted"


def test_send_to_psc_waits_for_every_covering_group(programme):
    create_user_group(programme, "ug-ro2", ["RO", "MD"], ["reviewer_se"])
    organisation = bring_to(create_application(programme), "user_group_review")
    groups = {g.getId(): g for g in review.user_groups_of(organisation)}
    assert set(groups) == {"ug-ro", "ug-ro2"}
    review.record_opinion(organisation, groups["ug-ro"], "reviewer_ro", "recommend", "Good.")
    with pytest.raises(WorkflowException, match="QGIS UG-RO2"):
        do(organisation, "team", "send_to_psc")
    review.record_opinion(organisation, groups["ug-ro2"], "reviewer_se", "oppose", "Thin.")
    do(organisation, "team", "send_to_psc")
    assert state(organisation) == "psc_decision"


def test_reviewer_roles_granted_only_to_covering_groups(programme):
    organisation = bring_to(create_application(programme), "user_group_review")
    assert "UserGroupReviewer" in organisation.get_local_roles_for_userid("reviewer_ro")
    assert "UserGroupReviewer" not in organisation.get_local_roles_for_userid("reviewer_se")


def test_opinions_of_an_earlier_round_do_not_count(programme):
    organisation = bring_to(create_application(programme), "user_group_review")
    group = programme["user-groups"]["ug-ro"]
    review.record_opinion(organisation, group, "reviewer_ro", "oppose", "Missing material.")
    do(organisation, "team", "request_changes", comment="Please add material.")
    do(organisation, "owner", "submit")
    do(organisation, "team", "send_to_user_groups")
    assert [g.getId() for g in review.groups_without_opinion(organisation)] == ["ug-ro"]
    assert len(review.opinions(organisation)) == 1
