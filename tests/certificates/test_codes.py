"""Certificate verification codes: format, typing tolerance, error detection."""

import random
import re

import pytest

from qgis.certification.certificates import codes
from qgis.certification.certificates.codes import ALPHABET
from qgis.certification.certificates.codes import check_symbol
from qgis.certification.certificates.codes import new_code
from qgis.certification.certificates.codes import normalize


CODE_RE = re.compile(r"^QGIS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$")


def symbols_of(code):
    """The nine symbols of a canonical code (payload and check)."""
    return code.replace("-", "")[len("QGIS") :]


def sample_codes(count, seed=2024):
    rng = random.Random(seed)
    return [new_code(rng.getrandbits) for _ in range(count)]


def test_alphabet_is_crockford_base32():
    assert len(ALPHABET) == 32
    assert len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)


def test_new_code_format():
    for code in sample_codes(200):
        assert CODE_RE.match(code), code


def test_new_code_uses_40_bits_of_the_given_source():
    requested = []

    def fake_randbits(k):
        requested.append(k)
        return 0

    code = new_code(fake_randbits)
    assert requested == [40]
    assert code == "QGIS-0000-0000-0"


def test_new_code_encodes_the_number_big_endian():
    # 40 bits: 8 symbols of 5 bits each, the most significant first.
    number = 0
    for value in range(1, 9):
        number = number * 32 + value
    code = new_code(lambda k: number)
    assert code.startswith("QGIS-1234-5678-")
    assert new_code(lambda k: 2**40 - 1).startswith("QGIS-ZZZZ-ZZZZ-")


def test_check_symbol_known_values():
    # Luhn mod 32 by hand for "00000001": the rightmost 1 is doubled to 2,
    # so the check is 32 - 2 = 30, the symbol "Y".
    assert check_symbol("00000001") == "Y"
    assert check_symbol("00000000") == "0"
    # "10": 0 doubled is 0, plus 1, check 31 = "Z".
    assert check_symbol("10") == "Z"
    # Doubling 16 gives 32, written "10" in base 32: digit sum 1, check 31.
    assert check_symbol("G") == "Z"


def test_check_symbol_of_the_payload_ends_the_code():
    for code in sample_codes(100):
        symbols = symbols_of(code)
        assert check_symbol(symbols[:8]) == symbols[8]


def test_round_trip_over_many_codes():
    for code in sample_codes(2000, seed=7):
        assert normalize(code) == code


@pytest.mark.parametrize(
    "typed",
    [
        "QGIS-7KX9-P2QM-{c}",
        "qgis-7kx9-p2qm-{c}",
        "QGIS 7KX9 P2QM {c}",
        "  qgis7kx9p2qm{c}  ",
        "7KX9-P2QM-{c}",
        "7kx9p2qm{c}",
        "7 K X 9 - P 2 Q M - {c}",
        "QGIS--7KX9--P2QM--{c}",
        "qgis\t7kx9\np2qm {c}",
    ],
)
def test_normalize_accepts_how_people_type(typed):
    check = check_symbol("7KX9P2QM")
    expected = f"QGIS-7KX9-P2QM-{check}"
    assert normalize(typed.format(c=check)) == expected
    assert normalize(typed.format(c=check.lower())) == expected


def test_normalize_reads_o_as_zero_and_i_l_as_one():
    payload = "10A01B0C"
    code = f"QGIS-10A0-1B0C-{check_symbol(payload)}"
    check = code[-1]
    assert normalize(f"QGIS-IOAO-LBOC-{check}") == code
    assert normalize(f"qgis-ioao-lboc-{check.lower()}") == code
    assert normalize(f"iOaO lBoC {check}") == code


def test_normalize_refuses_u():
    for code in sample_codes(20):
        symbols = symbols_of(code)
        assert normalize("U" + symbols[1:]) is None
        assert normalize(symbols[:3] + "u" + symbols[4:]) is None


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "QGIS",
        "QGIS-",
        "QGIS-7KX9-P2QM",
        "7KX9P2Q",
        "QGIS-7KX9-P2QM-44",
        "QGIS-QGIS-7KX9-P2QM-4",
        "XGIS-7KX9-P2QM-4",
        "QGIS-7KX9-P2QM-4-0",
        "QGIS-7KX9.P2QM-4",
        "QGIS-7KX9_P2QM-4",
        "QGIS-7KX9-P2QM-*",
        "QGIS-7KX9-P2QÄ-4",
        None,
        12345678,
    ],
)
def test_normalize_refuses_malformed_input(typed):
    assert normalize(typed) is None


def test_wrong_lengths_are_refused():
    symbols = symbols_of(sample_codes(1)[0])
    for length in range(0, 20):
        if length == 9:
            continue
        text = (symbols * 3)[:length]
        assert normalize(text) is None, text
        # With the prefix, only 9 symbols after it make a code (4 + 5 = 9 is
        # read as a prefix-less code, "QG1S...", so it is left out).
        if length != 5:
            assert normalize("QGIS-" + text) is None, text


@pytest.mark.parametrize("code", sample_codes(5, seed=11))
def test_every_single_symbol_substitution_is_refused(code):
    symbols = symbols_of(code)
    for position in range(len(symbols)):
        for replacement in ALPHABET:
            if replacement == symbols[position]:
                continue
            typo = symbols[:position] + replacement + symbols[position + 1 :]
            assert normalize(typo) is None, (code, position, replacement)


def test_single_substitutions_refused_over_a_larger_sample():
    rng = random.Random(3)
    for code in sample_codes(300, seed=5):
        symbols = symbols_of(code)
        position = rng.randrange(len(symbols))
        replacement = rng.choice(ALPHABET.replace(symbols[position], ""))
        typo = symbols[:position] + replacement + symbols[position + 1 :]
        assert normalize(typo) is None


@pytest.mark.parametrize("code", sample_codes(300, seed=13))
def test_adjacent_transpositions_are_refused(code):
    symbols = symbols_of(code)
    for position in range(len(symbols) - 1):
        first, second = symbols[position], symbols[position + 1]
        if first == second or {first, second} == {"0", "Z"}:
            continue
        swapped = symbols[:position] + second + first + symbols[position + 2 :]
        assert normalize(swapped) is None, (code, position)


def test_every_pair_of_distinct_symbols_transposed_is_detected_but_0_z():
    """Exhaustive over all symbol pairs, at every position of the code.

    Luhn mod N misses exactly one adjacent transposition: the first and last
    symbols of the alphabet (here 0 and Z), like 09/90 in decimal Luhn.
    """
    missed = set()
    for position in range(8):
        for first in ALPHABET:
            for second in ALPHABET:
                if first == second:
                    continue
                payload = list("00000000")
                payload[position] = first
                if position < 7:
                    payload[position + 1] = second
                payload = "".join(payload)
                symbols = payload + check_symbol(payload)
                # Swap positions (position, position + 1); for position 7
                # this swaps the last payload symbol with the check symbol.
                swapped = (
                    symbols[:position]
                    + symbols[position + 1]
                    + symbols[position]
                    + symbols[position + 2 :]
                )
                if swapped == symbols:
                    continue
                if normalize(swapped) is not None:
                    missed.add(frozenset((symbols[position], symbols[position + 1])))
    assert missed == {frozenset("0Z")}


def test_the_0_z_blind_spot_is_real():
    payload = "0Z000000"
    code = normalize(payload + check_symbol(payload))
    assert code is not None
    assert normalize("Z0000000" + check_symbol(payload)) == code.replace("0Z", "Z0", 1)


def test_ten_thousand_real_codes_are_unique():
    generated = [new_code() for _ in range(10_000)]
    assert len(set(generated)) == len(generated)
    assert all(CODE_RE.match(code) for code in generated)


def test_default_entropy_source_is_secrets():
    assert new_code.__defaults__ == (codes.secrets.randbits,)
