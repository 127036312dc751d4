"""`make changelog`: CHANGELOG.md's section for a version, built by towncrier from news/.

    python -m scripts.changelog 1.1.0 [towncrier build options]

A version that already has a section is refused and nothing changes: towncrier
notices a repeated section only when its date is today's too.
"""

import re
import subprocess
import sys
from pathlib import Path


def released(changelog, version):
    """Whether ``changelog`` (its text) already has a section for ``version``."""
    return re.search(rf"^## {re.escape(version)} \(", changelog, re.MULTILINE) is not None


def main(argv, folder=None):
    version, options = argv[0], argv[1:]
    folder = Path(folder or Path.cwd())
    changelog = folder / "CHANGELOG.md"
    if changelog.exists() and released(changelog.read_text(encoding="utf-8"), version):
        print(
            f"CHANGELOG.md has already produced a section for {version}: set the next version "
            "in setup.py first.",
            file=sys.stderr,
        )
        return 1
    command = [sys.executable, "-m", "towncrier", "build", "--version", version, *options]
    return subprocess.call(command, cwd=folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
