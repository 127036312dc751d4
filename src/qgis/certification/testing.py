"""Test layers of qgis.certification (used by the pytest suite in tests/)."""

from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import MOCK_MAILHOST_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing.zope import WSGI_SERVER_FIXTURE
from zope.configuration import xmlconfig


class QgisCertificationLayer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import qgis.certification

        self.loadZCML(package=qgis.certification)
        # what plone.autoinclude loads on a running site, after every package
        xmlconfig.includeOverrides(configurationContext, "overrides.zcml", qgis.certification)
        configurationContext.execute_actions()

    def setUpPloneSite(self, portal):
        applyProfile(portal, "qgis.certification:default")


FIXTURE = QgisCertificationLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE, MOCK_MAILHOST_FIXTURE),
    name="QgisCertificationLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, MOCK_MAILHOST_FIXTURE),
    name="QgisCertificationLayer:FunctionalTesting",
)

SERVER_TESTING = FunctionalTesting(
    bases=(FIXTURE, MOCK_MAILHOST_FIXTURE, WSGI_SERVER_FIXTURE),
    name="QgisCertificationLayer:ServerTesting",
)
