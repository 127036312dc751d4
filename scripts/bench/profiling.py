"""``make bench PROFILE=1``: a profile of the server for each lookup.

py-spy (pinned in requirements.lock) samples the server process from outside
while a lookup's timed window is open, without changing the server: the
result is a speedscope file (open it at speedscope.app, or in any viewer of
that format) and a short text summary of where the samples fell. py-spy
reads the process's memory with ptrace, which works as root here; it runs
``--nonblocking`` so that the server is never paused, at the price of a rare
inconsistent stack.
"""

import collections
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path


RATE = 200  # samples a second
PRODUCT = "qgis/certification/"


def py_spy():
    """The py-spy beside the running Python (the project's .venv), else on PATH."""
    beside = Path(sys.executable).parent / "py-spy"
    if beside.exists():
        return str(beside)
    found = shutil.which("py-spy")
    if found is None:
        raise RuntimeError("PROFILE=1 needs py-spy: run `make install` (it is in the lock)")
    return found


def summarise(speedscope, top=12):
    """Where the samples of a speedscope file fell: the share of samples in
    which each function was running itself ("self"), the functions of the
    product that were on the stack at all ("total"), and the sample count."""
    data = json.loads(Path(speedscope).read_text())
    frames = data["shared"]["frames"]
    own = collections.Counter()
    within = collections.Counter()
    count = 0
    for profile in data["profiles"]:
        for stack in profile["samples"]:
            count += 1
            if stack:
                own[stack[-1]] += 1
            within.update({index for index in stack if PRODUCT in frames[index]["file"]})

    def rows(counter):
        return [
            {"share": round(100 * hits / count, 1), "function": _name(frames[index])}
            for index, hits in counter.most_common(top)
        ]

    return {"samples": count, "self": rows(own), "product": rows(within)} if count else None


def _name(frame):
    file = frame["file"]
    for marker in ("site-packages/", "src/"):
        if marker in file:
            file = file.split(marker, 1)[1]
    return f"{frame['name']} ({file}:{frame.get('line') or '?'})"


def summary_text(summary):
    """The summary as plain text, one function a line."""
    if summary is None:
        return "no samples\n"
    lines = [f"{summary['samples']} samples", "", "running itself:"]
    lines += [f"  {row['share']:5.1f}%  {row['function']}" for row in summary["self"]]
    lines += ["", "the product's functions on the stack:"]
    lines += [f"  {row['share']:5.1f}%  {row['function']}" for row in summary["product"]]
    return "\n".join(lines) + "\n"


class Profiler:
    """A window observer of ``load.run_load``: records each of ``pids`` with
    py-spy while the window is open, into ``folder/<name>[-<pid>].speedscope.json``."""

    def __init__(self, pids, folder, name):
        self.pids = list(pids)
        self.folder = Path(folder)
        self.name = name
        self.recorders = []

    def path(self, pid):
        suffix = f"-{pid}" if len(self.pids) > 1 else ""
        return self.folder / f"{self.name}{suffix}.speedscope.json"

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        for pid in self.pids:
            command = [py_spy(), "record", "--pid", str(pid), "--nonblocking"]
            command += ["--rate", str(RATE), "--format", "speedscope"]
            command += ["--output", str(self.path(pid))]
            self.recorders.append(
                subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            )

    def stop(self):
        # py-spy writes its file when interrupted, as after Ctrl+C
        for recorder in self.recorders:
            recorder.send_signal(signal.SIGINT)

    def figures(self, result):
        files = []
        for pid, recorder in zip(self.pids, self.recorders, strict=True):
            output = recorder.communicate(timeout=120)[0].decode(errors="replace")
            path = self.path(pid)
            if not path.exists():
                raise RuntimeError(f"py-spy wrote no profile of {pid}: {output[-500:]}")
            summary = summarise(path)
            path.with_suffix("").with_suffix(".txt").write_text(summary_text(summary))
            files.append({"file": str(path), "summary": summary})
        return {"profiles": files}
