"""The .mo files compiled before the xdist workers start (tests/mo_files.py):
those of every folder a ZCML file registers, and only the stale ones."""

import gettext
import os

from mo_files import compile_catalogues


PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Certificate"
msgstr "Certificat"
"""


def package(root, zcml):
    (root / "configure.zcml").write_text(zcml, encoding="utf-8")
    messages = root / "locales" / "ro" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "demo.po").write_text(PO, encoding="utf-8")
    return messages / "demo.mo"


def test_a_registered_folder_is_compiled_once(tmp_path):
    zcml = '<configure><i18n:registerTranslations directory="locales" /></configure>'
    mo = package(tmp_path, zcml)
    assert compile_catalogues([tmp_path]) == 1
    with mo.open("rb") as file:
        assert gettext.GNUTranslations(file).gettext("Certificate") == "Certificat"
    assert compile_catalogues([tmp_path]) == 0


def test_a_po_file_newer_than_its_mo_is_compiled_again(tmp_path):
    mo = package(tmp_path, '<configure><registerTranslations directory="locales"/></configure>')
    compile_catalogues([tmp_path])
    stamp = mo.stat().st_mtime
    os.utime(mo.with_suffix(".po"), (stamp + 10, stamp + 10))
    assert compile_catalogues([tmp_path]) == 1


def test_a_folder_no_zcml_registers_is_left_alone(tmp_path):
    mo = package(tmp_path, "<configure></configure>")
    assert compile_catalogues([tmp_path]) == 0
    assert not mo.exists()
