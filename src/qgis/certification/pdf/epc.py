"""EPC QR codes ("SEPA Credit Transfer" QR, GiroCode) and the bank codes they carry.

The payload follows the European Payments Council's standard EPC069-12,
version 002, and is built by ``segno.helpers.make_epc_qr``. This module checks
beforehand what segno leaves to the caller (the IBAN's check digits, the BIC's
shape, the currency, amounts with more than two decimals, line breaks), so
that a bad bank detail is refused with a message naming it.
"""

import io
import re
from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation

import segno
from segno.helpers import make_epc_qr


CENTS = Decimal("0.01")
EPC_MAX_NAME = 70
EPC_MAX_REFERENCE = 35
EPC_MAX_TEXT = 140
EPC_SMALLEST = Decimal("0.01")
EPC_LARGEST = Decimal("999999999.99")
IBAN_SHAPE = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")
BIC_SHAPE = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")


def compact(code: str) -> str:
    """An IBAN or BIC in capitals without spaces, as payment files and QR codes want it."""
    return "".join(code.split()).upper()


def iban_is_valid(iban: str) -> bool:
    """Whether ``iban`` (spaces allowed) has the shape and check digits of an IBAN."""
    iban = compact(iban)
    if not IBAN_SHAPE.fullmatch(iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(symbol, 36)) for symbol in rearranged)) % 97 == 1


def grouped_iban(iban: str) -> str:
    """``iban`` in groups of four symbols, as printed for people."""
    iban = compact(iban)
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def as_decimal(value) -> Decimal:
    """``value`` (a Decimal, int, float or text) as a Decimal."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        value = repr(value)  # the shortest text that reads back as this float
    return Decimal(value)


def _single_line(value: str, what: str) -> str:
    value = value.strip()
    if "\n" in value or "\r" in value:
        raise ValueError(f"The {what} must be on one line.")
    return value


def _at_most(value: str, limit: int, what: str) -> str:
    if len(value) > limit:
        raise ValueError(f"The {what} has {len(value)} characters; at most {limit} fit.")
    return value


def checked_name(name: str) -> str:
    name = _single_line(name, "beneficiary's name")
    if not name:
        raise ValueError("The beneficiary's name is required.")
    return _at_most(name, EPC_MAX_NAME, "beneficiary's name")


def checked_account(iban: str, bic: str) -> tuple[str, str]:
    """The IBAN and BIC compacted, or ValueError when they are not valid."""
    account, bank_code = compact(iban), compact(bic)
    if not iban_is_valid(account):
        raise ValueError(f"{iban!r} is not a valid IBAN.")
    if bank_code and not BIC_SHAPE.fullmatch(bank_code):
        raise ValueError(f"{bank_code!r} is not a valid BIC (8 or 11 letters and digits).")
    return account, bank_code


def checked_amount(amount, currency: str) -> Decimal:
    """``amount`` as a Decimal in cents within what an EPC QR code allows."""
    if currency != "EUR":
        raise ValueError(f"EPC QR codes are for payments in euro, not in {currency}.")
    try:
        amount = as_decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"{amount!r} is not an amount.") from None
    if not amount.is_finite() or amount != amount.quantize(CENTS, rounding=ROUND_HALF_UP):
        raise ValueError(f"The amount {amount} must be a number with at most two decimals.")
    if not EPC_SMALLEST <= amount <= EPC_LARGEST:
        raise ValueError(
            f"The amount {amount} is outside what an EPC QR code allows "
            f"({EPC_SMALLEST} to {EPC_LARGEST} EUR)."
        )
    return amount


def checked_remittance(text: str, reference: str) -> tuple[str, str]:
    """The unstructured remittance text and the structured (ISO 11649) reference.

    Exactly one of them must be given.
    """
    text = _at_most(_single_line(text, "remittance text"), EPC_MAX_TEXT, "remittance text")
    reference = _at_most(_single_line(reference, "reference"), EPC_MAX_REFERENCE, "reference")
    if reference and text:
        raise ValueError("Give either a structured reference or a remittance text, not both.")
    if not (reference or text):
        raise ValueError("Give a remittance text or a structured reference.")
    return text, reference


def epc_qr_code(
    name: str,
    iban: str,
    amount,
    text: str = "",
    reference: str = "",
    bic: str = "",
    currency: str = "EUR",
) -> segno.QRCode:
    """The EPC QR code (version 002, UTF-8) of a SEPA credit transfer.

    ``text`` is the unstructured remittance information (an invoice number,
    say) and ``reference`` a structured ISO 11649 creditor reference
    (``RF`` and check digits): give one of them. ``bic`` is optional within
    the EEA. Raises ValueError naming the field that breaks the standard.
    """
    account, bank_code = checked_account(iban, bic)
    text, reference = checked_remittance(text, reference)
    return make_epc_qr(
        name=checked_name(name),
        iban=account,
        amount=checked_amount(amount, currency),
        text=text or None,
        reference=reference or None,
        bic=bank_code or None,
        encoding="utf-8",
    )


def qr_code_png(code: segno.QRCode, scale: int = 10) -> bytes:
    """A PNG image of ``code``, ``scale`` pixels a module, in its quiet zone of four modules."""
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
