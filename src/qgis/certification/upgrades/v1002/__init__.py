"""1001 -> 1002: steps of the release after 1.0.1, one module per feature."""

from qgis.certification.upgrades.v1002.history import apply_version_permissions  # noqa: F401
