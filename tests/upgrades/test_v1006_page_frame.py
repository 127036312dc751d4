"""Step 1005 -> 1006 (every page): a site on Barceloneta's Diazo theme moves to
the programme's theme, without rules; a site whose team chose another theme
keeps it; running the step again changes nothing."""

from plone import api
from plone.app.theming.utils import applyTheme
from plone.app.theming.utils import getTheme

from qgis.certification.upgrades import v1006


THEME = "plone.app.theming.interfaces.IThemeSettings"


def current():
    return (
        api.portal.get_registry_record(f"{THEME}.currentTheme"),
        api.portal.get_registry_record(f"{THEME}.rules"),
        api.portal.get_registry_record(f"{THEME}.enabled"),
    )


def test_a_site_on_barceloneta_moves_to_the_programme_theme(portal):
    applyTheme(getTheme("barceloneta"))
    assert current()[:2] == ("barceloneta", "/++theme++barceloneta/rules.xml")

    setup_tool = api.portal.get_tool("portal_setup")
    v1006.use_programme_theme(setup_tool)
    v1006.use_programme_theme(setup_tool)

    assert current() == ("qgis-certification", "", True)


def test_another_theme_is_kept(portal):
    applyTheme(getTheme("barceloneta"))
    api.portal.set_registry_record(f"{THEME}.currentTheme", "a-theme-of-our-own")

    v1006.use_programme_theme(api.portal.get_tool("portal_setup"))

    assert current()[0] == "a-theme-of-our-own"
