"""``make backup`` and ``make restore`` (scripts/backup.py), run as the Makefile runs them.

A Plone site with the demo content and blobs, in a FileStorage, is backed up while its
database is open, changed, restored, and found exactly as it was backed up. Small ZODB
databases show the rotation of the sets, the refusal to restore under a running site and the
RelStorage round trip (when PostgreSQL answers at TEST_POSTGRES_DSN; skipped on a developer's
machine without it, failing when CI=true).
"""

import hashlib
import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
import transaction
import zc.lockfile
from psycopg2 import sql
from psycopg2.extensions import make_dsn
from ZODB.blob import Blob
from ZODB.config import databaseFromString
from ZODB.DB import DB
from ZODB.FileStorage import FileStorage


ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ADMIN_DSN = os.environ.get(
    "TEST_POSTGRES_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)
SETTINGS = ("ZODB_STORAGE", "MAIL_DIR", "BACKUP_DIR", "BACKUP_KEEP", "RELSTORAGE_DSN")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(data_dir, **settings):
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS}
    env.update(DATA_DIR=str(data_dir), SITE_ID="Plone", ENVIRONMENT="demo", HOST="127.0.0.1")
    env.update(PORT=str(free_port()), **settings)
    return env


def run_in_project(command, env):
    return subprocess.run(
        [str(part) for part in command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def backup_command(env, *args):
    return run_in_project([BIN / "python", "-m", "scripts.backup", *args], env)


def succeeds(env, *args):
    result = backup_command(env, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tree(folder):
    """{relative path: SHA-256} of the files of a blob tree (its tmp folder aside)."""
    folder = Path(folder)
    return {
        str(path.relative_to(folder)): sha256(path)
        for path in folder.rglob("*")
        if path.is_file() and path.relative_to(folder).parts[0] != "tmp"
    }


def sets_of(backup_dir):
    return sorted(path.name for path in backup_dir.iterdir() if (path / "manifest.json").exists())


# -- a Plone site ---------------------------------------------------------------------------


def zconsole(etc, script, env):
    return run_in_project([BIN / "zconsole", "run", etc / "zope.conf", ROOT / script], env)


def probe(etc, env, mode="dump"):
    """The probe's descriptions of the site, by the name of their line."""
    result = zconsole(etc, "tests/scripts/backup_probe.py", dict(env, PROBE_MODE=mode))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    found = {}
    for line in result.stdout.splitlines():
        if line.startswith("PROBE-"):
            name, _, rest = line.partition(" ")
            found[name] = json.loads(rest) if rest.startswith("{") else rest
    return found


@pytest.fixture
def plone_site(tmp_path):
    """A FileStorage site made by the real scripts: its environment and etc folder."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_instance
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    env = environment(tmp_path / "var")
    values = dict(make_instance.settings(env), instance_dir=str(tmp_path / "home"))
    etc = make_instance.write_instance(values, tmp_path / "home" / "etc")
    created = zconsole(etc, "scripts/create_site.py", env)
    assert created.returncode == 0, created.stderr[-3000:]
    return env, etc


def test_restore_brings_back_exactly_the_backed_up_site(plone_site, tmp_path):
    env, etc = plone_site
    data_fs = tmp_path / "var" / "filestorage" / "Data.fs"
    created_state = sha256(data_fs)
    assert "full set" in succeeds(env, "backup")
    backup_dir = tmp_path / "backups"  # the default: beside DATA_DIR
    first = sets_of(backup_dir)[0]

    lines = probe(etc, env, mode="change-backup-damage")
    assert lines["PROBE-BACKUP"].startswith("0 backup: incremental set"), lines["PROBE-BACKUP"]
    backed_up, damaged = lines["PROBE-BACKED-UP"], lines["PROBE-RESULT"]
    assert len(backed_up["items"]) > 50
    assert len(backed_up["blobs"]) > 10
    assert any(backed_up["invoices"].values())
    assert any(backed_up["certificates"].values())
    assert any(balance > 0 for balance, _entries in backed_up["balances"].values())
    for part in ("items", "blobs", "balances", "certificates", "invoices"):
        assert damaged[part] != backed_up[part], part

    out = succeeds(env, "restore")
    assert "restore: restored set" in out
    assert probe(etc, env)["PROBE-RESULT"] == backed_up
    # what the restore replaced is kept aside
    assert len(list(data_fs.parent.glob("Data.fs.before-restore-*"))) == 1
    assert len(list(data_fs.parent.parent.glob("blobstorage.before-restore-*"))) == 1

    succeeds(env, "restore", "--set", first)
    assert sha256(data_fs) == created_state
    assert tree(tmp_path / "var" / "blobstorage") == tree(backup_dir / first / "blobs")


# -- small databases -------------------------------------------------------------------------


def open_filestorage(data_dir):
    (data_dir / "filestorage").mkdir(parents=True, exist_ok=True)
    blobs = data_dir / "blobstorage"
    return DB(FileStorage(str(data_dir / "filestorage" / "Data.fs"), blob_dir=str(blobs)))


def write(db, **items):
    """Store ``items`` as blobs in the root (None deletes), in one transaction."""
    connection = db.open()
    root = connection.root()
    for key, data in items.items():
        if data is None:
            del root[key]
            continue
        blob = Blob()
        with blob.open("w") as file:
            file.write(data)
        root[key] = blob
    transaction.commit()
    connection.close()


def read(db):
    connection = db.open()
    found = {}
    for key, blob in connection.root().items():
        with blob.open("r") as file:
            found[key] = file.read()
    connection.close()
    return found


def test_backups_rotate_and_keep_the_repozo_files_the_kept_sets_need(tmp_path):
    data_dir = tmp_path / "var"
    env = environment(data_dir, BACKUP_KEEP="2", BACKUP_DIR=str(tmp_path / "elsewhere"))
    states = []
    for number, full in enumerate((True, False, True, False)):
        db = open_filestorage(data_dir)
        dropped = {"blob-0": None} if number == 2 else {}
        write(db, **{f"blob-{number}": os.urandom(3000), **dropped})
        states.append(read(db))
        db.close()
        out = succeeds(env, "backup", *(["--full"] if full else []))
        assert ("full set" if full else "incremental set") in out
    backup_dir = tmp_path / "elsewhere"
    kept = sets_of(backup_dir)
    assert len(kept) == 2
    repozo = sorted(path.name for path in (backup_dir / "repozo").iterdir())
    # the first full backup and its increment are no longer needed
    assert len([name for name in repozo if name.endswith(".fs")]) == 1
    assert len([name for name in repozo if name.endswith(".deltafs")]) == 1
    assert [line.split()[0] for line in succeeds(env, "list").splitlines()] == kept
    # a blob already in the previous set is linked to it, not copied again
    older = {p.relative_to(backup_dir / kept[0]): p for p in (backup_dir / kept[0]).rglob("*.blob")}
    newer = {p.relative_to(backup_dir / kept[1]): p for p in (backup_dir / kept[1]).rglob("*.blob")}
    assert len(newer) == len(older) + 1  # (the blob of blob-0 stays until a pack)
    assert all(newer[path].samefile(older[path]) for path in older)

    for name, state in zip(kept, states[2:], strict=True):
        succeeds(env, "restore", "--set", name)
        db = open_filestorage(data_dir)
        assert read(db) == state
        db.close()
    # both restores kept the Data.fs they replaced, even within one second
    assert len(list((data_dir / "filestorage").glob("Data.fs.before-restore-*"))) == 2

    running = zc.lockfile.LockFile(str(backup_dir / "backup.lock"))  # another backup, from cron
    refused = backup_command(env, "backup")
    running.close()
    assert refused.returncode == 1
    assert "another backup or restore of" in refused.stderr
    assert sets_of(backup_dir) == kept


def test_restore_refuses_while_the_site_runs(tmp_path):
    data_dir = tmp_path / "var"
    env = environment(data_dir)
    db = open_filestorage(data_dir)
    write(db, kept=b"before")
    db.close()
    succeeds(env, "backup")
    db = open_filestorage(data_dir)
    write(db, kept=b"after")
    db.close()
    before = sha256(data_dir / "filestorage" / "Data.fs")
    with socket.socket() as site:
        site.bind(("127.0.0.1", int(env["PORT"])))
        site.listen()
        refused = backup_command(env, "restore")
    assert refused.returncode == 1
    # (the virtualenv's own start-up warning aside)
    assert [line for line in refused.stderr.splitlines() if "UserWarning" not in line][-1:] == [
        f"restore: the site is running on 127.0.0.1:{env['PORT']}: stop it before restoring"
    ]
    assert sha256(data_dir / "filestorage" / "Data.fs") == before
    assert not list((data_dir / "filestorage").glob("*before-restore*"))

    db = open_filestorage(data_dir)  # an open FileStorage is locked, even without a server
    refused = backup_command(env, "restore")
    db.close()
    assert refused.returncode == 1
    assert "in use by another process" in refused.stderr


# -- RelStorage --------------------------------------------------------------------------------


@pytest.fixture
def fresh_database():
    try:
        psycopg2.connect(ADMIN_DSN, connect_timeout=3).close()
    except psycopg2.OperationalError as error:
        reason = f"PostgreSQL is not reachable at {ADMIN_DSN!r}: {str(error).strip()}"
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail(f"{reason} (CI=true: the RelStorage backup test must run)", pytrace=False)
        pytest.skip(reason)
    name = f"qgis_backup_test_{secrets.token_hex(5)}"
    admin = psycopg2.connect(ADMIN_DSN, connect_timeout=5)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield make_dsn(ADMIN_DSN, dbname=name)
    with admin.cursor() as cursor:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
    admin.close()


def open_relstorage(dsn, cache):
    return databaseFromString(
        f"""%import relstorage
<zodb>
  <relstorage>
    keep-history false
    blob-dir {cache}
    shared-blob-dir false
    <postgresql>
      driver psycopg2
      dsn {dsn}
    </postgresql>
  </relstorage>
</zodb>
"""
    )


def test_relstorage_round_trip(fresh_database, tmp_path):
    env = environment(tmp_path / "var", ZODB_STORAGE="relstorage", RELSTORAGE_DSN=fresh_database)
    db = open_relstorage(fresh_database, tmp_path / "cache-1")
    write(db, certificate=b"%PDF-1.7 " + os.urandom(5000), logo=os.urandom(700))
    backed_up = read(db)
    db.close()
    assert "pg_dump set" in succeeds(env, "backup")

    db = open_relstorage(fresh_database, tmp_path / "cache-2")
    write(db, certificate=None, logo=b"changed", added=b"new")
    db.close()
    out = succeeds(env, "restore")
    assert "restored set" in out
    replaced = list((tmp_path / "backups" / "replaced").glob("before-restore-*.dump"))
    assert len(replaced) == 1
    assert replaced[0].stat().st_size > 0

    db = open_relstorage(fresh_database, tmp_path / "cache-3")
    assert read(db) == backed_up
    db.close()
