"""1002 -> 1003: one module per change (configure.zcml runs them in order)."""

# sign-up
from .signup import link_sign_up_from_apply_pages
from .signup import open_sign_up


__all__ = [
    # sign-up
    "link_sign_up_from_apply_pages",
    "open_sign_up",
]
