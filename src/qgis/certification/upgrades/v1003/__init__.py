"""1002 -> 1003: one module per change (configure.zcml runs them in order)."""

# gaps of issue 15: figures as running counts, certified trainers, version preview
from .history import retain_local_roles
from .statistics import count_figures
from .statistics import index_trainer_months


__all__ = [
    # gaps of issue 15
    "count_figures",
    "index_trainer_months",
    "retain_local_roles",
]
