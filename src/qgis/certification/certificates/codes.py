"""Public verification codes printed on certificates.

A code looks like ``QGIS-7KX9-P2QM-4``: eight random symbols (40 bits) and
one check symbol. The symbols come from Crockford's base32 alphabet, which
has no I, L, O or U, so a code read aloud or copied by hand stays
unambiguous; when people type I, L or O anyway, they are read as 1, 1 and 0.

Why a check symbol computed with Luhn mod N (N = 32):

* it is the decimal Luhn check generalised to any even alphabet size, simple
  enough to compute by hand and with no table to get wrong;
* it detects **every** single-symbol substitution (each position's weighting,
  plain or "doubled", is a permutation of the alphabet);
* it detects every transposition of two adjacent distinct symbols **except**
  ``0``/``Z`` (the first and last symbols of the alphabet), the same blind
  spot as 09/90 in decimal Luhn. Typed codes are also checked against the
  stored certificates, so a missed typo only ever finds no certificate.

So a mistyped code is refused before any look-up, instead of being reported
as "no such certificate" or, worse, matching another person's certificate.
"""

import re
import secrets


ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BASE = len(ALPHABET)
PREFIX = "QGIS"
PAYLOAD_LENGTH = 8
PAYLOAD_BITS = 5 * PAYLOAD_LENGTH

#: printed on sample certificates (previews): its check symbol is wrong on
#: purpose (it would be N), so it is never issued and never verifies.
SAMPLE_CODE = f"{PREFIX}-SAMP-1E00-X"

_VALUES = {symbol: value for value, symbol in enumerate(ALPHABET)}
# Crockford's readable substitutions: what a person may type for 1 and 0.
_READABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})
_SEPARATORS = re.compile(r"[\s\-]+")


def _luhn_sum(values, double_first):
    """Luhn sum of ``values`` read from right to left.

    Every second value is doubled, starting with the rightmost one when
    ``double_first``; a doubled value is written in base N and its two digits
    are added up (``2v // N + 2v % N``), which maps the alphabet onto itself.
    """
    total = 0
    double = double_first
    for value in reversed(values):
        if double:
            value *= 2
            value = value // BASE + value % BASE
        total += value
        double = not double
    return total % BASE


def check_symbol(payload: str) -> str:
    """Luhn mod N check symbol for ``payload`` (symbols of ``ALPHABET``).

    It is the symbol that makes the Luhn sum of ``payload + symbol`` zero.
    Raises ``KeyError`` for a symbol outside the alphabet.
    """
    values = [_VALUES[symbol] for symbol in payload]
    return ALPHABET[(BASE - _luhn_sum(values, double_first=True)) % BASE]


def _is_valid(symbols: str) -> bool:
    values = [_VALUES[symbol] for symbol in symbols]
    return _luhn_sum(values, double_first=False) == 0


def _format(symbols: str) -> str:
    return f"{PREFIX}-{symbols[:4]}-{symbols[4:8]}-{symbols[8:]}"


def new_code(randbits=secrets.randbits) -> str:
    """A new random code, ``QGIS-XXXX-XXXX-C``.

    ``randbits(k)`` returns a random integer of ``k`` bits; pass another
    function in tests. Uniqueness among issued codes is the caller's job
    (draw again on the rare collision).
    """
    number = randbits(PAYLOAD_BITS)
    payload = "".join(
        ALPHABET[(number >> shift) & (BASE - 1)] for shift in range(PAYLOAD_BITS - 5, -1, -5)
    )
    return _format(payload + check_symbol(payload))


def normalize(text) -> str | None:
    """The canonical form of a code as typed by a person, or None.

    Case, spaces and hyphens do not matter, the ``QGIS`` prefix may be left
    out, and I, L and O are read as 1, 1 and 0. Returns None when the text is
    not a well-formed code: wrong length, a symbol outside the alphabet (such
    as U) or a check symbol that does not match.
    """
    if not isinstance(text, str):
        return None
    compact = _SEPARATORS.sub("", text).upper()
    if len(compact) == len(PREFIX) + PAYLOAD_LENGTH + 1 and compact.startswith(PREFIX):
        compact = compact[len(PREFIX) :]
    if len(compact) != PAYLOAD_LENGTH + 1:
        return None
    compact = compact.translate(_READABLE)
    if any(symbol not in _VALUES for symbol in compact):
        return None
    if not _is_valid(compact):
        return None
    return _format(compact)


def is_sample(text) -> bool:
    """Whether ``text`` is the code printed on sample certificates, as typed."""
    if not isinstance(text, str):
        return False
    compact = _SEPARATORS.sub("", text).upper()
    return compact in (SAMPLE_CODE.replace("-", ""), SAMPLE_CODE.replace("-", "")[len(PREFIX) :])
