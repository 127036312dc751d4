"""1001 -> 1002 (each feature's steps in its own module)."""

from qgis.certification.upgrades.v1002.verify_file import add_fingerprint_index  # noqa: F401
