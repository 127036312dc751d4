"""The Romanian and Swedish catalogues translate every msgid the code uses.

The msgids are extracted from the code as ``make i18n`` does (i18ndude, plus
``manual.pot`` for the ones only built at run time), into a temporary file, so
a string added to the code without a translation fails here, naming it.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from i18ndude.catalog import MessageCatalog

import qgis.certification


DOMAIN = "qgis.certification"
PACKAGE = Path(qgis.certification.__file__).parent
LOCALES = PACKAGE / "locales"
LANGUAGES = ("ro", "sv")
# every catalogue, the attendees' mail languages (de, fr, es, pt, it, ja) included
CATALOGUE_LANGUAGES = sorted(path.parts[-3] for path in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
VARIABLE = re.compile(r"\$\{(\w+)\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")

# the extraction (module-scoped, a few seconds) runs once: the module stays on one xdist worker
pytestmark = pytest.mark.xdist_group("i18n-extraction")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    pot = tmp_path_factory.mktemp("i18n") / f"{DOMAIN}.pot"
    i18ndude = Path(sys.executable).with_name("i18ndude")
    result = subprocess.run(
        [
            str(i18ndude),
            "rebuild-pot",
            "--pot",
            str(pot),
            "--merge",
            str(LOCALES / "manual.pot"),
            "--create",
            DOMAIN,
            str(PACKAGE),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    catalog = MessageCatalog(filename=str(pot))
    catalog.pop("", None)
    return catalog


def catalogue(language):
    catalog = MessageCatalog(filename=str(LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"))
    catalog.pop("", None)
    return catalog


def english(entry):
    """The English text of a msgid: its default when the msgid is an id."""
    default = entry.getDefault()
    return default if default else entry.msgid


def is_fuzzy(entry):
    return any("fuzzy" in comment for comment in entry.comments)


def test_extraction_finds_the_code_msgids(extracted):
    # a broken extraction (wrong path, nothing found) must not pass as "all translated"
    assert len(extracted) > 300
    assert "Verify a QGIS certificate" in extracted  # a template
    assert "The course cannot end before it starts." in extracted  # Python
    assert "Submit the application" in extracted  # a workflow transition (GenericSetup XML)
    assert "recommend" in extracted  # manual.pot


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_msgid_is_translated(extracted, language):
    translations = catalogue(language)
    missing = sorted(
        msgid
        for msgid in extracted
        if msgid not in translations
        or not translations[msgid].msgstr.strip()
        or is_fuzzy(translations[msgid])
    )
    assert not missing, (
        f"{len(missing)} msgids without a {language} translation (run `make i18n`, then "
        f"translate them in locales/{language}/LC_MESSAGES/{DOMAIN}.po):\n" + "\n".join(missing)
    )


def changes(source, translation):
    """How a translation differs from its English text in variables or markup."""
    found = []
    if set(VARIABLE.findall(source)) != set(VARIABLE.findall(translation)):
        found.append(f"variables {sorted(set(VARIABLE.findall(source)))}")
    if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
        found.append(f"markup {sorted(TAG.findall(source))}")
    return found


def test_every_catalogue_is_checked():
    assert CATALOGUE_LANGUAGES == ["de", "es", "fr", "it", "ja", "pt", "ro", "sv"]


def test_changes_sees_lost_invented_variables_and_markup():
    assert changes("${count} left, ${total} in all", "${count} au rămas") == [
        "variables ['count', 'total']"
    ]
    assert changes("${count} left", "${count} kvar av ${antal}") == ["variables ['count']"]
    assert changes("Its first line is <code>a,b</code>", "Prima linie este a,b") == [
        "markup ['code', 'code']"
    ]
    assert changes("${count} left", "au rămas ${count}") == []


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_translations_keep_variables_and_markup(language):
    wrong = [
        f"{msgid!r}: {problem}"
        for msgid, entry in catalogue(language).items()
        if entry.msgstr
        for problem in changes(english(entry), entry.msgstr)
    ]
    assert not wrong, f"{language} translations that change variables or markup:\n" + "\n".join(
        wrong
    )
