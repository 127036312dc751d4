"""qgis.certification: the QGIS Certification Programme on Plone."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "qgis.certification"

_ = MessageFactory(PACKAGE_NAME)
