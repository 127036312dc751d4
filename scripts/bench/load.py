"""Concurrent HTTP load: several clients (threads, one keep-alive session each)
ask for URLs for a while; latencies and throughput are summarised."""

import itertools
import math
import threading
import time

import requests


def percentile(ordered, fraction):
    """The value below which ``fraction`` of the sorted values lie (nearest rank)."""
    if not ordered:
        return None
    rank = min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))
    return ordered[rank]


def summarise(latencies, errors, elapsed):
    """Milliseconds and requests per second from latencies in seconds."""
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "rps": round(len(ordered) / elapsed, 1) if elapsed > 0 else None,
        "p50_ms": _ms(percentile(ordered, 0.50)),
        "p95_ms": _ms(percentile(ordered, 0.95)),
        "p99_ms": _ms(percentile(ordered, 0.99)),
    }


def _ms(seconds):
    return None if seconds is None else round(seconds * 1000, 2)


def _get(session, url, expect):
    """(whether the answer has the ``expect``-ed status, the status or the error's
    name, the seconds it took) of one request."""
    began = time.perf_counter()
    try:
        response = session.get(url, timeout=60)
        response.content  # noqa: B018 - read the whole body
        status = response.status_code
    except requests.RequestException as error:
        status = type(error).__name__
    return status == expect, status, time.perf_counter() - began


class _Clients:
    """The shared state of the load's client threads: the URLs, the latencies
    of the counted requests, and the events that open and close the window."""

    def __init__(self, urls, headers, auth, expect):
        self.source = itertools.cycle(urls)
        self.headers, self.auth, self.expect = headers or {}, auth, expect
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = 0
        self.failures = []
        self.measuring = threading.Event()
        self.stop = threading.Event()
        self.ready = threading.Event()

    def next_url(self):
        with self.lock:
            return next(self.source)

    def client(self):
        session = requests.Session()
        session.headers.update(self.headers)
        session.auth = self.auth
        mine = []
        wrong = 0
        # one request of each client is never counted, however long the warm-up:
        # a cold first request must not spill into the measured window
        session.get(self.next_url(), timeout=300)
        self.ready.wait()
        while not self.stop.is_set():
            url = self.next_url()
            counted = self.measuring.is_set()
            ok, status, took = _get(session, url, self.expect)
            if counted and ok:
                mine.append(took)
            elif counted:
                wrong += 1
                if len(self.failures) < 3:
                    self.failures.append(f"{status} {url}")
        session.close()
        with self.lock:
            self.latencies.extend(mine)
            self.errors += wrong


def run_load(
    urls, clients=4, duration=10.0, warmup=2.0, headers=None, auth=None, expect=200, observers=()
):
    """Ask for ``urls`` (an iterable, cycled) from ``clients`` threads for
    ``duration`` seconds after ``warmup`` seconds that are not counted.

    ``observers`` watch the timed window: ``start()`` as it opens, ``stop()``
    as it closes, then ``figures(result)`` returns what they add to the result
    (the server's CPU time, a profile)."""
    state = _Clients(urls, headers, auth, expect)
    threads = [threading.Thread(target=state.client, daemon=True) for _ in range(clients)]
    # the first, cold request once, alone, before the clients start
    requests.get(state.next_url(), headers=headers, auth=auth, timeout=300)
    for thread in threads:
        thread.start()
    state.ready.set()
    time.sleep(warmup)
    for observer in observers:
        observer.start()
    state.measuring.set()
    began = time.perf_counter()
    time.sleep(duration)
    state.stop.set()
    elapsed = time.perf_counter() - began
    for observer in observers:
        observer.stop()
    for thread in threads:
        thread.join(timeout=120)
    result = summarise(state.latencies, state.errors, elapsed)
    result["clients"] = clients
    if state.failures:
        result["failures"] = state.failures
    for observer in observers:
        result.update(observer.figures(result))
    return result


def timed(call):
    """(seconds, result) of one call."""
    began = time.perf_counter()
    result = call()
    return time.perf_counter() - began, result


def observed(call, observers=()):
    """(seconds, result, figures) of one call (a single request), watched by
    ``observers`` as ``run_load``'s window is."""
    for observer in observers:
        observer.start()
    seconds, result = timed(call)
    for observer in observers:
        observer.stop()
    figures = {}
    for observer in observers:
        figures.update(observer.figures({"requests": 1, "errors": 0, "seconds": seconds}))
    return seconds, result, figures


def repeat_get(session, url, times=20, warmup=2, expect=200, observers=()):
    """Sequential GETs of one URL (one client): the latency of a single request."""
    for _ in range(warmup):
        session.get(url, timeout=60)
    latencies = []
    errors = 0
    for observer in observers:
        observer.start()
    began = time.perf_counter()
    for _ in range(times):
        took, response = timed(lambda: session.get(url, timeout=60))
        if response.status_code == expect:
            latencies.append(took)
        else:
            errors += 1
    elapsed = time.perf_counter() - began
    for observer in observers:
        observer.stop()
    result = summarise(latencies, errors, elapsed)
    result["clients"] = 1
    for observer in observers:
        result.update(observer.figures(result))
    return result
