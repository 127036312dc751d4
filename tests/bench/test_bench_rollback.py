"""Every bench run measures the same data: what a run writes into the seeded
FileStorage is undone after it (and after an interrupted run, before the
next), and a cluster run serves a copy of the converted PostgreSQL database."""

import hashlib
import os
import secrets
from types import SimpleNamespace

import psycopg2
import pytest
import transaction
from persistent.mapping import PersistentMapping
from psycopg2.extensions import make_dsn
from ZODB import DB
from ZODB.blob import Blob
from ZODB.FileStorage import FileStorage

from scripts.bench import BenchError
from scripts.bench import rollback
from scripts.bench import run


def open_db(folder):
    (folder / "filestorage").mkdir(parents=True, exist_ok=True)
    (folder / "blobstorage").mkdir(exist_ok=True, mode=0o700)
    storage = FileStorage(
        str(folder / "filestorage" / "Data.fs"), blob_dir=str(folder / "blobstorage")
    )
    return DB(storage)


def write(folder, key, payload):
    """Commit one object holding a blob under ``key`` of the root."""
    db = open_db(folder)
    try:
        with db.transaction() as connection:
            item = PersistentMapping(payload=Blob(payload))
            connection.root()[key] = item
    finally:
        db.close()


def keys_and_payloads(folder):
    db = open_db(folder)
    try:
        connection = db.open()
        found = {}
        for key, item in connection.root().items():
            with item["payload"].open() as blob:
                found[key] = blob.read()
        transaction.abort()
        connection.close()
        return found
    finally:
        db.close()


def fingerprint(folder):
    """Data.fs's bytes, its modification time, and the blob files."""
    data_fs = folder / "filestorage" / "Data.fs"
    blobs = folder / "blobstorage"
    files = sorted(str(path.relative_to(blobs)) for path in blobs.rglob("*") if path.is_file())
    folders = sorted(str(path.relative_to(blobs)) for path in blobs.rglob("*") if path.is_dir())
    return (
        hashlib.sha256(data_fs.read_bytes()).hexdigest(),
        data_fs.stat().st_mtime_ns,
        files,
        folders,
    )


@pytest.fixture
def seeded(tmp_path):
    folder = tmp_path / "data-toy"
    write(folder, "seeded", b"seeded certificate")
    return folder


def test_writes_after_the_snapshot_are_undone(seeded):
    before = fingerprint(seeded)
    snapshot = rollback.FileStorageSnapshot(seeded)
    snapshot.take()
    assert snapshot.pending()
    write(seeded, "run", b"a run's certificate")
    write(seeded, "second", b"another transaction of the run")
    assert set(keys_and_payloads(seeded)) == {"seeded", "run", "second"}
    assert fingerprint(seeded) != before

    snapshot.restore()

    assert not snapshot.pending()
    assert fingerprint(seeded) == before
    assert keys_and_payloads(seeded) == {"seeded": b"seeded certificate"}
    # and the storage goes on as usual: the next run writes, and is undone again
    snapshot.take()
    write(seeded, "next", b"the next run")
    snapshot.restore()
    assert fingerprint(seeded) == before


def test_a_storage_left_without_its_index_gets_one_before_the_snapshot(seeded):
    index = seeded / "filestorage" / "Data.fs.index"
    index.unlink()
    snapshot = rollback.FileStorageSnapshot(seeded)
    snapshot.take()
    assert index.exists()
    write(seeded, "run", b"x")
    snapshot.restore()
    assert index.exists()
    assert keys_and_payloads(seeded) == {"seeded": b"seeded certificate"}


def test_a_snapshot_is_not_taken_twice_nor_restored_onto_a_shorter_file(seeded):
    snapshot = rollback.FileStorageSnapshot(seeded)
    snapshot.take()
    with pytest.raises(BenchError, match="restore that snapshot first"):
        snapshot.take()
    with open(seeded / "filestorage" / "Data.fs", "r+b") as data:
        data.truncate(100)
    with pytest.raises(BenchError, match="shorter"):
        snapshot.restore()


class FakeServer:
    """What ``start_server`` returns, for a target whose server is a function
    writing into the storage as the bench's writes do."""

    def poll(self):
        return 0


def test_the_filestorage_target_undoes_its_run_and_an_interrupted_one(
    tmp_path, seeded, monkeypatch
):
    monkeypatch.setattr(run, "VAR", tmp_path)
    runs = []

    def serve(etc, env, base, logfile):
        runs.append(base)
        write(seeded, f"run-{len(runs)}", b"imported attendees")
        return FakeServer()

    monkeypatch.setattr(run, "start_server", serve)
    monkeypatch.setattr(run, "stop_server", lambda process: None)
    before = fingerprint(seeded)
    args = SimpleNamespace(scale="toy", port=18299)

    target = run.FileStorageTarget(args, tmp_path / "etc", {})
    target.start()
    assert "run-1" in keys_and_payloads(seeded)
    target.stop()
    assert fingerprint(seeded) == before

    # a run that ends before stopping its server leaves its snapshot behind
    interrupted = run.FileStorageTarget(args, tmp_path / "etc", {})
    interrupted.start()
    assert rollback.FileStorageSnapshot(seeded).pending()
    following = run.FileStorageTarget(args, tmp_path / "etc", {})
    following.start()
    assert set(keys_and_payloads(seeded)) == {"seeded", "run-3"}
    following.stop()
    assert fingerprint(seeded) == before


def test_a_server_that_does_not_start_leaves_the_data_as_it_was(tmp_path, seeded, monkeypatch):
    monkeypatch.setattr(run, "VAR", tmp_path)

    def fail(etc, env, base, logfile):
        write(seeded, "half-started", b"x")
        raise BenchError("the instance exited")

    monkeypatch.setattr(run, "start_server", fail)
    before = fingerprint(seeded)
    target = run.FileStorageTarget(SimpleNamespace(scale="toy", port=18299), tmp_path, {})
    with pytest.raises(BenchError, match="exited"):
        target.start()
    assert fingerprint(seeded) == before
    assert not target.snapshot.pending()


# -- the cluster's copy of the converted database ------------------------------------


ADMIN_DSN = os.environ.get(
    "TEST_POSTGRES_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)


def unreachable(dsn):
    """Why PostgreSQL does not answer at ``dsn``, or None when it does."""
    try:
        psycopg2.connect(dsn, connect_timeout=3).close()
    except psycopg2.OperationalError as error:
        return f"PostgreSQL is not reachable at {dsn!r}: {str(error).strip()}"
    return None


@pytest.fixture
def converted():
    """A database standing for the converted one, dropped afterwards (with its copy)."""
    reason = unreachable(ADMIN_DSN)
    if reason and os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(reason, pytrace=False)
    elif reason:
        pytest.skip(reason)
    dsn = make_dsn(ADMIN_DSN, dbname=f"qgis_bench_test_{secrets.token_hex(4)}")
    # an empty database: a copy of PostgreSQL's own template
    rollback.copy_database(make_dsn(ADMIN_DSN, dbname="template1"), dsn)
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("CREATE TABLE object_state (zoid bigint, state text)")
        cursor.execute("INSERT INTO object_state VALUES (0, 'seeded')")
    connection.close()
    yield dsn
    rollback.drop_database(rollback.copy_dsn(dsn))
    rollback.drop_database(dsn)


def states(dsn):
    connection = psycopg2.connect(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT state FROM object_state ORDER BY zoid")
            return [row[0] for row in cursor.fetchall()]
    finally:
        connection.close()


def test_each_cluster_run_writes_into_a_fresh_copy(converted):
    copy = rollback.copy_dsn(converted)
    assert rollback.database_name(copy) == rollback.database_name(converted) + "_run"
    for run_number in (1, 2):
        rollback.copy_database(converted, copy)
        assert states(copy) == ["seeded"]  # the previous run's write is gone
        with psycopg2.connect(copy) as connection, connection.cursor() as cursor:
            cursor.execute("INSERT INTO object_state VALUES (%s, 'a run')", (run_number,))
        connection.close()
        assert states(copy) == ["seeded", "a run"]
        assert states(converted) == ["seeded"]
    rollback.drop_database(copy)
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(copy).close()


def test_the_cluster_target_serves_the_copy_and_measures_the_converted_database(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(run, "VAR", tmp_path)
    monkeypatch.setenv("BENCH_RELSTORAGE_DSN", "dbname=qgis_bench_x host=127.0.0.1 user=postgres")
    target = run.ClusterTarget(
        SimpleNamespace(scale="toy", port=18299), tmp_path, {"SITE_ID": "Plone"}
    )
    assert target.seeded_dsn.startswith("dbname=qgis_bench_x ")
    assert rollback.database_name(target.dsn) == "qgis_bench_x_run"
    assert target.cluster_env["RELSTORAGE_DSN"] == target.dsn

    # started: a fresh copy for the run, measured through HAProxy (not Varnish)
    calls = []
    (tmp_path / "data-toy" / "filestorage").mkdir(parents=True)
    (tmp_path / "data-toy" / "filestorage" / "Data.fs").write_bytes(b"FS21")
    target.folder.mkdir()
    target.folder.joinpath("cluster.json").write_text(
        '{"front": "http://127.0.0.1:18299/", "balancer": "http://127.0.0.1:18302/",'
        ' "instances": [{"pid": 1}, {"pid": 2}]}'
    )
    monkeypatch.setattr(target, "cluster", lambda *command, dsn=None: calls.append((command, dsn)))
    monkeypatch.setattr(rollback, "copy_database", lambda *dsns: calls.append(("copy", dsns)))
    target.start()
    assert calls == [
        (("convert", "--clear"), target.seeded_dsn),
        ("copy", (target.seeded_dsn, target.dsn)),
        (("start",), None),
    ]
    assert target.base == "http://127.0.0.1:18302/Plone"
    assert target.pids() == [1, 2]


def test_the_database_size_is_data_fs_and_the_blobs_only(tmp_path, seeded, monkeypatch):
    """Not the index, its copy, nor the Data.fs.old a pack leaves."""
    monkeypatch.setattr(run, "VAR", tmp_path)
    target = run.FileStorageTarget(SimpleNamespace(scale="toy", port=18299), tmp_path, {})
    data_fs = seeded / "filestorage" / "Data.fs"
    files = [path for path in (seeded / "blobstorage").rglob("*") if path.is_file()]
    assert [path.stat().st_size for path in files if path.suffix == ".blob"] == [18]
    blobs = sum(path.stat().st_size for path in files)
    (seeded / "filestorage" / "Data.fs.old").write_bytes(b"x" * 10_000)
    target.snapshot.take()
    assert target.database_bytes() == data_fs.stat().st_size + blobs
