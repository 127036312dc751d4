"""1001 -> 1002: one module per feature of the release (see ``upgrades/__init__.py``)."""

from qgis.certification.upgrades.v1002.privacy import add_privacy_pages  # noqa: F401
from qgis.certification.upgrades.v1002.privacy import add_privacy_settings  # noqa: F401
from qgis.certification.upgrades.v1002.privacy import index_email_keys  # noqa: F401
