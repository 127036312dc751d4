"""The programme's logo as the site's logo (Site Setup -> Site -> Site Logo).

The product ships its own mark (``browser/static/theme/``) and stores it in
Plone's ``plone.site_logo`` record when the site has no logo: a logo the team
uploaded (the official QGIS mark, say) is never replaced.
"""

from pathlib import Path

from plone import api
from plone.formwidget.namedfile.converter import b64encode_file


RECORD = "plone.site_logo"
STATIC = Path(__file__).parents[1] / "browser" / "static"
LOGO_FILE = STATIC / "theme" / "qgis-certification-logo.svg"


def programme_logo():
    """The shipped logo, as the record stores an uploaded file."""
    return b64encode_file(LOGO_FILE.name, LOGO_FILE.read_bytes())


def ensure_site_logo():
    """Give the site the programme's logo unless it has one; True when set."""
    if api.portal.get_registry_record(RECORD, default=None):
        return False
    api.portal.set_registry_record(RECORD, programme_logo())
    return True
