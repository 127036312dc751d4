"""The programme's logo and favicon as the site's (Site Setup -> Site).

The product ships its own mark (``browser/static/theme/``) and stores it in
Plone's records ``plone.site_logo`` and ``plone.site_favicon`` when the site
has none: a logo or favicon the team uploaded (the official QGIS mark, say)
is never replaced.
"""

from pathlib import Path

from plone import api
from plone.formwidget.namedfile.converter import b64encode_file


STATIC = Path(__file__).parents[1] / "browser" / "static" / "theme"
LOGO_FILE = STATIC / "qgis-certification-logo.svg"
FAVICON_FILE = STATIC / "qgis-certification-mark.svg"
# record: the file it gets by default
DEFAULTS = {"plone.site_logo": LOGO_FILE, "plone.site_favicon": FAVICON_FILE}


def as_uploaded(path):
    """A file as the records store an uploaded one."""
    return b64encode_file(path.name, path.read_bytes())


def ensure_site_logo():
    """Give the site the programme's logo and favicon where it has none; the
    records set are returned."""
    changed = []
    for record, path in DEFAULTS.items():
        if not api.portal.get_registry_record(record, default=None):
            api.portal.set_registry_record(record, as_uploaded(path))
            changed.append(record)
    if "plone.site_favicon" in changed:
        api.portal.set_registry_record("plone.site_favicon_mimetype", "image/svg+xml")
    return changed
