"""The benchmark behind ``make bench``: seed, load, report (see run.py)."""
