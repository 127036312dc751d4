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


def _refused(line, reason):
    return ImportResult(rows=[], errors=[{"line": line, "reason": reason}])


def _delimiter(text):
    """Semicolon when the header line has more semicolons than commas (as
    spreadsheets write CSV in locales with a decimal comma), else comma."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") > header.count(",") else ","


def _is_blank(fields):
    return all(not value.strip() for value in fields)


def _check_header(fields, line):
    """Errors in the header line; column names as typed appear in messages."""
    typed = [value.strip() for value in fields]
    names = [value.lower() for value in typed]
    if not set(names) & set(COLUMNS):
        return [
            {
                "line": line,
                "reason": _(
                    "The first line must be the header first_name, last_name, email; "
                    "it is: ${found}.",
                    mapping={"found": ", ".join(typed)},
                ),
            }
        ]
    errors = []
    seen = set()
    for name in names:
        if name in seen and name in COLUMNS:
            errors.append(
                {
                    "line": line,
                    "reason": _(
                        "The column ${column} appears more than once in the header.",
                        mapping={"column": name},
                    ),
                }
            )
        seen.add(name)
    extra = [
        typed_name or '""'
        for typed_name, name in zip(typed, names, strict=True)
        if name not in COLUMNS
    ]
    if extra:
        errors.append(
            {
                "line": line,
                "reason": _(
                    "Unexpected columns in the header: ${columns}. The header must be "
                    "first_name, last_name, email.",
                    mapping={"columns": ", ".join(extra)},
                ),
            }
        )
    for name in COLUMNS:
        if name not in seen:
            errors.append(
                {
                    "line": line,
                    "reason": _(
                        "The column ${column} is missing from the header.",
                        mapping={"column": name},
                    ),
                }
            )
    return errors


def _check_row(values, line):
    """Errors for one row's stripped values (without the duplicate check)."""
    errors = []
    if not values["first_name"]:
        errors.append(
            {
                "line": line,
                "reason": _("Line ${line}: missing first name.", mapping={"line": line}),
            }
        )
    if not values["last_name"]:
        errors.append(
            {
                "line": line,
                "reason": _("Line ${line}: missing last name.", mapping={"line": line}),
            }
        )
    if not values["email"]:
        errors.append(
            {
                "line": line,
                "reason": _("Line ${line}: missing e-mail address.", mapping={"line": line}),
            }
        )
    elif not EMAIL_RE.match(values["email"]):
        errors.append(
            {
                "line": line,
                "reason": _(
                    "Line ${line}: ${email} is not a valid e-mail address.",
                    mapping={"line": line, "email": values["email"]},
                ),
            }
        )
    return errors


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
    no_attendees = _("The file contains no attendees.")

    # Values are stripped anyway; skipping the spaces before a value also lets
    # a quoted value follow "a, " (``Ada, "Lovelace, Jr."``).
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(text), skipinitialspace=True
    )
    errors = []
    rows = []
    header = None
    first_line_of = {}
    next_line = 1
    try:
        for fields in reader:
            line, next_line = next_line, reader.line_num + 1
            if _is_blank(fields):
                continue
            if header is None:
                header = [name.strip().lower() for name in fields]
                header_errors = _check_header(fields, line)
                if header_errors:
                    return ImportResult(rows=[], errors=header_errors)
                continue
            if len(fields) != len(header):
                errors.append(
                    {
                        "line": line,
                        "reason": _(
                            "Line ${line}: ${found} fields instead of ${expected}.",
                            mapping={
                                "line": line,
                                "found": len(fields),
                                "expected": len(header),
                            },
                        ),
                    }
                )
                continue
            values = {name: value.strip() for name, value in zip(header, fields, strict=True)}
            values["email"] = values["email"].lower()
            row_errors = _check_row(values, line)
            email = values["email"]
            if EMAIL_RE.match(email):
                if email in first_line_of:
                    row_errors.append(
                        {
                            "line": line,
                            "reason": _(
                                "Line ${line}: the e-mail address ${email} is already "
                                "on line ${first_line}.",
                                mapping={
                                    "line": line,
                                    "email": email,
                                    "first_line": first_line_of[email],
                                },
                            ),
                        }
                    )
                else:
                    first_line_of[email] = line
            errors.extend(row_errors)
            rows.append({name: values[name] for name in COLUMNS})
    except csv.Error as error:
        errors.append(
            {
                "line": next_line,
                "reason": _(
                    "Line ${line}: the file cannot be read from here on (${error}).",
                    mapping={"line": next_line, "error": str(error)},
                ),
            }
        )
    if errors:
        return ImportResult(rows=[], errors=errors)
    if not rows:
        return _refused(None, no_attendees)
    return ImportResult(rows=rows, errors=[])
