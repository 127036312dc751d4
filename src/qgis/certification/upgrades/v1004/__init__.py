"""1003 -> 1004: one module per change (configure.zcml runs them in order)."""

# accessibility: TinyMCE's settings and the product's plugin
from .accessibility import configure_accessible_editor


__all__ = [
    "configure_accessible_editor",
]
