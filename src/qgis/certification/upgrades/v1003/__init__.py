"""1002 -> 1003: one module per change (configure.zcml runs them in order)."""

# my work
from .my_work import index_my_work


__all__ = [
    "index_my_work",
]
