"""Every catalogue of the product passes the checks ``msgfmt -c`` makes, done
here in Python (babel and python-gettext, which zope.i18n compiles with at
start-up): valid syntax, no msgid twice, a translation begins and ends with a
line break exactly when its msgid does, and python-format placeholders kept."""

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError
from babel.messages.pofile import PoFileParser
from pythongettext.msgfmt import Msgfmt
from pythongettext.msgfmt import PoSyntaxError

import qgis.certification


LOCALES = Path(qgis.certification.__file__).parent / "locales"
CATALOGUES = sorted([*LOCALES.glob("*/LC_MESSAGES/*.po"), *LOCALES.glob("*.pot")])
# gettext's placeholder for a template's creation date, which msgfmt accepts and
# babel cannot read as a date
UNDATED = b"YEAR-MO-DA HO:MI +ZONE"


class CheckingParser(PoFileParser):
    """Babel's parser, stopping at the first syntax error and noting each msgid
    met a second time (babel itself would keep the last silently)."""

    def __init__(self, catalog):
        super().__init__(catalog, abort_invalid=True)
        self.seen = set()
        self.duplicates = []

    def _add_message(self):
        key = tuple(message.denormalize() for message in self.messages)
        context = self.context.denormalize() if self.context else None
        if not self.obsolete and (key, context) in self.seen:
            self.duplicates.append(key[0])
        self.seen.add((key, context))
        super()._add_message()


def line_breaks(msgid, msgstr):
    """How ``msgstr`` differs from ``msgid`` in a leading or trailing line break."""
    found = []
    if msgstr and msgid.startswith("\n") != msgstr.startswith("\n"):
        found.append("a line break at the start")
    if msgstr and msgid.endswith("\n") != msgstr.endswith("\n"):
        found.append("a line break at the end")
    return found


def _break_problems(catalog):
    found = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            for problem in line_breaks(ids[0], string):
                found.append(
                    f"line {message.lineno}: {ids[0][:40]!r}: msgid and msgstr differ in {problem}"
                )
    return found


def problems(path):
    """What ``msgfmt -c`` would report as errors in the catalogue at ``path``."""
    catalog = Catalog()
    parser = CheckingParser(catalog)
    data = path.read_bytes()
    try:
        parser.parse(BytesIO(data.replace(UNDATED, b"2026-01-01 00:00+0000")))
    except PoFileError as error:
        return [f"syntax: {error}"]
    found = [f"duplicate msgid {msgid!r}" for msgid in parser.duplicates]
    found += _break_problems(catalog)
    found += [
        f"line {message.lineno}: {error}" for message, errors in catalog.check() for error in errors
    ]
    try:
        with open(path, "rb") as po:
            Msgfmt(po, path.stem).get()
    except PoSyntaxError as error:
        found.append(f"does not compile: {error.msg}")
    return found


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(LOCALES)))
def test_the_catalogue_passes_msgfmt_checks(path):
    assert problems(path) == []


def test_every_catalogue_is_checked():
    names = {str(path.relative_to(LOCALES)) for path in CATALOGUES}
    for language in ("ro", "sv", "de", "fr", "es", "pt", "it", "ja"):
        assert f"{language}/LC_MESSAGES/qgis.certification.po" in names
    assert "qgis.certification.pot" in names


BAD = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

msgid "mail_body"
msgstr "Hello\\n"

msgid "Hello\\n"
msgstr "Hej"

msgid "twice"
msgstr "x"

msgid "twice"
msgstr "y"

#, python-format
msgid "%(count)d left"
msgstr "%(antal)d kvar"
"""


def test_the_checks_find_what_msgfmt_finds(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text(BAD, encoding="utf-8")
    found = "\n".join(problems(path))
    assert "'mail_body': msgid and msgstr differ in a line break at the end" in found
    assert "'Hello\\n': msgid and msgstr differ in a line break at the end" in found
    assert "duplicate msgid 'twice'" in found
    assert "antal" in found
    path.write_text('msgid "open\nmsgstr ""\n', encoding="utf-8")
    (problem,) = problems(path)
    assert problem.startswith(("syntax:", "does not compile:"))
