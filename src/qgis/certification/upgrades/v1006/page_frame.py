"""1005 -> 1006, every page: the site moves from Barceloneta's Diazo theme to
the programme's theme, which has Barceloneta's style sheets and no rules (the
product's main template lays the page out, ``browser/frame/``). A site whose
team chose another theme keeps it."""

from plone import api
from plone.app.theming.utils import applyTheme
from plone.app.theming.utils import getTheme


PROGRAMME_THEME = "qgis-certification"
CURRENT = "plone.app.theming.interfaces.IThemeSettings.currentTheme"
ENABLED = "plone.app.theming.interfaces.IThemeSettings.enabled"


def use_programme_theme(setup_tool):
    if api.portal.get_registry_record(CURRENT, default=None) not in (None, "barceloneta"):
        return
    applyTheme(getTheme(PROGRAMME_THEME))
    api.portal.set_registry_record(ENABLED, True)
