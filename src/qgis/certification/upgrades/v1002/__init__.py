"""1001 -> 1002: see each feature's module."""

from qgis.certification.upgrades.v1002.statistics import index_statistics


__all__ = ["index_statistics"]
