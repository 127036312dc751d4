"""``make bench PROFILE=1``: py-spy's speedscope files and their summaries."""

import json
import subprocess
import sys
import time

from scripts.bench import profiling


def speedscope(path, frames, *stacks_per_thread):
    """A speedscope file as py-spy writes it: stacks are lists of frame
    indexes from the outermost call to the running function."""
    path.write_text(
        json.dumps(
            {
                "shared": {"frames": frames},
                "profiles": [
                    {"type": "sampled", "samples": stacks, "weights": [0.005] * len(stacks)}
                    for stacks in stacks_per_thread
                ],
            }
        )
    )
    return path


FRAMES = [
    {"name": "handle", "file": "/v/lib/site-packages/waitress/task.py", "line": 10},
    {"name": "render", "file": "/w/src/qgis/certification/browser/page.py", "line": 20},
    {"name": "search", "file": "/v/lib/site-packages/Products/ZCatalog/Catalog.py", "line": 30},
    {"name": "country", "file": "/w/src/qgis/certification/public/feeds.py", "line": 40},
]


def test_summary_counts_where_samples_fell_over_every_thread(tmp_path):
    path = speedscope(
        tmp_path / "front_page.speedscope.json",
        FRAMES,
        [[0, 1, 2], [0, 1, 2], [0, 1, 3]],
        [[0], []],
    )
    summary = profiling.summarise(path)
    assert summary["samples"] == 5
    assert summary["self"] == [
        {"share": 40.0, "function": "search (Products/ZCatalog/Catalog.py:30)"},
        {"share": 20.0, "function": "country (qgis/certification/public/feeds.py:40)"},
        {"share": 20.0, "function": "handle (waitress/task.py:10)"},
    ]
    # the product's own functions, wherever they were on the stack
    assert summary["product"] == [
        {"share": 60.0, "function": "render (qgis/certification/browser/page.py:20)"},
        {"share": 20.0, "function": "country (qgis/certification/public/feeds.py:40)"},
    ]
    text = profiling.summary_text(summary)
    assert "   40.0%  search (Products/ZCatalog/Catalog.py:30)" in text
    assert text.startswith("5 samples\n")


def test_a_profile_without_samples_says_so(tmp_path):
    path = speedscope(tmp_path / "idle.speedscope.json", FRAMES, [])
    assert profiling.summarise(path) is None
    assert profiling.summary_text(None) == "no samples\n"


BUSY = """
import sys, time
def spin_for_the_profiler():
    end = time.time() + 30
    while time.time() < end and not sys.stdin.closed:
        sum(range(1000))
spin_for_the_profiler()
"""


def test_py_spy_records_a_running_python_process(tmp_path):
    busy = subprocess.Popen([sys.executable, "-S", "-c", BUSY], stdin=subprocess.PIPE)
    try:
        time.sleep(1)  # until the interpreter has started
        profiler = profiling.Profiler([busy.pid], tmp_path / "profiles", "verify")
        profiler.start()
        time.sleep(2)
        profiler.stop()
        figures = profiler.figures({})
    finally:
        busy.kill()
        busy.wait(timeout=30)
    (profile,) = figures["profiles"]
    assert profile["file"] == str(tmp_path / "profiles" / "verify.speedscope.json")
    assert profile["summary"]["samples"] > 50
    names = json.dumps(profile["summary"]["self"])
    assert "spin_for_the_profiler" in names
    assert "spin_for_the_profiler" in (tmp_path / "profiles" / "verify.txt").read_text()


def test_each_instance_of_a_cluster_has_its_own_file(tmp_path):
    profiler = profiling.Profiler([11, 12], tmp_path, "search")
    assert profiler.path(11).name == "search-11.speedscope.json"
    assert profiling.Profiler([11], tmp_path, "search").path(11).name == "search.speedscope.json"
