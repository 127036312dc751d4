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


def run_load(urls, clients=4, duration=10.0, warmup=2.0, headers=None, auth=None, expect=200):
    """Ask for ``urls`` (an iterable, cycled) from ``clients`` threads for
    ``duration`` seconds after ``warmup`` seconds that are not counted."""
    source = itertools.cycle(urls)
    lock = threading.Lock()
    latencies = []
    errors = [0]
    failures = []
    measuring = threading.Event()
    stop = threading.Event()
    ready = threading.Event()

    def next_url():
        with lock:
            return next(source)

    def client():
        session = requests.Session()
        session.headers.update(headers or {})
        session.auth = auth
        mine = []
        wrong = 0
        # one request of each client is never counted, however long the warm-up:
        # a cold first request must not spill into the measured window
        session.get(next_url(), timeout=300)
        ready.wait()
        while not stop.is_set():
            url = next_url()
            counted = measuring.is_set()
            ok, status, took = _get(session, url, expect)
            if counted:
                if ok:
                    mine.append(took)
                else:
                    wrong += 1
                    if len(failures) < 3:
                        failures.append(f"{status} {url}")
        session.close()
        with lock:
            latencies.extend(mine)
            errors[0] += wrong

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    # the first, cold request once, alone, before the clients start
    requests.get(next_url(), headers=headers, auth=auth, timeout=300)
    for thread in threads:
        thread.start()
    ready.set()
    time.sleep(warmup)
    measuring.set()
    began = time.perf_counter()
    time.sleep(duration)
    stop.set()
    elapsed = time.perf_counter() - began
    for thread in threads:
        thread.join(timeout=120)
    result = summarise(latencies, errors[0], elapsed)
    result["clients"] = clients
    if failures:
        result["failures"] = failures
    return result


def timed(call):
    """(seconds, result) of one call."""
    began = time.perf_counter()
    result = call()
    return time.perf_counter() - began, result


def repeat_get(session, url, times=20, warmup=2, expect=200):
    """Sequential GETs of one URL (one client): the latency of a single request."""
    for _ in range(warmup):
        session.get(url, timeout=60)
    latencies = []
    errors = 0
    began = time.perf_counter()
    for _ in range(times):
        took, response = timed(lambda: session.get(url, timeout=60))
        if response.status_code == expect:
            latencies.append(took)
        else:
            errors += 1
    result = summarise(latencies, errors, time.perf_counter() - began)
    result["clients"] = 1
    return result
