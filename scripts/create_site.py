"""Create or update the Plone site (run by `make create-site` through zconsole).

Any problem ends the run with one readable line on stderr (details in the log).
"""

import logging
import sys

import transaction
from Testing.makerequest import makerequest

from qgis.certification.setuphandlers.site import SiteSettings
from qgis.certification.setuphandlers.site import SiteSetupError
from qgis.certification.setuphandlers.site import ensure_site


logger = logging.getLogger("qgis.certification")


def main(app):
    try:
        settings = SiteSettings.from_environment()
    except SiteSetupError as error:
        print(f"create-site: {error}", file=sys.stderr)
        return 2
    app = makerequest(app)
    try:
        portal, created = ensure_site(app, settings)
        transaction.commit()
    except Exception as error:
        transaction.abort()
        logger.exception("Site set-up failed")
        print(f"create-site: failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    state = "created" if created else "kept (existing data untouched)"
    print(f"create-site: site /{settings.site_id} {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main(app))  # noqa: F821 - zconsole run provides ``app``
