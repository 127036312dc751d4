"""1001 -> 1002: one module per feature; their handlers are named here."""

from qgis.certification.upgrades.v1002.open_badges import assign_status_indexes
from qgis.certification.upgrades.v1002.open_badges import create_signing_key


__all__ = ["assign_status_indexes", "create_signing_key"]
