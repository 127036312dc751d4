"""Parsing uploaded attendee CSV files: good files, every refusal, all or nothing."""

import pytest
from zope.i18n import interpolate
from zope.i18nmessageid import Message

from qgis.certification.certificates.attendee_import import MAX_BYTES
from qgis.certification.certificates.attendee_import import ImportResult
from qgis.certification.certificates.attendee_import import parse_attendees


HEADER = "first_name,last_name,email\n"


def text_of(message):
    """The English text of a translatable message, placeholders filled in."""
    assert isinstance(message, Message)
    assert message.domain == "qgis.certification"
    return interpolate(message, message.mapping)


def reasons(result):
    return [text_of(error["reason"]) for error in result.errors]


def test_good_comma_file():
    data = (
        "first_name,last_name,email\n"
        "Ada,Lovelace,ada@example.org\n"
        '  Gerardus , "Mercator, Jr." ,  G.Mercator@Example.ORG  \n'
        "Émilie,du Châtelet,emilie@example.fr\n"
    ).encode()
    result = parse_attendees(data)
    assert isinstance(result, ImportResult)
    assert result.ok
    assert result.errors == []
    assert result.rows == [
        {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org"},
        {"first_name": "Gerardus", "last_name": "Mercator, Jr.", "email": "g.mercator@example.org"},
        {"first_name": "Émilie", "last_name": "du Châtelet", "email": "emilie@example.fr"},
    ]


def test_good_semicolon_file_with_bom_and_crlf():
    data = (
        "\ufeff Email ; LAST_NAME;First_Name \r\n"
        "ada@example.org;Lovelace;Ada\r\n"
        "\r\n"
        "jose@example.es;Martínez, Ruiz;José\r\n"
        ";;\r\n"
    ).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    result = parse_attendees(data)
    assert result.ok, reasons(result)
    assert result.rows == [
        {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org"},
        {"first_name": "José", "last_name": "Martínez, Ruiz", "email": "jose@example.es"},
    ]


def test_rows_keep_the_file_order_and_only_the_three_keys():
    result = parse_attendees((HEADER + "B,B,b@example.org\nA,A,a@example.org\n").encode())
    assert [row["email"] for row in result.rows] == ["b@example.org", "a@example.org"]
    assert all(set(row) == {"first_name", "last_name", "email"} for row in result.rows)


def test_last_line_without_newline_and_old_mac_line_endings():
    assert parse_attendees((HEADER + "Ada,Lovelace,ada@example.org").encode()).ok
    result = parse_attendees(b"first_name,last_name,email\rAda,Lovelace,ada@example.org\r")
    assert result.ok
    assert len(result.rows) == 1


REFUSALS = [
    # (id, file content, expected error lines, a word of each reason)
    ("empty file", b"", [None], "no attendees"),
    ("blank lines only", b"\n\n  \r\n", [None], "no attendees"),
    ("header only", HEADER.encode(), [None], "no attendees"),
    ("header and blank lines", (HEADER + "\n,,\n\n").encode(), [None], "no attendees"),
    (
        "not utf-8",
        HEADER.encode() + "José,Martínez,jose@example.es\n".encode("latin-1"),
        [None],
        "UTF-8",
    ),
    ("missing column", b"first_name,email\nAda,ada@example.org\n", [1], "last_name"),
    (
        "extra column",
        b"first_name,last_name,email,phone\nAda,Lovelace,ada@example.org,123\n",
        [1],
        "phone",
    ),
    (
        "misspelt column",
        b"first_name,lastname,email\nAda,Lovelace,ada@example.org\n",
        [1, 1],
        "lastname|last_name",
    ),
    (
        "column twice",
        b"first_name,last_name,email,email\nAda,Lovelace,a@example.org,a@example.org\n",
        [1],
        "more than once",
    ),
    (
        "no header",
        b"Ada,Lovelace,ada@example.org\nAlan,Turing,alan@example.org\n",
        [1],
        "must be the header|Ada, Lovelace",
    ),
    ("missing first name", (HEADER + "  ,Lovelace,ada@example.org\n").encode(), [2], "first name"),
    ("missing last name", (HEADER + "Ada,,ada@example.org\n").encode(), [2], "last name"),
    ("missing e-mail", (HEADER + "Ada,Lovelace, \n").encode(), [2], "missing e-mail"),
    ("invalid e-mail", (HEADER + "Ada,Lovelace,ada.example.org\n").encode(), [2], "not a valid"),
    (
        "e-mail with a space",
        (HEADER + "Ada,Lovelace,ada love@example.org\n").encode(),
        [2],
        "not a valid",
    ),
    (
        "same e-mail twice",
        (HEADER + "Ada,Lovelace,ada@example.org\nAda,King,ADA@example.org\n").encode(),
        [3],
        "on line 2",
    ),
    ("too few fields", (HEADER + "Ada,ada@example.org\n").encode(), [2], "2 fields instead of 3"),
    (
        "too many fields",
        (HEADER + "Ada,Lovelace,ada@example.org,x\n").encode(),
        [2],
        "4 fields instead of 3",
    ),
    (
        "wrong delimiter in a row",
        (HEADER + "Ada;Lovelace;ada@example.org\n").encode(),
        [2],
        "fields instead",
    ),
    (
        "blank lines count",
        (HEADER + "\nAda,Lovelace,ada@example.org\n\nGrace,,grace@example.org\n").encode(),
        [5],
        "last name",
    ),
    (
        "quoted line break counts",
        (HEADER + '"Ada\nAugusta",Lovelace,ada@example.org\nGrace,,grace@example.org\n').encode(),
        [4],
        "last name",
    ),
    (
        "every bad row listed",
        (
            HEADER
            + "Ada,Lovelace,ada@example.org\n"
            + ",Hopper,grace@example.org\n"
            + "Alan,Turing,alan@example.org\n"
            + "Katherine,Johnson,not-an-address\n"
            + "Alan,Turing,alan@example.org\n"
            + "x\n"
        ).encode(),
        [3, 5, 6, 7],
        "first name|not a valid|on line 4|fields instead",
    ),
    (
        "both names missing",
        (HEADER + ",,ada@example.org\n").encode(),
        [2, 2],
        "first name|last name",
    ),
]


@pytest.mark.parametrize(
    ("data", "lines", "words"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
def test_refusals(data, lines, words):
    result = parse_attendees(data)
    assert not result.ok
    assert result.rows == []
    assert [error["line"] for error in result.errors] == lines
    texts = reasons(result)
    for word in words.split("|"):
        assert any(word in text for text in texts), (word, texts)


def test_row_reasons_name_their_line():
    result = parse_attendees((HEADER + "Ada,Lovelace,ada@example.org\nGrace,,g@x.org\n").encode())
    assert reasons(result) == ["Line 3: missing last name."]


def test_header_reasons_name_the_columns():
    result = parse_attendees(b"First_Name, Email ,Phone,Fax\nAda,a@example.org,1,2\n")
    texts = reasons(result)
    assert any("Phone, Fax" in text for text in texts)
    assert any("last_name" in text for text in texts)
    assert all(error["line"] == 1 for error in result.errors)


def test_duplicate_reason_names_the_address_and_first_line():
    data = (
        HEADER
        + "Ada,Lovelace,ada@example.org\n"
        + "Grace,Hopper,grace@example.org\n"
        + "Ada,King, Ada@Example.org \n"
    ).encode()
    (text,) = reasons(parse_attendees(data))
    assert "ada@example.org" in text
    assert "line 2" in text
    assert text.startswith("Line 4:")


def test_one_bad_row_among_many_means_no_rows():
    lines = [f"First{i},Last{i},person{i}@example.org" for i in range(50)]
    lines[37] = "First37,Last37,"
    result = parse_attendees((HEADER + "\n".join(lines)).encode())
    assert result.rows == []
    assert [error["line"] for error in result.errors] == [39]


def test_a_thousand_rows_parse_whole():
    # how fast is the benchmark's business (make bench), not a timed test's
    body = "".join(f"First {i},Last {i},Person.{i}@Example.org\n" for i in range(1000))
    data = (HEADER + body).encode()
    assert len(data) < MAX_BYTES
    result = parse_attendees(data)
    assert result.ok
    assert len(result.rows) == 1000
    assert result.rows[999] == {
        "first_name": "First 999",
        "last_name": "Last 999",
        "email": "person.999@example.org",
    }


def test_max_bytes_default():
    assert MAX_BYTES == 1_000_000


def test_too_large_file_is_refused_unread():
    row = b"Ada,Lovelace,ada@example.org\n"
    data = HEADER.encode() + row * (MAX_BYTES // len(row))
    assert len(data) > MAX_BYTES
    result = parse_attendees(data)
    assert result.rows == []
    assert [error["line"] for error in result.errors] == [None]
    (text,) = reasons(result)
    assert str(MAX_BYTES) in text
    assert "too large" in text


def test_size_limit_is_checked_before_anything_else():
    # Neither UTF-8 nor a valid header: only the size is reported.
    data = b"\xff" * 101
    result = parse_attendees(data, max_bytes=100)
    assert len(result.errors) == 1
    assert "100" in reasons(result)[0]


def test_file_of_exactly_max_bytes_is_accepted():
    data = (HEADER + "Ada,Lovelace,ada@example.org\n").encode()
    assert parse_attendees(data, max_bytes=len(data)).ok
    assert not parse_attendees(data, max_bytes=len(data) - 1).ok


def test_unreadable_csv_is_refused():
    # A field longer than the csv module accepts makes the reader give up.
    data = (
        HEADER + "Ada,Lovelace,ada@example.org\n" + "x" * 200_000 + ",y,z@example.org\n"
    ).encode()
    result = parse_attendees(data)
    assert result.rows == []
    assert [error["line"] for error in result.errors] == [3]
    assert "cannot be read" in reasons(result)[0]
