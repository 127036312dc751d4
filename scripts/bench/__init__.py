"""The benchmark behind ``make bench``: seed, load, report (see run.py)."""


class BenchError(Exception):
    """The benchmark cannot go on; the message says why."""
