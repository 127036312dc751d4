"""1002 -> 1003: one module per change (configure.zcml runs them in order)."""

# the look of the programme
from .theme import import_theme_records
from .theme import set_programme_logo


__all__ = [
    "import_theme_records",
    "set_programme_logo",
]
