"""Re-resolve the dependencies into requirements.lock (``make lock``).

Builds a throw-away virtual environment, installs the product with its test
extras and the project's tools from the package index, and writes what got
installed (``pip freeze --all``) as the new lock. Review the diff before
committing it: this is the only place versions change.
"""

import subprocess
import sys
import tempfile
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
# What the project needs beside the product's own dependencies.
TOOLS = [
    "Plone==6.2.2",
    "plone.app.layout<7",  # 7.x prereleases break Classic UI start-up
    "ruff",
    "zc.buildout",
    "plone.recipe.zope2instance",
    "horse-with-no-namespace",
    "py-spy",  # make bench PROFILE=1: samples the server while it is measured
]
HEADER = (
    "# The complete, flat lock of every package installed in .venv (pip freeze --all).\n"
    "# Refresh deliberately with 'make lock' and review the diff. "
    "buildout's versions.cfg is generated from it.\n"
)


def main():
    with tempfile.TemporaryDirectory() as folder:
        python = Path(folder) / "bin" / "python"
        subprocess.run([sys.executable, "-m", "venv", folder], check=True)
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "-U", "pip", "setuptools", "wheel"], check=True
        )
        subprocess.run(
            [python, "-m", "pip", "install", "-q", f"{ROOT}[test,relstorage]", *TOOLS], check=True
        )
        frozen = subprocess.run(
            [python, "-m", "pip", "freeze", "--all"], check=True, capture_output=True, text=True
        ).stdout
    pins = sorted(
        (line for line in frozen.splitlines() if line and not line.lower().startswith("qgis")),
        key=str.lower,
    )
    LOCK.write_text(HEADER + "\n".join(pins) + "\n")
    print(f"lock: {len(pins)} packages written to {LOCK.name}")


if __name__ == "__main__":
    main()
