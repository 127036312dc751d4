"""``POST /@review-deadlines``: the daily step over HTTP, for site managers only."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD


def test_site_manager_runs_the_deadline_step(rest_session):
    response = rest_session(SITE_OWNER_NAME, SITE_OWNER_PASSWORD).post("/@review-deadlines")
    assert response.status_code == 200
    assert response.json() == {
        "sent_to_psc": [],
        "reminded": [],
        "attendees_removed": 0,
        "lapsed": [],
        "trainer_reminders": [],
    }


def test_others_may_not_run_it(rest_session, server):
    import transaction
    from plone import api
    from zope.component.hooks import setSite

    setSite(server["portal"])
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="teammate", email="t@example.org", password="secret-password")
        api.group.add_user(groupname="certification-managers", username="teammate")
    transaction.commit()
    assert rest_session().post("/@review-deadlines").status_code == 401
    assert rest_session("teammate", "secret-password").post("/@review-deadlines").status_code in (
        401,
        403,
    )
