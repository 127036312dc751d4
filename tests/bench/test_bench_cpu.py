"""The benchmark's CPU accounting: the server's own counters read around the
timed window of a load, divided by the requests served in it."""

import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

import pytest

from scripts.bench import cpu
from scripts.bench import load


TICKS = cpu.TICKS_PER_SECOND


def stat_line(pid, name, utime, stime):
    # the fields of /proc/<pid>/stat up to cstime, as the kernel writes them
    after = ["S", "1", "1", "1", "0", "-1", "4194560", "100", "0", "0", "0"]
    return f"{pid} ({name}) " + " ".join(after + [str(utime), str(stime), "7", "9"]) + "\n"


def fake_proc(folder, figures):
    for pid, (utime, stime) in figures.items():
        (folder / str(pid)).mkdir(exist_ok=True)
        (folder / str(pid) / "stat").write_text(stat_line(pid, "runwsgi", utime, stime))
    return folder


def test_user_and_system_time_are_read_after_the_command_name():
    # a command name may hold spaces and parentheses: fields count from the last ")"
    text = stat_line(42, "python (a) b) c", 3 * TICKS, TICKS // 2)
    assert cpu.parse_stat(text) == pytest.approx(3.5)
    # the children's times (the two fields after stime) are not the process's
    assert cpu.parse_stat(stat_line(1, "x", 0, 0)) == 0


def test_the_instances_of_a_cluster_are_summed(tmp_path):
    proc = fake_proc(tmp_path, {10: (TICKS, 0), 11: (2 * TICKS, TICKS)})
    assert cpu.total_seconds([10, 11], proc) == pytest.approx(4.0)
    assert cpu.total_seconds([10], proc) == pytest.approx(1.0)


def test_the_meter_divides_the_window_by_the_requests_served(tmp_path):
    proc = fake_proc(tmp_path, {10: (TICKS, 0), 11: (TICKS, 0)})
    meter = cpu.CpuMeter([10, 11], proc)
    meter.start()
    # in the window: 1.5 s in one instance, 0.5 s in the other
    fake_proc(tmp_path, {10: (2 * TICKS, TICKS // 2), 11: (TICKS + TICKS // 2, 0)})
    meter.stop()
    # errors were served too: they count
    figures = meter.figures({"requests": 180, "errors": 20, "seconds": 4.0})
    assert figures == {"cpu_ms": 10.0, "cpu_seconds": 2.0, "cores_busy": 0.5}


def test_a_window_with_no_request_has_no_figure_per_request():
    assert cpu.per_request(1.0, 0, 2.0) == {"cpu_ms": None, "cpu_seconds": 1.0, "cores_busy": 0.5}
    assert cpu.per_request(1.0, 10, 0)["cores_busy"] is None


BUSY = """
import sys, time
end = time.process_time() + 0.6
while time.process_time() < end:
    pass
sys.stdin.read()
"""


def test_a_real_process_s_counters_grow_with_its_work():
    busy = subprocess.Popen([sys.executable, "-S", "-c", BUSY], stdin=subprocess.PIPE)
    try:
        meter = cpu.CpuMeter([busy.pid])
        meter.start()
        deadline = time.monotonic() + 30
        while cpu.process_seconds(busy.pid) - meter.began < 0.5 and time.monotonic() < deadline:
            time.sleep(0.05)
        meter.stop()
    finally:
        busy.communicate(b"", timeout=30)
    assert 0.5 <= meter.used < 5
    assert meter.figures({"requests": 2, "errors": 0, "seconds": 1.0})["cpu_ms"] >= 250


class Answer(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class Recorder:
    """An observer that notes when it is called and what it is given."""

    def __init__(self, events, name):
        self.events, self.name = events, name

    def start(self):
        self.events.append(f"{self.name} start")

    def stop(self):
        self.events.append(f"{self.name} stop")

    def figures(self, result):
        self.events.append(f"{self.name} figures")
        return {f"{self.name}_served": result["requests"] + result["errors"]}


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_observers_see_the_timed_window_and_add_their_figures(local_server):
    events = []
    result = load.run_load(
        [local_server],
        clients=2,
        duration=0.4,
        warmup=0.1,
        observers=[Recorder(events, "a"), Recorder(events, "b")],
    )
    assert events == ["a start", "b start", "a stop", "b stop", "a figures", "b figures"]
    assert result["requests"] > 0
    assert result["a_served"] == result["b_served"] == result["requests"] + result["errors"]
    assert result["seconds"] == pytest.approx(0.4, abs=0.2)


def test_a_single_write_is_observed_as_one_request():
    events = []
    seconds, answer, figures = load.observed(lambda: "done", [Recorder(events, "a")])
    assert answer == "done"
    assert seconds >= 0
    assert figures == {"a_served": 1}
    assert events == ["a start", "a stop", "a figures"]
