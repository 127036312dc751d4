"""Reading an uploaded CSV file of course attendees, all or nothing.

The file is UTF-8 (with or without a byte order mark), comma or semicolon
separated, and starts with a header naming the three columns
``first_name``, ``last_name`` and ``email`` in any order and case. Every
problem in the file is reported with its line number (the header is line 1)
so a convener can fix them all at once; if there is any problem, no row is
returned, so a course never gets half a list.

Skipping people who are already attendees of the course is not done here:
``parse_attendees`` only knows the file, the caller compares the returned
e-mail addresses with the course's attendees.
"""

import csv
import io
from dataclasses import dataclass
from dataclasses import field

from qgis.certification import _
from qgis.certification.content.validation import EMAIL_RE


MAX_BYTES = 1_000_000
COLUMNS = ("first_name", "last_name", "email")


@dataclass
class ImportResult:
    """``rows``: ``{"first_name", "last_name", "email"}`` dicts, in file order;
    ``errors``: ``{"line": int or None, "reason": translatable message}``.
    ``rows`` is empty whenever ``errors`` is not."""

    rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def _problem(line, reason) -> dict:
    """One entry of ``ImportResult.errors``."""
    return {"line": line, "reason": reason}


def _refused(line, reason):
    return ImportResult(rows=[], errors=[_problem(line, reason)])


def _delimiter(text):
    """Semicolon when the header line has more semicolons than commas (as
    spreadsheets write CSV in locales with a decimal comma), else comma."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") > header.count(",") else ","


def _is_blank(fields):
    return all(not value.strip() for value in fields)


def _repeated_columns(names, line):
    seen = set()
    errors = []
    for name in names:
        if name in seen and name in COLUMNS:
            message = _(
                "The column ${column} appears more than once in the header.",
                mapping={"column": name},
            )
            errors.append(_problem(line, message))
        seen.add(name)
    return errors


def _unexpected_columns(typed, names, line):
    extra = [
        typed_name or '""'
        for typed_name, name in zip(typed, names, strict=True)
        if name not in COLUMNS
    ]
    if not extra:
        return []
    message = _(
        "Unexpected columns in the header: ${columns}. The header must be "
        "first_name, last_name, email.",
        mapping={"columns": ", ".join(extra)},
    )
    return [_problem(line, message)]


def _missing_columns(names, line):
    return [
        _problem(
            line, _("The column ${column} is missing from the header.", mapping={"column": name})
        )
        for name in COLUMNS
        if name not in names
    ]


def _check_header(fields, line):
    """Errors in the header line; column names as typed appear in messages."""
    typed = [value.strip() for value in fields]
    names = [value.lower() for value in typed]
    if not set(names) & set(COLUMNS):
        message = _(
            "The first line must be the header first_name, last_name, email; it is: ${found}.",
            mapping={"found": ", ".join(typed)},
        )
        return [_problem(line, message)]
    return (
        _repeated_columns(names, line)
        + _unexpected_columns(typed, names, line)
        + _missing_columns(names, line)
    )


def _check_row(values, line):
    """Errors for one row's stripped values (without the duplicate check)."""
    mapping = {"line": line}
    errors = []
    if not values["first_name"]:
        errors.append(_problem(line, _("Line ${line}: missing first name.", mapping=mapping)))
    if not values["last_name"]:
        errors.append(_problem(line, _("Line ${line}: missing last name.", mapping=mapping)))
    if not values["email"]:
        message = _("Line ${line}: missing e-mail address.", mapping=mapping)
        errors.append(_problem(line, message))
    elif not EMAIL_RE.match(values["email"]):
        message = _(
            "Line ${line}: ${email} is not a valid e-mail address.",
            mapping={"line": line, "email": values["email"]},
        )
        errors.append(_problem(line, message))
    return errors


class _AttendeeFile:
    """Reads the decoded text of an attendee file line by line, collecting rows and errors."""

    def __init__(self, text: str):
        self.text = text
        self.header = None
        self.rows = []
        self.errors = []
        self.first_line_of = {}  # e-mail address: the line it was first on

    def parse(self) -> ImportResult:
        # Values are stripped anyway; skipping the spaces before a value also lets
        # a quoted value follow "a, " (``Ada, "Lovelace, Jr."``).
        reader = csv.reader(
            io.StringIO(self.text, newline=""),
            delimiter=_delimiter(self.text),
            skipinitialspace=True,
        )
        next_line = 1
        try:
            for fields in reader:
                line, next_line = next_line, reader.line_num + 1
                if _is_blank(fields):
                    continue
                if self.header is not None:
                    self.read_row(fields, line)
                    continue
                header_errors = self.read_header(fields, line)
                if header_errors:
                    return ImportResult(rows=[], errors=header_errors)
        except csv.Error as error:
            message = _(
                "Line ${line}: the file cannot be read from here on (${error}).",
                mapping={"line": next_line, "error": str(error)},
            )
            self.errors.append(_problem(next_line, message))
        return self.result()

    def read_header(self, fields, line) -> list:
        self.header = [name.strip().lower() for name in fields]
        return _check_header(fields, line)

    def read_row(self, fields, line):
        if len(fields) != len(self.header):
            message = _(
                "Line ${line}: ${found} fields instead of ${expected}.",
                mapping={"line": line, "found": len(fields), "expected": len(self.header)},
            )
            self.errors.append(_problem(line, message))
            return
        values = {name: value.strip() for name, value in zip(self.header, fields, strict=True)}
        values["email"] = values["email"].lower()
        self.errors += _check_row(values, line) + self.repeated_email(values["email"], line)
        self.rows.append({name: values[name] for name in COLUMNS})

    def repeated_email(self, email, line) -> list:
        """The error of a valid ``email`` already on an earlier line."""
        if not EMAIL_RE.match(email):
            return []
        if email not in self.first_line_of:
            self.first_line_of[email] = line
            return []
        message = _(
            "Line ${line}: the e-mail address ${email} is already on line ${first_line}.",
            mapping={"line": line, "email": email, "first_line": self.first_line_of[email]},
        )
        return [_problem(line, message)]

    def result(self) -> ImportResult:
        if self.errors:
            return ImportResult(rows=[], errors=self.errors)
        if not self.rows:
            return _refused(None, _("The file contains no attendees."))
        return ImportResult(rows=self.rows, errors=[])


def parse_attendees(data: bytes, max_bytes=MAX_BYTES) -> ImportResult:
    """Parse an uploaded attendee file into rows, or list all its problems.

    Checks: size (at most ``max_bytes``, refused unread), UTF-8, the header
    (all three columns, no others, each once), then every row: the right
    number of fields, a first and last name, a valid e-mail address not used
    on an earlier line. Lines that are empty or hold only separators and
    spaces are skipped. A file without any attendee is refused.

    Attendees already in the course are not filtered out here; that is the
    caller's job (see the module docstring).
    """
    if len(data) > max_bytes:
        return _refused(
            None,
            _(
                "The file is too large: the limit is ${limit} bytes.",
                mapping={"limit": max_bytes},
            ),
        )
    try:
        text = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        return _refused(
            None,
            _("The file is not UTF-8 text. Save it as CSV with the UTF-8 encoding."),
        )
    return _AttendeeFile(text).parse()
