"""Build buildout.cfg in a temporary folder, start the instance once, tear it down.

What `make buildout-check` runs. Proves that the zc.buildout alternative install
still works with the pins of requirements.lock:

1. versions.cfg must carry exactly the pins of requirements.lock;
2. a small Python environment holding only zc.buildout (and what it needs, at the
   versions of the lock) is made in var/buildout-cache/python/. buildout is run
   from there, not from .venv: run from .venv it would find every package in
   .venv's site-packages and download nothing, which proves nothing;
3. buildout builds buildout.cfg in a temporary folder (buildout:directory), with
   the checkout as develop egg and eggs and downloads kept in var/buildout-cache/
   (the first run downloads about 250 eggs from PyPI, a few minutes);
4. bin/instance fg is started on a free port until HTTP on / answers, then
   stopped; the temporary folder is removed.

Prints one line on success; exits 1 with a readable message otherwise.
"""

import argparse
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from scripts import versions


ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "buildout.cfg"
CACHE = ROOT / "var" / "buildout-cache"
PYTHON = CACHE / "python"
# What buildout would create in its directory: none of it may land in the checkout.
BUILDOUT_LITTER = ("bin", "parts", "eggs", "develop-eggs", ".installed.cfg")
ANSWERS = (200, 401)


class CheckFailed(Exception):
    pass


def tail(path, lines=40):
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no output)"
    return "\n".join("    " + line for line in text.splitlines()[-lines:])


def run(command, log, cwd=None, what="command"):
    with open(log, "ab") as out:
        out.write(f"$ {' '.join(str(part) for part in command)}\n".encode())
        out.flush()
        result = subprocess.run(
            [str(part) for part in command],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode:
        raise CheckFailed(
            f"{what} failed (exit {result.returncode}); last lines of {log}:\n{tail(log)}"
        )


def check_versions():
    try:
        lock = versions.read_lock(versions.LOCK)
        pins = versions.read_versions(versions.VERSIONS)
    except (OSError, ValueError) as error:
        raise CheckFailed(f"{error} (run 'make versions')") from error
    found = versions.differences(lock, pins)
    if found:
        listing = "\n".join(f"    {line}" for line in found)
        raise CheckFailed(
            f"versions.cfg does not match requirements.lock; run 'make versions':\n{listing}"
        )


def buildout_python(log):
    """bin/buildout of var/buildout-cache/python/, (re)made when the lock changed."""
    lock = versions.LOCK.read_bytes()
    stamp = hashlib.sha256(lock + sys.version.encode()).hexdigest()
    marker = PYTHON / "lock.sha256"
    buildout = PYTHON / "bin" / "buildout"
    if buildout.exists() and marker.exists() and marker.read_text().strip() == stamp:
        return buildout, False
    pins = versions.read_lock(versions.LOCK)
    pin = {versions.normalize(name): version for name, version in pins.items()}
    if "zc-buildout" not in pin:
        raise CheckFailed("requirements.lock does not pin zc.buildout")
    shutil.rmtree(PYTHON, ignore_errors=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    run(
        [sys.executable, "-m", "venv", "--without-pip", PYTHON],
        log,
        what="creating the buildout Python environment",
    )
    # .venv's pip installs into the new environment, with the lock as constraints,
    # so pip, setuptools, wheel, packaging... get the locked versions too.
    run(
        [
            sys.executable, "-m", "pip", "--python", PYTHON / "bin" / "python",
            "install", "--quiet", "--disable-pip-version-check",
            "--constraint", versions.LOCK, f"zc.buildout=={pin['zc-buildout']}",
        ],
        log,
        what="installing zc.buildout in var/buildout-cache/python",
    )  # fmt: skip
    marker.write_text(stamp + "\n")
    return buildout, True


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_http(process, url, deadline, log):
    """(status, headers) of url once the server answers; fails if the process exits."""
    while True:
        if process.poll() is not None:
            raise CheckFailed(
                f"bin/instance fg exited with {process.returncode} before answering "
                f"on {url}; last lines of {log}:\n{tail(log)}"
            )
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise CheckFailed(f"no HTTP answer on {url} in time; last lines of {log}:\n{tail(log)}")
        try:
            # With fast-listen the socket is open before Zope is ready: the
            # request then waits in the backlog, hence the long timeout.
            with urllib.request.urlopen(url, timeout=min(30, remaining)) as response:
                return response.status, response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.headers
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.5)


def stop(process):
    if process.poll() is not None:
        return
    # bin/instance fg runs the server as its child: signal the whole group we made.
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def start_instance(directory, port, timeout):
    log = directory / "instance.log"
    url = f"http://127.0.0.1:{port}/"
    started = time.monotonic()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [directory / "bin" / "instance", "fg"],
            cwd=directory,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        status, headers = wait_for_http(process, url, started + timeout, log)
        answered = time.monotonic() - started
    finally:
        stop(process)
    if status not in ANSWERS:
        raise CheckFailed(
            f"{url} answered HTTP {status}, expected one of {ANSWERS}; "
            f"last lines of {log}:\n{tail(log)}"
        )
    if "Zope" not in headers.get("X-Powered-By", ""):
        raise CheckFailed(f"{url} answered, but not as Zope: {dict(headers)}")
    return status, answered


def build(buildout, directory, port, log):
    eggs = CACHE / "eggs"
    downloads = CACHE / "downloads"
    eggs.mkdir(parents=True, exist_ok=True)
    downloads.mkdir(parents=True, exist_ok=True)
    run(
        [
            buildout,
            "-N",
            "-c",
            CONFIG,
            f"buildout:directory={directory}",
            f"buildout:develop={ROOT}",
            f"buildout:eggs-directory={eggs}",
            f"buildout:download-cache={downloads}",
            f"instance:http-address=127.0.0.1:{port}",
        ],
        log,
        cwd=directory,
        what="buildout",
    )
    text = log.read_text(encoding="utf-8", errors="replace")
    if "Versions had to be automatically picked" in text:
        raise CheckFailed(f"buildout picked versions that versions.cfg lacks:\n{tail(log)}")
    if not (directory / "bin" / "instance").exists():
        raise CheckFailed(f"buildout made no bin/instance; last lines:\n{tail(log)}")
    check_addon(directory, log)
    return len(re.findall(r"^Got ", text, re.MULTILINE))


ADDON_PROBE = """
import importlib.metadata
import qgis.certification
plugins = importlib.metadata.entry_points(group="z3c.autoinclude.plugin")
found = [p for p in plugins if p.dist.name == "qgis.certification"]
print(qgis.certification.__file__)
print(",".join(p.value for p in found))
"""


def check_addon(directory, log):
    """The instance's Python imports the add-on from this checkout and sees the
    entry point by which plone.autoinclude loads its ZCML."""
    interpreter = directory / "parts" / "instance" / "bin" / "interpreter"
    result = subprocess.run(
        [str(interpreter), "-c", ADDON_PROBE],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.split()
    expected = str(ROOT / "src" / "qgis" / "certification" / "__init__.py")
    if result.returncode or len(lines) != 2 or lines != [expected, "plone"]:
        raise CheckFailed(
            "the instance does not load qgis.certification from the checkout "
            f"(expected {expected} and the plone autoinclude entry point):\n"
            f"{result.stdout}{result.stderr}"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.buildout_check", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for HTTP (300)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (to debug)")
    args = parser.parse_args(argv)

    began = time.monotonic()
    before = {name for name in BUILDOUT_LITTER if (ROOT / name).exists()}
    directory = Path(tempfile.mkdtemp(prefix="buildout-check-"))
    log = directory / "buildout.log"
    try:
        check_versions()
        buildout, made = buildout_python(log)
        port = free_port()
        built = time.monotonic()
        got = build(buildout, directory, port, log)
        built = time.monotonic() - built
        status, answered = start_instance(directory, port, args.timeout)
        litter = sorted(
            name for name in BUILDOUT_LITTER if (ROOT / name).exists() and name not in before
        )
        if litter:
            raise CheckFailed(f"buildout wrote into the checkout: {', '.join(litter)}")
    except (CheckFailed, OSError, subprocess.SubprocessError) as error:
        print(f"buildout-check: FAILED: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("buildout-check: interrupted", file=sys.stderr)
        return 130
    finally:
        if args.keep:
            print(f"buildout-check: kept {directory}", file=sys.stderr)
        else:
            shutil.rmtree(directory, ignore_errors=True)
    total = time.monotonic() - began
    print(
        f"buildout-check: OK: versions.cfg matches requirements.lock; "
        f"{'made' if made else 'reused'} var/buildout-cache/python; "
        f"buildout built buildout.cfg in a temporary folder in {built:.0f} s "
        f"({got} eggs newly added to var/buildout-cache/eggs); "
        f"bin/instance fg "
        f"answered HTTP {status} on 127.0.0.1:{port}/ after {answered:.1f} s, "
        f"stopped, folder {'kept' if args.keep else 'removed'}; total {total:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
