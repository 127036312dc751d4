"""Run by ``zconsole run <zope.conf> scripts/bench/zconsole_seed.py`` (see run.py),
with ``scripts/`` on PYTHONPATH and BENCH_SCALE, BENCH_INFO in the environment."""

import os
import sys

from bench.seed import main


sys.exit(main(app, os.environ))  # noqa: F821 - zconsole run provides ``app``
