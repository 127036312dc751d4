"""1001 -> 1002: one module per change (configure.zcml runs them in order)."""

from .history import apply_version_permissions
from .language import negotiate_the_visitors_language
from .open_badges import assign_status_indexes
from .open_badges import create_signing_key
from .privacy import add_privacy_pages
from .privacy import add_privacy_settings
from .privacy import index_email_keys
from .statistics import index_statistics
from .trainers import index_trainer_data
from .trainers import map_organisation_permissions
from .trainers import register_trainer_settings
from .verify_file import add_fingerprint_index


__all__ = [
    "apply_version_permissions",
    "add_fingerprint_index",
    "add_privacy_pages",
    "add_privacy_settings",
    "assign_status_indexes",
    "create_signing_key",
    "index_email_keys",
    "index_statistics",
    "index_trainer_data",
    "map_organisation_permissions",
    "negotiate_the_visitors_language",
    "register_trainer_settings",
]
