"""Create or update the Plone site that serves the programme.

``ensure_site`` is what ``make create-site`` (and so ``make start``) runs. It is
idempotent: a second run keeps every object and only brings the configuration
up to date (admin password, mail delivery, pending upgrade steps, demo content
that is missing).
"""

import logging
import os
import re
from dataclasses import dataclass

from plone import api
from plone.base.utils import get_installer
from Products.CMFPlone.factory import addPloneSite
from zope.component.hooks import setSite

from qgis.certification.application.questionnaire import ensure_questionnaires
from qgis.certification.mail.delivery import EnvironmentMailHost


logger = logging.getLogger("qgis.certification")

PROFILE_ID = "qgis.certification:default"
EXTENSION_PROFILES = (
    "plone.app.contenttypes:default",
    "plonetheme.barceloneta:default",
    PROFILE_ID,
)
DEFAULT_ADMIN_PASSWORD = "admin"  # noqa: S105 - local demo only, warned about
CACHING_PROXIES_RECORD = "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies"


class SiteSetupError(Exception):
    """A configuration problem that stops the site from being set up."""


@dataclass(frozen=True)
class SiteSettings:
    site_id: str = "Plone"
    title: str = "QGIS Certification Programme"
    admin_user: str = "admin"
    admin_password: str = DEFAULT_ADMIN_PASSWORD
    production: bool = False
    mail_from: str = "certification@qgis.org"
    mail_from_name: str = "QGIS Certification Programme"
    # where Plone sends its PURGE requests; None: leave the site's setting alone
    caching_proxies: tuple[str, ...] | None = None

    @property
    def demo_content(self) -> bool:
        return not self.production

    @property
    def default_password(self) -> bool:
        return self.admin_password == DEFAULT_ADMIN_PASSWORD

    @classmethod
    def from_environment(cls, environ=None):
        environ = os.environ if environ is None else environ
        environment = environ.get("ENVIRONMENT", "demo").strip().lower()
        if environment not in ("demo", "production"):
            raise SiteSetupError(f"ENVIRONMENT must be 'demo' or 'production', not {environment!r}")
        settings = cls(
            site_id=environ.get("SITE_ID") or cls.site_id,
            admin_password=environ.get("ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD,
            production=environment == "production",
            mail_from=environ.get("MAIL_FROM") or cls.mail_from,
            mail_from_name=environ.get("MAIL_FROM_NAME") or cls.mail_from_name,
            caching_proxies=caching_proxies(environ.get("CACHING_PROXIES")),
        )
        if settings.production and settings.default_password:
            raise SiteSetupError(
                "ENVIRONMENT=production needs ADMIN_PASSWORD set to a real password"
            )
        return settings


def caching_proxies(value):
    """CACHING_PROXIES: the proxies' addresses, space- or comma-separated
    (empty: none); None when the variable is not set."""
    if value is None:
        return None
    proxies = tuple(filter(None, (part.strip().rstrip("/") for part in re.split(r"[\s,]+", value))))
    for proxy in proxies:
        if not re.match(r"^https?://[^/\s]+$", proxy):
            raise SiteSetupError(
                f"CACHING_PROXIES must hold addresses such as http://127.0.0.1:6081, not {proxy!r}"
            )
    return proxies


def ensure_admin(app, settings: SiteSettings):
    """The Zope root user ``admin`` exists, is Manager, and has the configured
    password (so changing ADMIN_PASSWORD and restarting changes it)."""
    user_folder = app.acl_users
    name, password = settings.admin_user, settings.admin_password
    if "users" not in user_folder.objectIds():
        # A new database has Zope's plain user folder (Plone turns it into a
        # PluggableAuthService when the first site is created).
        if user_folder.getUser(name) is None:
            user_folder.userFolderAddUser(name, password, ["Manager"], [])
        else:
            user_folder.userFolderEditUser(name, password, ["Manager"], [])
        return
    users = user_folder.users
    if name in users.listUserIds():
        users.updateUserPassword(name, password)
    else:
        users.addUser(name, name, password)
    user_folder.roles.assignRoleToPrincipal("Manager", name)


def ensure_mail(portal, settings: SiteSettings):
    if not isinstance(portal.MailHost, EnvironmentMailHost):
        portal._delObject("MailHost")
        portal._setObject("MailHost", EnvironmentMailHost("MailHost"))
    api.portal.set_registry_record("plone.email_from_address", settings.mail_from)
    api.portal.set_registry_record("plone.email_from_name", settings.mail_from_name)


def ensure_profile(portal):
    setup = portal.portal_setup
    installer = get_installer(portal)
    if not installer.is_product_installed("qgis.certification"):
        installer.install_product("qgis.certification")
    elif setup.listUpgrades(PROFILE_ID):
        setup.upgradeProfile(PROFILE_ID)
        logger.info("Upgraded %s to %s", PROFILE_ID, setup.getLastVersionForProfile(PROFILE_ID))


def ensure_site(app, settings: SiteSettings):
    """Return ``(portal, created)``; ``app`` must carry a request."""
    ensure_admin(app, settings)
    created = settings.site_id not in app.objectIds()
    if created:
        portal = addPloneSite(
            app,
            settings.site_id,
            title=settings.title,
            extension_ids=EXTENSION_PROFILES,
            default_language="en",
        )
        logger.info("Created the Plone site %r", settings.site_id)
    else:
        portal = app[settings.site_id]
        setSite(portal)
        ensure_profile(portal)
    ensure_mail(portal, settings)
    if settings.caching_proxies is not None:
        api.portal.set_registry_record(CACHING_PROXIES_RECORD, settings.caching_proxies)
    with api.env.adopt_roles(["Manager"]):
        ensure_questionnaires(portal)
    if settings.demo_content:
        from qgis.certification.setuphandlers.demo import ensure_demo_content

        with api.env.adopt_user(username=settings.admin_user):
            ensure_demo_content(portal)
    return portal, created
