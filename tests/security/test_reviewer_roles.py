"""The reviewers' rights follow the current truth: who reviews an application
is recomputed after every change it depends on (the organisation's country and
state, a user group's countries and reviewers, a user group added or removed),
and what each person may do afterwards is read back over HTTP only."""

import pytest
from builders import bring_to
from builders import create_application
from builders import create_user_group
from plone import api
from security_helpers import allowed
from security_helpers import obj_at


pytestmark = pytest.mark.server

# whose rights are checked: the reviewers of each group and someone else
CHECKED = ("reviewer_ro", "reviewer_se", "stranger")
# what a user group's reviewer does with an application
RIGHTS = ("view", "opinions", "answers", "checklist", "write_checklist", "give_opinion")
NONE = dict.fromkeys(RIGHTS, False)
REVIEWING = dict.fromkeys(RIGHTS, True)
# after the user groups' review, while the PSC decides: they follow, no more
FOLLOWING = dict(REVIEWING, write_checklist=False, give_opinion=False)


def rights(session, url):
    """What the session's user may do with the application at ``url``."""
    return {
        "view": allowed(session.get(url)),
        "opinions": allowed(session.get(f"{url}/@user-group-opinion")),
        "answers": allowed(session.get(f"{url}/@questionnaire")),
        "checklist": allowed(session.get(f"{url}/@review-checklist")),
        "write_checklist": allowed(
            session.post(f"{url}/@review-checklist", json={"answers": {"notes": "Seen."}})
        ),
        "give_opinion": allowed(
            session.post(
                f"{url}/@user-group-opinion",
                json={"opinion": "recommend", "comment": "Known locally."},
            )
        ),
    }


def assert_rights(actors, url, expected):
    """``expected``: user -> rights; the users not named have none."""
    for user in CHECKED:
        assert rights(actors[user], url) == expected.get(user, NONE), user


def transition(session, url, name, comment="Looks right."):
    response = session.post(f"{url}/@workflow/{name}", json={"comment": comment})
    assert response.status_code == 200, (name, response.status_code, response.text[:300])


def patch(session, url, **data):
    response = session.patch(url, json=data)
    assert response.status_code == 204, (response.status_code, response.text[:300])


def reviewer_roles(url):
    organisation = obj_at(url)
    return sorted(organisation.users_with_local_role("UserGroupReviewer"))


@pytest.fixture
def in_review(server_site, commit):
    """The URL of a Romanian application under the user groups' review."""
    organisation = bring_to(create_application(server_site), "user_group_review")
    commit()
    return organisation.absolute_url()


def test_reviewers_of_the_covering_group_review(actors, in_review):
    assert reviewer_roles(in_review) == ["reviewer_ro"]
    assert_rights(actors, in_review, {"reviewer_ro": REVIEWING})


def test_country_change_and_resend_moves_the_review(actors, in_review):
    transition(actors["team"], in_review, "request_changes", "Add the Swedish centre.")
    assert reviewer_roles(in_review) == []
    patch(actors["owner"], in_review, country="SE")
    transition(actors["owner"], in_review, "submit")
    transition(actors["team"], in_review, "send_to_user_groups")
    assert reviewer_roles(in_review) == ["reviewer_se"]
    assert_rights(actors, in_review, {"reviewer_se": REVIEWING})


def test_country_change_during_the_review_moves_it(actors, in_review):
    patch(actors["site_manager"], in_review, country="SE")
    assert reviewer_roles(in_review) == ["reviewer_se"]
    assert_rights(actors, in_review, {"reviewer_se": REVIEWING})


def test_reviewer_removed_from_the_group_loses_the_review(actors, in_review, server_site):
    group_url = server_site["user-groups"]["ug-ro"].absolute_url()
    patch(actors["team"], group_url, members=["stranger"])
    assert reviewer_roles(in_review) == ["stranger"]
    assert_rights(actors, in_review, {"stranger": REVIEWING})
    patch(actors["team"], group_url, members=["reviewer_ro"])
    assert_rights(actors, in_review, {"reviewer_ro": REVIEWING})


def test_group_countries_changed_moves_its_reviews(actors, in_review, server_site, commit):
    swedish = bring_to(
        create_application(server_site, title="Nordic GIS", country="SE"), "user_group_review"
    )
    commit()
    swedish_url = swedish.absolute_url()
    group_url = server_site["user-groups"]["ug-ro"].absolute_url()
    patch(actors["team"], group_url, countries=["SE"])
    assert reviewer_roles(in_review) == []
    assert reviewer_roles(swedish_url) == ["reviewer_ro", "reviewer_se"]
    assert_rights(actors, in_review, {})
    assert_rights(actors, swedish_url, {"reviewer_ro": REVIEWING, "reviewer_se": REVIEWING})


def test_group_added_and_removed(actors, in_review, server_site, commit):
    create_user_group(server_site, "ug-cluj", ["RO"], ["stranger"])
    commit()
    assert reviewer_roles(in_review) == ["reviewer_ro", "stranger"]
    assert rights(actors["stranger"], in_review) == REVIEWING
    response = actors["site_manager"].delete(server_site["user-groups"]["ug-cluj"].absolute_url())
    assert response.status_code == 204, response.text[:300]
    assert reviewer_roles(in_review) == ["reviewer_ro"]
    assert rights(actors["stranger"], in_review) == NONE


def test_the_review_ends_with_its_state(actors, in_review):
    assert rights(actors["reviewer_ro"], in_review)["give_opinion"]
    transition(actors["team"], in_review, "send_to_psc")
    assert_rights(actors, in_review, {"reviewer_ro": FOLLOWING})
    transition(actors["psc_member"], in_review, "approve")
    assert reviewer_roles(in_review) == []
    public = dict(NONE, view=True)
    assert_rights(actors, in_review, dict.fromkeys(CHECKED, public))


def test_no_reviewer_before_the_review(actors, server_site, commit):
    organisation = bring_to(create_application(server_site), "submitted")
    commit()
    url = organisation.absolute_url()
    assert reviewer_roles(url) == []
    assert_rights(actors, url, {})
    with api.env.adopt_roles(["Manager"]):
        assert obj_at(url).country == "RO"
