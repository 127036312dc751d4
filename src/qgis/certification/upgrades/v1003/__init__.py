"""1002 -> 1003: one module per change (configure.zcml runs them in order)."""

# certificate wording per language, invoices in the buyer's language
from .certificate_language import add_certificate_wording
from .certificate_language import keep_earlier_certificates_in_english
from .certificate_language import register_invoice_tax_notes

# gaps of issue 15: figures as running counts, certified trainers, version preview
from .history import retain_local_roles

# my work
from .my_work import index_my_work

# sign-up
from .signup import link_sign_up_from_apply_pages
from .signup import open_sign_up
from .statistics import count_figures
from .statistics import index_trainer_months

# the look of the programme
from .theme import import_theme_records
from .theme import set_programme_logo

# trainer credentials: their place in the revocation list
from .trainer_credentials import assign_trainer_status_indexes


__all__ = [
    "add_certificate_wording",
    "assign_trainer_status_indexes",
    "count_figures",
    "import_theme_records",
    "index_my_work",
    "index_trainer_months",
    "keep_earlier_certificates_in_english",
    "link_sign_up_from_apply_pages",
    "open_sign_up",
    "register_invoice_tax_notes",
    "retain_local_roles",
    "set_programme_logo",
]
