"""CHANGELOG.md and the news fragments that towncrier builds it from (`make changelog`).

Plain tests (no Plone layer).
"""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "news"
START = "<!-- towncrier release notes start -->"


def towncrier_settings():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["towncrier"]


def fragment_types():
    return {entry["directory"] for entry in towncrier_settings()["type"]}


def fragments():
    template = Path(towncrier_settings()["template"]).name
    return sorted(path for path in NEWS.iterdir() if path.name != template)


def setup_version():
    match = re.search(r'^\s*version="([^"]+)",$', (ROOT / "setup.py").read_text(), re.MULTILINE)
    return match.group(1)


def test_fragment_types_are_the_four_kinds_of_change():
    assert fragment_types() == {"breaking", "feature", "bugfix", "internal"}


def test_every_fragment_is_slug_dot_type_with_text():
    kinds = fragment_types()
    for path in fragments():
        slug, _, kind = path.name.rpartition(".")
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug), f"news/{path.name}: slug"
        assert kind in kinds, f"news/{path.name}: type must be one of {sorted(kinds)}"
        assert path.read_text(encoding="utf-8").strip(), f"news/{path.name} is empty"


def test_changelog_has_one_start_marker_above_the_released_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.count(START) == 1
    after_marker = text.split(START, 1)[1]
    newest = re.search(r"^## (\S+) \(\d{4}-\d\d-\d\d\)$", after_marker, re.MULTILINE)
    version = setup_version()
    if ".dev" in version:
        # between releases: the newest section is an earlier release
        assert newest
        assert newest.group(1) != version.partition(".dev")[0]
    else:
        assert newest
        assert newest.group(1) == version
    assert "\n## 1.0.0 (" in after_marker


def test_build_puts_every_fragment_in_a_new_section_above_the_last(tmp_path):
    for name in ("pyproject.toml", "CHANGELOG.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(NEWS, tmp_path / "news")
    (tmp_path / "news" / "test-only-fix.bugfix").write_text("A fixed thing.\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "towncrier", "build", "--keep", "--version", "99.0.0"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    built = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    new_section = built.split(START, 1)[1].split("\n## 1.0.0 (", 1)[0]
    assert new_section.lstrip().startswith("## 99.0.0 (")
    fixes = new_section.split("### Bug fixes\n\n", 1)[1].split("\n### ", 1)[0]
    assert "- A fixed thing.\n" in fixes
    for path in fragments():
        assert path.read_text(encoding="utf-8").strip() in new_section
    assert "test-only-fix" not in new_section, "slugs are file names, not printed"


def test_building_a_released_version_again_is_refused(tmp_path):
    for name in ("pyproject.toml", "CHANGELOG.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(NEWS, tmp_path / "news")
    (tmp_path / "news" / "late.feature").write_text("Late.\n", encoding="utf-8")
    # towncrier knows a release by its heading line, date included: the section is
    # built again for the date it was released on, whatever the day the test runs
    released = re.search(r"^## 1\.0\.0 \((\S+)\)$", (ROOT / "CHANGELOG.md").read_text(), re.M)
    result = subprocess.run(
        [
            *(sys.executable, "-m", "towncrier", "build", "--keep"),
            *("--version", "1.0.0", "--date", released.group(1)),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "already produced" in result.stderr
    assert (tmp_path / "CHANGELOG.md").read_text() == (ROOT / "CHANGELOG.md").read_text()


@pytest.mark.parametrize("kind", ["breaking", "feature", "bugfix", "internal"])
def test_each_kind_has_a_heading(tmp_path, kind):
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "news").mkdir()
    shutil.copy(NEWS / "template.md", tmp_path / "news" / "template.md")
    (tmp_path / "news" / f"one.{kind}").write_text("One change.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "towncrier", "build", "--draft", "--version", "2.0.0"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    )
    names = {entry["directory"]: entry["name"] for entry in towncrier_settings()["type"]}
    assert f"### {names[kind]}\n\n- One change.\n" in result.stdout
