"""1001 -> 1002: one module per change (configure.zcml runs them in order)."""

from .language import negotiate_the_visitors_language
from .verify_file import add_fingerprint_index


__all__ = ["add_fingerprint_index", "negotiate_the_visitors_language"]
