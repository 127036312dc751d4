"""1001 -> 1002: one module per change (see configure.zcml for the order)."""

from .language import negotiate_the_visitors_language


__all__ = ["negotiate_the_visitors_language"]
