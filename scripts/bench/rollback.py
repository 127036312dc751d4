"""Every run measures the same data: what a run writes into the seeded site is
undone after it.

The writes (a course, 1,000 attendees, 500 certificates) and whatever the
lookups store would otherwise stay in ``var/bench/data-<scale>/``, and each
run would measure a larger site than the one before.

FileStorage only appends: ``FileStorageSnapshot`` notes the length of
``Data.fs`` (at a transaction's end, with the server stopped), keeps a copy of
its index and the list of blob files, and afterwards cuts the file back to that
length, puts the index back and removes the blob files the run added. The file
keeps its modification time, so the cluster's copy of it (made again only when
it changes) stays valid. A snapshot left by an interrupted run is restored
before the next one starts.

For the cluster, the converted database is never served: each run gets a copy
of it (``CREATE DATABASE ... TEMPLATE``), dropped afterwards.
"""

import json
import os
import shutil
from pathlib import Path

from scripts.bench import BenchError


MARKER = "bench-snapshot.json"
INDEX_COPY = "Data.fs.index.bench"


class FileStorageSnapshot:
    """The state of a data folder (``filestorage/Data.fs``, ``blobstorage/``)
    before a run, kept in ``MARKER`` in that folder until it is restored."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.data_fs = self.folder / "filestorage" / "Data.fs"
        self.index = self.data_fs.with_name("Data.fs.index")
        self.index_copy = self.data_fs.with_name(INDEX_COPY)
        self.blobs = self.folder / "blobstorage"
        self.marker = self.folder / MARKER

    def pending(self):
        """Whether a snapshot was taken and not restored (an interrupted run)."""
        return self.marker.exists()

    def blob_paths(self):
        """(files, folders) under blobstorage/, relative to it."""
        files, folders = [], []
        if self.blobs.exists():
            for path in self.blobs.rglob("*"):
                (folders if path.is_dir() else files).append(str(path.relative_to(self.blobs)))
        return sorted(files), sorted(folders)

    def take(self):
        """Note the state; the storage must be closed (no server running)."""
        if self.pending():
            raise BenchError(f"{self.marker} exists: restore that snapshot first")
        if not self.index.exists():
            write_index(self.data_fs)
        shutil.copyfile(self.index, self.index_copy)
        status = self.data_fs.stat()
        files, folders = self.blob_paths()
        state = {
            "length": status.st_size,
            "mtime_ns": status.st_mtime_ns,
            "blobs": files,
            "blob_folders": folders,
        }
        self.marker.write_text(json.dumps(state))
        return state

    def restore(self):
        """Cut Data.fs back to the noted length, put its index back, remove
        the blob files added since; the storage must be closed."""
        state = json.loads(self.marker.read_text())
        length = state["length"]
        if self.data_fs.stat().st_size < length:
            raise BenchError(f"{self.data_fs} is shorter than when the run began")
        with open(self.data_fs, "r+b") as data:
            data.truncate(length)
        os.replace(self.index_copy, self.index)
        files, folders = self.blob_paths()
        for name in set(files) - set(state["blobs"]):
            (self.blobs / name).unlink()
        # the folders the run added, deepest first (ZODB leaves them empty or not)
        for name in sorted(set(folders) - set(state["blob_folders"]), reverse=True):
            shutil.rmtree(self.blobs / name, ignore_errors=True)
        os.utime(self.data_fs, ns=(state["mtime_ns"], state["mtime_ns"]))
        self.marker.unlink()
        return length


def write_index(data_fs):
    """Open and close the FileStorage once, which writes ``Data.fs.index``
    (after a process that did not close it, as the seeding may leave it)."""
    from ZODB.FileStorage import FileStorage

    FileStorage(str(data_fs)).close()


# -- PostgreSQL: a copy per run --------------------------------------------------


def _admin(dsn):
    import psycopg2
    from psycopg2.extensions import make_dsn

    connection = psycopg2.connect(make_dsn(dsn, dbname="postgres"), connect_timeout=10)
    connection.autocommit = True
    return connection


def database_name(dsn):
    from psycopg2.extensions import parse_dsn

    return parse_dsn(dsn)["dbname"]


def copy_dsn(dsn, suffix="_run"):
    """The DSN of the per-run copy of ``dsn``'s database."""
    from psycopg2.extensions import make_dsn

    return make_dsn(dsn, dbname=database_name(dsn) + suffix)


def drop_database(dsn):
    from psycopg2 import sql

    connection = _admin(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(database_name(dsn))
                )
            )
    finally:
        connection.close()


def copy_database(source_dsn, target_dsn):
    """``target_dsn``'s database made again as a copy of ``source_dsn``'s
    (which nobody may be connected to)."""
    from psycopg2 import sql

    drop_database(target_dsn)
    connection = _admin(source_dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(database_name(target_dsn)),
                    sql.Identifier(database_name(source_dsn)),
                )
            )
    finally:
        connection.close()
