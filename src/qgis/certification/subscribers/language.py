"""Logging in switches the site to the language a person chose in their
preferences (the language cookie), so that the pages they work on speak the
language their mails are written in."""

from plone.i18n.interfaces import ILanguageUtility
from zope.component import getUtility
from zope.globalrequest import getRequest


def use_preferred_language(event):
    request = getRequest()
    language = (event.object.getProperty("language", "") or "").split("-")[0]
    if request is None or not language:
        return
    getUtility(ILanguageUtility).setLanguageCookie(language, request=request)
