"""The server's CPU time, from the server processes' own counters.

Linux keeps, for every process, the CPU time all its threads have spent in
user and in kernel mode (``utime`` and ``stime`` of ``/proc/<pid>/stat``, in
clock ticks). Read before and after a lookup's timed window, their difference
divided by the requests served in the window is what one request costs the
server, whatever the load generator and the other programs on the machine do
with the cores meanwhile.
"""

import os
from pathlib import Path


TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def parse_stat(text):
    """(utime + stime) in seconds from the text of ``/proc/<pid>/stat``.

    The second field, the command's name in parentheses, may hold spaces and
    parentheses itself: the fields are counted from the last ``)``.
    """
    fields = text[text.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state): utime is field 14, stime field 15
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def process_seconds(pid, proc=Path("/proc")):
    """CPU seconds the process ``pid`` has used so far (all its threads)."""
    return parse_stat((Path(proc) / str(pid) / "stat").read_text())


def total_seconds(pids, proc=Path("/proc")):
    """CPU seconds used so far by all of ``pids`` (a cluster's instances)."""
    return sum(process_seconds(pid, proc) for pid in pids)


def per_request(seconds, served, elapsed):
    """The figures of a window: CPU milliseconds per request served, and how
    many cores the server kept busy on average."""
    return {
        "cpu_ms": round(seconds * 1000 / served, 2) if served else None,
        "cpu_seconds": round(seconds, 2),
        "cores_busy": round(seconds / elapsed, 2) if elapsed > 0 else None,
    }


class CpuMeter:
    """A window observer of ``load.run_load``: reads the counters of ``pids``
    when the timed window opens and when it closes."""

    def __init__(self, pids, proc=Path("/proc")):
        self.pids = list(pids)
        self.proc = proc
        self.used = None

    def start(self):
        self.began = total_seconds(self.pids, self.proc)

    def stop(self):
        self.used = total_seconds(self.pids, self.proc) - self.began

    def figures(self, result):
        served = (result.get("requests") or 0) + (result.get("errors") or 0)
        return per_request(self.used, served, result.get("seconds") or 0)
