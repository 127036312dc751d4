"""``scripts`` is a package: its modules import one another as ``scripts.*``
and run with ``python -m scripts.<name>`` from the checkout's root."""

import importlib
import subprocess
import sys
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for path in (ROOT / "scripts").rglob("*.py")
    if path.name != "__init__.py"
)


def test_the_tools_are_found():
    assert {"scripts.cluster", "scripts.make_instance", "scripts.bench.run"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_every_tool_imports_as_part_of_the_package(module):
    # Importing runs nothing: each tool acts only when run as __main__.
    assert importlib.import_module(module).__name__ == module


def test_no_tool_reaches_its_siblings_through_sys_path():
    for path in (ROOT / "scripts").rglob("*.py"):
        assert "sys.path" not in path.read_text(), path


def test_a_tool_runs_as_a_module_from_the_root():
    result = subprocess.run(
        [sys.executable, "-m", "scripts.versions", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
