"""buildout's versions.cfg must carry exactly the pins of requirements.lock.

Plain tests (no Plone layer). scripts/versions.py does the reading and comparing.
"""

from pathlib import Path

import pytest

from scripts import versions


ROOT = Path(__file__).resolve().parents[2]


def test_versions_cfg_matches_lock():
    found = versions.differences(
        versions.read_lock(ROOT / "requirements.lock"),
        versions.read_versions(ROOT / "versions.cfg"),
    )
    assert found == [], "run 'make versions':\n" + "\n".join(found)


def test_versions_cfg_is_what_write_renders():
    # Same pins is not enough: the file must be exactly the generated one.
    rendered = versions.render_versions(versions.read_lock(ROOT / "requirements.lock"))
    assert (ROOT / "versions.cfg").read_text(encoding="utf-8") == rendered


def test_addon_itself_not_pinned():
    pinned = {versions.normalize(name) for name in versions.read_versions()}
    assert "qgis-certification" not in pinned
    assert {"plone", "zc-buildout", "plone-recipe-zope2instance"} <= pinned


def test_differences_none_when_names_differ_only_in_spelling():
    lock = {"Products.CMFPlone": "6.2.2", "zope_interface": "8.0"}
    cfg = {"products-cmfplone": "6.2.2", "Zope.Interface": "8.0"}
    assert versions.differences(lock, cfg) == []


def test_differences_lists_missing_extra_and_different():
    lock = {"Plone": "6.2.2", "Zope": "6.3", "pip": "26.3"}
    cfg = {"plone": "6.2.1", "pip": "26.3", "waitress": "3.0.2"}
    assert versions.differences(lock, cfg) == [
        "different: Plone is 6.2.2 in the lock, 6.2.1 in versions.cfg",
        "extra: waitress = 3.0.2 is in versions.cfg, not in the lock",
        "missing: Zope==6.3 is in the lock, not in versions.cfg",
    ]


def test_round_trip_through_files(tmp_path):
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        "# a comment\n"
        "zope.interface==8.0\n"
        "\n"
        "Plone==6.2.2  # trailing comment\n"
        "qgis.certification==1.0.0.dev0\n"
        "AccessControl==7.5\n",
        encoding="utf-8",
    )
    cfg = tmp_path / "versions.cfg"
    pins = versions.read_lock(lock)
    assert pins == {"zope.interface": "8.0", "Plone": "6.2.2", "AccessControl": "7.5"}
    cfg.write_text(versions.render_versions(pins), encoding="utf-8")
    text = cfg.read_text(encoding="utf-8")
    assert "make versions" in text.split("[versions]")[0]
    body = text.split("[versions]\n")[1].splitlines()
    assert body == ["AccessControl = 7.5", "Plone = 6.2.2", "zope.interface = 8.0"]
    assert versions.read_versions(cfg) == pins


def test_check_command_fails_on_a_stale_versions_cfg(tmp_path, capsys):
    lock = tmp_path / "requirements.lock"
    lock.write_text("Plone==6.2.2\nZope==6.3\n", encoding="utf-8")
    cfg = tmp_path / "versions.cfg"
    cfg.write_text("[versions]\nPlone = 6.2.2\n", encoding="utf-8")
    assert versions.main(["check", "--lock", str(lock), "--versions", str(cfg)]) == 1
    assert "missing: Zope==6.3" in capsys.readouterr().err
    assert versions.main(["write", "--lock", str(lock), "--versions", str(cfg)]) == 0
    assert versions.main(["check", "--lock", str(lock), "--versions", str(cfg)]) == 0


def test_read_lock_rejects_a_line_that_is_not_a_pin(tmp_path):
    lock = tmp_path / "requirements.lock"
    lock.write_text("Plone>=6\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a 'name==version' line"):
        versions.read_lock(lock)
