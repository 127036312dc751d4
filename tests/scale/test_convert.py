"""``make convert-to-relstorage``: a FileStorage site, with its blobs, copied
into a fresh PostgreSQL database and read back from RelStorage."""

import json
import os
import subprocess

import psycopg2
from scale_helpers import BIN
from scale_helpers import ROOT
from scale_helpers import run_script

from scripts import make_instance


def configure(env, home):
    """An instance home of its own (zope.conf, zope.ini, site.zcml in etc/)."""
    values = dict(make_instance.settings(env), instance_dir=str(home))
    return make_instance.write_instance(values, home / "etc")


def zconsole(etc, script, env):
    return subprocess.run(
        [str(BIN / "zconsole"), "run", str(etc / "zope.conf"), str(ROOT / script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def probe(etc, env, add_file=False):
    env = dict(env, PROBE_ADD_FILE="1" if add_file else "0")
    result = zconsole(etc, "tests/scale/zodb_probe.py", env)
    lines = [line for line in result.stdout.splitlines() if line.startswith("PROBE-RESULT ")]
    assert result.returncode == 0, result.stderr[-3000:]
    assert lines, result.stdout[-2000:]
    return json.loads(lines[-1].split(" ", 1)[1])


def test_convert_a_filestorage_site_to_relstorage(fresh_database, tmp_path):
    dsn = fresh_database()
    data_dir = tmp_path / "var"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("ZODB_STORAGE", "MAIL_DIR", "CLUSTER_DIR", "DEBUG_MODE")
    }
    env.update(DATA_DIR=str(data_dir), SITE_ID="Plone", ENVIRONMENT="demo", RELSTORAGE_DSN=dsn)

    # a FileStorage site with the demo content and one file
    filestorage_etc = configure(env, tmp_path / "filestorage-instance")
    created = zconsole(filestorage_etc, "scripts/create_site.py", env)
    assert created.returncode == 0, created.stderr[-3000:]
    before = probe(filestorage_etc, env, add_file=True)
    assert "/Plone/probe-file" in before["blobs"]
    assert len(before["items"]) > 50
    assert any(balance > 0 for balance in before["balances"].values())

    result = run_script(["-m", "scripts.cluster", "convert"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "convert: done" in result.stdout

    # a second conversion does not overwrite what the database holds
    again = run_script(["-m", "scripts.cluster", "convert"], env)
    assert again.returncode == 1
    assert "CLEAR=1" in again.stderr

    connection = psycopg2.connect(dsn)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM blob_chunk")
        assert cursor.fetchone()[0] > 0
    connection.close()

    # read back through the configuration make_instance writes for RelStorage
    relstorage_etc = configure(dict(env, ZODB_STORAGE="relstorage"), tmp_path / "rs-instance")
    assert "%import relstorage" in (relstorage_etc / "zope.conf").read_text()
    after = probe(relstorage_etc, dict(env, ZODB_STORAGE="relstorage"))
    assert after == before
