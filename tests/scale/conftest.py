"""Fixtures of the scale-out tests: a fresh PostgreSQL database per run and a
cluster started (and stopped) with the real ``scripts/cluster.py``.

The tests run whenever PostgreSQL answers at TEST_POSTGRES_DSN (by default the
local server, 127.0.0.1:5432, as user postgres). When it does not, they are
skipped on a developer's machine and fail when CI=true: in CI they must run.
"""

import os
import secrets
import signal
import time

import psycopg2
import pytest
from psycopg2 import sql
from psycopg2.extensions import make_dsn
from scale_helpers import RunningCluster
from scale_helpers import alive
from scale_helpers import port_block


ADMIN_DSN = os.environ.get(
    "TEST_POSTGRES_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)


def in_ci():
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.fixture(scope="session")
def postgres():
    """The administrative DSN of a PostgreSQL that answers."""
    try:
        psycopg2.connect(ADMIN_DSN, connect_timeout=3).close()
    except psycopg2.OperationalError as error:
        reason = f"PostgreSQL is not reachable at {ADMIN_DSN!r}: {str(error).strip()}"
        if in_ci():
            pytest.fail(f"{reason} (CI=true: the scale-out tests must run)", pytrace=False)
        pytest.skip(reason)
    return ADMIN_DSN


@pytest.fixture(scope="session")
def fresh_database(postgres):
    """``fresh_database()``: the DSN of a new, empty database, dropped at the end."""
    created = []

    def make():
        name = f"qgis_scale_test_{secrets.token_hex(5)}"
        connection = psycopg2.connect(postgres, connect_timeout=5)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        connection.close()
        created.append(name)
        return make_dsn(postgres, dbname=name)

    yield make
    connection = psycopg2.connect(postgres, connect_timeout=5)
    connection.autocommit = True
    with connection.cursor() as cursor:
        for name in created:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
    connection.close()


@pytest.fixture(scope="session")
def cluster(fresh_database, tmp_path_factory):
    """Two instances, HAProxy and Varnish on a fresh database, started like ``make cluster``."""
    data_dir = tmp_path_factory.mktemp("cluster-data")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("ZODB_STORAGE", "MAIL_DIR", "CLUSTER_DIR", "DEBUG_MODE")
    }
    env.update(
        HOST="127.0.0.1",
        PORT=str(port_block(4)),  # Varnish, two instances, HAProxy
        CLUSTER_SIZE="2",
        DATA_DIR=str(data_dir),
        SITE_ID="Plone",
        RELSTORAGE_DSN=fresh_database(),
        ENVIRONMENT="demo",
        ADMIN_PASSWORD=secrets.token_urlsafe(12),
        ZOPE_THREADS="4",
    )
    handle = RunningCluster(env, data_dir / "cluster")
    started = time.monotonic()
    result = handle.command("start")
    if result.returncode:
        handle.command("stop")
        pytest.fail(f"cluster.py start failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    handle.reload()
    print(f"cluster started in {time.monotonic() - started:.1f} s")
    pids = handle.pids()
    try:
        yield handle
    finally:
        pids.update(handle.pids())
        result = handle.command("stop")
        # a process killed a moment ago may still be on its way out
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in pids.values()) and time.monotonic() < deadline:
            time.sleep(0.1)
        leftovers = [pid for pid in pids.values() if alive(pid)]
        for pid in leftovers:
            os.kill(pid, signal.SIGKILL)
        assert result.returncode == 0, result.stderr
        assert not leftovers, f"cluster.py stop left processes running: {leftovers}"
