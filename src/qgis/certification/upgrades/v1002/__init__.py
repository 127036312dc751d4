"""1001 -> 1002: one module per change (see configure.zcml for the order)."""

from .language import negotiate_the_visitors_language
from .privacy import add_privacy_pages
from .privacy import add_privacy_settings
from .privacy import index_email_keys


__all__ = [
    "add_privacy_pages",
    "add_privacy_settings",
    "index_email_keys",
    "negotiate_the_visitors_language",
]
