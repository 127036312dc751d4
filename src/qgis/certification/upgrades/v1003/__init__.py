"""1002 -> 1003: one module per change (configure.zcml runs them in order)."""

# certificate wording per language, invoices in the buyer's language
from .certificate_language import add_certificate_wording
from .certificate_language import keep_earlier_certificates_in_english
from .certificate_language import register_invoice_tax_notes


__all__ = [
    "add_certificate_wording",
    "keep_earlier_certificates_in_english",
    "register_invoice_tax_notes",
]
