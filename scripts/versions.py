"""Keep buildout's versions.cfg in step with requirements.lock.

requirements.lock (pip freeze format) is the single source of truth for the
versions of every package. buildout cannot read it, so versions.cfg carries the
same pins as a buildout ``[versions]`` section.

    python -m scripts.versions write   # (re)generate versions.cfg from the lock
    python -m scripts.versions check   # exit 1 when versions.cfg and the lock disagree

Only the standard library is used, so this runs before anything is installed.
"""

import argparse
import re
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
VERSIONS = ROOT / "versions.cfg"

# The add-on itself is developed from the checkout (buildout ``develop = .``),
# so it is never pinned.
UNPINNED = {"qgis-certification"}

HEADER = """\
# GENERATED FILE: do not edit by hand.
# Generated from requirements.lock by `make versions` (python -m scripts.versions write).
# To change a version, change requirements.lock (`make lock`) and regenerate;
# `make buildout-check` and tests/scripts/test_versions.py fail when the two disagree.
"""

_PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")
_OPTION = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*[=:]\s*(\S*)\s*$")


def normalize(name):
    """The PEP 503 form of a project name: lowercase, runs of -_. become -."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path=LOCK):
    """Return {name as written in the lock: version} for every ``name==version``.

    Comments, blank lines and pip options (``-e``, ``--hash`` ...) are skipped;
    the add-on itself is left out. Raises ValueError on a line that is neither.
    """
    pins = {}
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        match = _PIN.match(line)
        if match is None:
            raise ValueError(f"{path}:{number}: not a 'name==version' line: {raw!r}")
        name, version = match.groups()
        if normalize(name) in UNPINNED:
            continue
        pins[name] = version
    return pins


def read_versions(path=VERSIONS):
    """Return {name: version} from the ``[versions]`` section of a buildout file.

    Only the section itself is read (no ``extends``, no ``<=`` macros): the
    generated file is flat. Raises ValueError when the section is missing.
    """
    pins = {}
    section = None
    seen = False
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip().strip("[]").strip()
            seen = seen or section == "versions"
            continue
        if section != "versions":
            continue
        match = _OPTION.match(line)
        if match is None:
            raise ValueError(f"{path}:{number}: not a 'name = version' line: {raw!r}")
        name, version = match.groups()
        pins[name] = version
    if not seen:
        raise ValueError(f"{path}: no [versions] section")
    return pins


def render_versions(pins):
    """The text of versions.cfg for {name: version}, sorted case-insensitively."""
    lines = [HEADER, "[versions]"]
    for name in sorted(pins, key=lambda name: (normalize(name), name)):
        if normalize(name) in UNPINNED:
            continue
        lines.append(f"{name} = {pins[name]}")
    return "\n".join(lines) + "\n"


def differences(lock, versions):
    """Compare two {name: version} maps by normalised name.

    Returns a sorted list of readable lines, empty when both carry the same pins:
    ``missing`` (in the lock, not in versions.cfg), ``extra`` (in versions.cfg,
    not in the lock) and ``different`` (both, other version).
    """
    by_lock = {normalize(name): (name, version) for name, version in lock.items()}
    by_versions = {normalize(name): (name, version) for name, version in versions.items()}
    found = []
    for key in sorted(by_lock.keys() | by_versions.keys()):
        if key not in by_versions:
            name, version = by_lock[key]
            found.append(f"missing: {name}=={version} is in the lock, not in versions.cfg")
        elif key not in by_lock:
            name, version = by_versions[key]
            found.append(f"extra: {name} = {version} is in versions.cfg, not in the lock")
        elif by_lock[key][1] != by_versions[key][1]:
            name = by_lock[key][0]
            found.append(
                f"different: {name} is {by_lock[key][1]} in the lock, "
                f"{by_versions[key][1]} in versions.cfg"
            )
    return found


def write(lock_path=LOCK, versions_path=VERSIONS):
    pins = read_lock(lock_path)
    text = render_versions(pins)
    path = Path(versions_path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        print(f"{path.name} is up to date ({len(pins)} pins)")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.name}: {len(pins)} pins from {Path(lock_path).name}")
    return 0


def check(lock_path=LOCK, versions_path=VERSIONS):
    if not Path(versions_path).exists():
        print(f"{versions_path} does not exist: run 'make versions'", file=sys.stderr)
        return 1
    found = differences(read_lock(lock_path), read_versions(versions_path))
    if found:
        print(
            f"{Path(versions_path).name} does not match {Path(lock_path).name} "
            f"({len(found)} differences); run 'make versions':",
            file=sys.stderr,
        )
        for line in found:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"{Path(versions_path).name} matches {Path(lock_path).name}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.versions", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("command", choices=["write", "check"])
    parser.add_argument("--lock", default=str(LOCK), help="default: %(default)s")
    parser.add_argument("--versions", default=str(VERSIONS), help="default: %(default)s")
    args = parser.parse_args(argv)
    try:
        if args.command == "write":
            return write(args.lock, args.versions)
        return check(args.lock, args.versions)
    except (OSError, ValueError) as error:
        print(f"versions.py: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
