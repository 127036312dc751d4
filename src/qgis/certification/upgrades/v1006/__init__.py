"""1005 -> 1006: one module per change (configure.zcml runs them in order)."""

# public pages: Barceloneta's layout written by the page template, not by Diazo
from .page_frame import use_programme_theme


__all__ = ["use_programme_theme"]
