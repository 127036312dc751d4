"""The site-creation step (make create-site) is idempotent and configurable."""

from datetime import date

import pytest
from plone import api

from qgis.certification.mail.delivery import EnvironmentMailHost
from qgis.certification.setuphandlers.demo import DEMO_ORGANISATIONS
from qgis.certification.setuphandlers.demo import DEMO_USERS
from qgis.certification.setuphandlers.site import SiteSettings
from qgis.certification.setuphandlers.site import SiteSetupError
from qgis.certification.setuphandlers.site import ensure_site


def count_demo_users(portal):
    return sum(1 for user_id, *_ in DEMO_USERS if portal.acl_users.getUserById(user_id))


def test_create_site_twice_keeps_one_site_and_its_data(fresh_app):
    settings = SiteSettings(site_id="Programme", admin_password="first-secret")
    portal, created = ensure_site(fresh_app, settings)
    assert created is True
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=portal, type="Document", id="kept-page", title="Kept")
    assert count_demo_users(portal) == len(DEMO_USERS)

    portal_again, created_again = ensure_site(
        fresh_app, SiteSettings(site_id="Programme", admin_password="second-secret")
    )
    assert created_again is False
    assert portal_again is not None
    assert [i for i in fresh_app.objectIds() if i == "Programme"] == ["Programme"]
    assert "kept-page" in fresh_app.Programme
    assert count_demo_users(fresh_app.Programme) == len(DEMO_USERS)
    assert len(fresh_app.Programme.organisations.objectIds()) == len(DEMO_ORGANISATIONS)
    # the admin password follows ADMIN_PASSWORD at every run
    assert fresh_app.acl_users.users.authenticateCredentials(
        {"login": "admin", "password": "second-secret"}
    )


def test_site_has_product_mail_and_sender(fresh_app):
    portal, _ = ensure_site(
        fresh_app, SiteSettings(site_id="Programme", mail_from="cert@example.org")
    )
    assert isinstance(portal.MailHost, EnvironmentMailHost)
    assert portal.portal_registry["plone.email_from_address"] == "cert@example.org"
    from plone.base.utils import get_installer

    assert get_installer(portal).is_product_installed("qgis.certification")


def test_production_creates_no_demo_content(fresh_app):
    settings = SiteSettings(
        site_id="Production",
        admin_password="s3cret",
        production=True,
        caching_proxies=("http://127.0.0.1:6081",),
    )
    portal, _ = ensure_site(fresh_app, settings)
    assert count_demo_users(portal) == 0
    # make cluster points the purges at its Varnish; a run without the setting keeps it
    record = "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies"
    assert portal.portal_registry[record] == ("http://127.0.0.1:6081",)
    ensure_site(fresh_app, SiteSettings(site_id="Production", admin_password="s3cret"))
    assert portal.portal_registry[record] == ("http://127.0.0.1:6081",)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"ENVIRONMENT": "production"}, "ADMIN_PASSWORD"),
        ({"ENVIRONMENT": "staging"}, "ENVIRONMENT must be"),
        ({"CACHING_PROXIES": "127.0.0.1:6081"}, "CACHING_PROXIES must hold addresses"),
    ],
)
def test_settings_refuse_unsafe_environment(environ, message):
    with pytest.raises(SiteSetupError, match=message):
        SiteSettings.from_environment(environ)


def test_settings_from_environment():
    settings = SiteSettings.from_environment(
        {"ADMIN_PASSWORD": "x1", "SITE_ID": "Cert", "MAIL_FROM": "a@b.org"}
    )
    assert (settings.site_id, settings.admin_password, settings.mail_from) == (
        "Cert",
        "x1",
        "a@b.org",
    )
    assert settings.demo_content is True
    assert settings.default_password is False
    assert settings.caching_proxies is None
    proxies = SiteSettings.from_environment(
        {"CACHING_PROXIES": "http://10.0.0.5:8080/, https://cache.example.org"}
    ).caching_proxies
    assert proxies == ("http://10.0.0.5:8080", "https://cache.example.org")
    assert SiteSettings.from_environment({"CACHING_PROXIES": ""}).caching_proxies == ()


def test_demo_shows_every_state_of_the_process(fresh_app):
    portal, _ = ensure_site(fresh_app, SiteSettings(site_id="Programme"))
    states = {
        api.content.get_state(organisation) for organisation in portal.organisations.objectValues()
    }
    assert states == {
        "draft",
        "submitted",
        "user_group_review",
        "psc_decision",
        "published",
        "rejected",
        "archived",
    }
    published = api.content.find(
        context=portal, portal_type="Course", review_state="published", unrestricted=True
    )
    assert len(published) >= 5
    certificates = api.content.find(context=portal, portal_type="Certificate", unrestricted=True)
    certified = [
        o for o in portal.organisations.objectValues() if api.content.get_state(o) == "published"
    ]
    assert len(certificates) == 3 * len(certified)
    # certificates only of courses that have started
    starts = {brain._unrestrictedGetObject().__parent__.start_date for brain in certificates}
    assert max(starts) <= date.today()
    reviewer_roles = portal.organisations["carpathian-gis-academy"].get_local_roles_for_userid(
        "reviewer-ro"
    )
    assert "UserGroupReviewer" in reviewer_roles


def test_demo_has_certified_trainers(fresh_app):
    from qgis.certification.trainers import directory

    portal, _ = ensure_site(fresh_app, SiteSettings(site_id="Programme"))
    trainers = api.content.find(
        context=portal, portal_type="TrainerNomination", review_state="approved", unrestricted=True
    )
    assert len(trainers) == 3
    listed = [brain.getPath() for brain, _organisation in directory.listed_trainers()]
    assert len(listed) == 2
    # a second start adds nothing
    ensure_site(fresh_app, SiteSettings(site_id="Programme"))
    assert len(api.content.find(portal_type="TrainerNomination", unrestricted=True)) == 3


def test_admin_on_a_new_database_user_folder():
    from OFS.userfolder import UserFolder

    from qgis.certification.setuphandlers.site import ensure_admin

    class App:
        acl_users = UserFolder()

    ensure_admin(App, SiteSettings(admin_password="one"))
    ensure_admin(App, SiteSettings(admin_password="two"))
    user = App.acl_users.getUser("admin")
    assert user.authenticate("two", None)
    assert "Manager" in user.getRoles()
