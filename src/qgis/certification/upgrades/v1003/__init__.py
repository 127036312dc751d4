"""1002 -> 1003: one module per change (configure.zcml runs them in order)."""

# accessibility: the product's stylesheet (contrast)
from .accessibility import add_stylesheet

# gaps of issue 15: figures as running counts, certified trainers, version preview
from .history import retain_local_roles

# sign-up
from .signup import link_sign_up_from_apply_pages
from .signup import open_sign_up
from .statistics import count_figures
from .statistics import index_trainer_months

# trainer credentials: their place in the revocation list
from .trainer_credentials import assign_trainer_status_indexes


__all__ = [
    "add_stylesheet",
    "assign_trainer_status_indexes",
    "count_figures",
    "index_trainer_months",
    "link_sign_up_from_apply_pages",
    "open_sign_up",
    "retain_local_roles",
]
