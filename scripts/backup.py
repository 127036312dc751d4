"""Back up and restore the site's data (``make backup``, ``make restore``).

    python -m scripts.backup backup [--full]    a new timestamped set in BACKUP_DIR
    python -m scripts.backup restore [--set N]  restore the newest set (or set N)
    python -m scripts.backup list               the sets, oldest first

Settings come from the environment, as for ``make start``: DATA_DIR,
ZODB_STORAGE, RELSTORAGE_DSN, HOST and PORT, plus BACKUP_DIR (default: a
``backups`` folder beside DATA_DIR, so that removing DATA_DIR keeps them) and
BACKUP_KEEP (how many sets to keep, 7).

FileStorage: ZODB's ``repozo`` copies Data.fs into ``BACKUP_DIR/repozo`` (a
full copy, or only the transactions added since the last backup), which is
safe while the site runs; then the blob tree is copied into the set. Committed
blobs never change, so a blob already in the previous set is hard-linked
instead of copied, and blobs committed after repozo's copy are harmless extras.
RelStorage: ``pg_dump -Fc`` of the DSN's database (the blobs are in it).

A restore refuses to run while something answers on HOST:PORT, and keeps what
it replaces: ``Data.fs`` and ``blobstorage`` are renamed with a
``.before-restore-<time>`` suffix, a database is first dumped into
``BACKUP_DIR/replaced``.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from datetime import UTC
from datetime import datetime
from pathlib import Path

from scripts import make_instance


BIN = Path(sys.executable).parent
MANIFEST = "manifest.json"
DUMP = "database.dump"
REPOZO_FILES = (".fs", ".deltafs", ".dat", ".index")


class BackupError(Exception):
    """Something that stops the command, said in one line."""


def utc_stamp(fmt="%Y%m%dT%H%M%SZ"):
    return datetime.now(UTC).strftime(fmt)


def positive_number(environ, name, default):
    value = (environ.get(name) or str(default)).strip()
    if not value.isdigit() or int(value) < 1:
        raise BackupError(f"{name} must be a positive whole number, not {value!r}")
    return int(value)


class Settings:
    """Where the data is and where its backups go, from the environment."""

    def __init__(self, environ):
        try:
            values = make_instance.settings(environ)
        except make_instance.ConfigurationError as error:
            raise BackupError(str(error)) from error
        self.storage = values["storage_kind"]
        self.data_dir = Path(values["data_dir"])
        self.dsn = " ".join(values["dsn"].replace("$$", "$").split())
        self.blob_cache_dir = Path(values["blob_cache_dir"])
        self.host = values["host"]
        self.port = int(values["port"])
        folder = environ.get("BACKUP_DIR") or self.data_dir.parent / "backups"
        self.backup_dir = Path(folder).resolve()
        self.keep = positive_number(environ, "BACKUP_KEEP", 7)

    @property
    def data_fs(self):
        return self.data_dir / "filestorage" / "Data.fs"

    @property
    def blobstorage(self):
        return self.data_dir / "blobstorage"

    @property
    def repository(self):
        return self.backup_dir / "repozo"


# -- sets ---------------------------------------------------------------------------


def backup_sets(settings):
    """The manifests of the complete sets, oldest first."""
    if not settings.backup_dir.is_dir():
        return []
    found = []
    for folder in sorted(settings.backup_dir.iterdir()):
        manifest = folder / MANIFEST
        if folder.name[:1].isdigit() and manifest.is_file():
            found.append(dict(json.loads(manifest.read_text()), path=str(folder)))
    return found


def new_set_folder(settings):
    """A new set's final name and the partial folder it is written into."""
    settings.backup_dir.mkdir(parents=True, exist_ok=True)
    name = utc_stamp()
    while (settings.backup_dir / name).exists():
        time.sleep(0.2)
        name = utc_stamp()
    partial = settings.backup_dir / f".{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    return name, partial


def finish_set(settings, name, partial, manifest):
    created = datetime.now(UTC).isoformat(timespec="seconds")
    manifest = dict(manifest, name=name, storage=settings.storage, created=created)
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    final = settings.backup_dir / name
    partial.rename(final)
    return dict(manifest, path=str(final))


def prune(settings):
    """Remove the sets beyond the newest BACKUP_KEEP, and the repozo files that
    no kept set needs; return the names of the removed sets."""
    sets = backup_sets(settings)
    removed = sets[: -settings.keep]
    for old in removed:
        shutil.rmtree(old["path"])
    kept_dates = [s["repozo_date"] for s in sets[-settings.keep :] if s.get("repozo_date")]
    if kept_dates and settings.repository.is_dir():
        oldest = min(kept_dates)
        fulls = [f.stem for f in settings.repository.glob("*.fs") if f.stem <= oldest]
        first_needed = max(fulls, default=oldest)
        for path in settings.repository.iterdir():
            if path.suffix in REPOZO_FILES and path.stem < first_needed:
                path.unlink()
    return [old["name"] for old in removed]


def chosen_set(settings, name=None):
    sets = [s for s in backup_sets(settings) if s["storage"] == settings.storage]
    if name:
        sets = [s for s in sets if s["name"] == name]
        if not sets:
            raise BackupError(
                f"there is no {settings.storage} backup set {name!r} in {settings.backup_dir}"
            )
    if not sets:
        raise BackupError(f"there is no {settings.storage} backup set in {settings.backup_dir}")
    return sets[-1]


# -- tools --------------------------------------------------------------------------


def run(command, what):
    result = subprocess.run(
        [str(part) for part in command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        output = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise BackupError(f"{what} failed: {' / '.join(output[-5:]) or result.returncode}")
    return result


def tool(name):
    found = BIN / name if (BIN / name).exists() else shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (PostgreSQL's client tools: postgresql-client)")
    return found


def site_answers(settings):
    host = "127.0.0.1" if settings.host in ("", "0.0.0.0", "::") else settings.host  # noqa: S104
    try:
        socket.create_connection((host, settings.port), timeout=2).close()
    except OSError:
        return False
    return True


def refuse_while_running(settings):
    if site_answers(settings):
        raise BackupError(
            f"the site is running on {settings.host}:{settings.port}: stop it before restoring"
        )
    if settings.storage == "filestorage" and settings.data_fs.exists():
        import zc.lockfile

        try:
            zc.lockfile.LockFile(f"{settings.data_fs}.lock").close()
        except zc.lockfile.LockError as error:
            raise BackupError(
                f"{settings.data_fs} is in use by another process: stop it before restoring"
            ) from error


# -- FileStorage ----------------------------------------------------------------------


def newest_repozo_file(repository):
    files = sorted(
        (path for path in repository.glob("*") if path.suffix in (".fs", ".deltafs")),
        key=lambda path: path.stem,
    )
    return files[-1] if files else None


def copy_blobs(source, target, previous=None):
    """Copy the blob tree ``source`` to ``target``, hard-linking each blob file
    that the ``previous`` copy already holds (a blob's path names its object and
    transaction, and it never changes); return how many files ``target`` has."""
    count = 0
    for folder, folders, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        if relative == Path("."):
            folders[:] = [name for name in folders if name != "tmp"]
        (target / relative).mkdir(mode=0o700, parents=True, exist_ok=True)
        for name in files:
            original = Path(folder) / name
            earlier = previous / relative / name if previous and name.endswith(".blob") else None
            if earlier and earlier.is_file() and earlier.stat().st_size == original.stat().st_size:
                os.link(earlier, target / relative / name)
            else:
                shutil.copy2(original, target / relative / name)
            count += 1
    return count


def backup_filestorage(settings, full=False):
    if not settings.data_fs.exists():
        raise BackupError(f"there is no FileStorage at {settings.data_fs}")
    settings.repository.mkdir(parents=True, exist_ok=True)
    newest = newest_repozo_file(settings.repository)
    # repozo names its files by the second: two backups in one second would clash
    while newest and newest.stem >= utc_stamp("%Y-%m-%d-%H-%M-%S"):
        time.sleep(0.2)
    command = [tool("repozo"), "-B", "-r", settings.repository, "-f", settings.data_fs]
    run(command + (["-F"] if full else []), "repozo")
    before, newest = newest, newest_repozo_file(settings.repository)
    name, partial = new_set_folder(settings)
    previous = [s for s in backup_sets(settings) if s["storage"] == "filestorage"]
    previous_blobs = Path(previous[-1]["path"]) / "blobs" if previous else None
    blobs = 0
    if settings.blobstorage.is_dir():
        blobs = copy_blobs(settings.blobstorage, partial / "blobs", previous_blobs)
    kind = "full" if newest.suffix == ".fs" else "incremental"
    kind = "unchanged" if newest == before else kind
    return finish_set(
        settings, name, partial, {"kind": kind, "repozo_date": newest.stem, "blob_files": blobs}
    )


def set_aside(path, stamp):
    """Rename ``path`` with a .before-restore suffix; return the new path or None."""
    if not path.exists():
        return None
    kept = path.with_name(f"{path.name}.before-restore-{stamp}")
    number = 1
    while kept.exists():  # a second restore within the same second
        number += 1
        kept = path.with_name(f"{path.name}.before-restore-{stamp}-{number}")
    path.rename(kept)
    return kept


def restore_filestorage(settings, chosen):
    """Rebuild Data.fs and the blobs beside the live ones, then swap them in."""
    folder = settings.data_fs.parent
    folder.mkdir(parents=True, exist_ok=True)
    restoring = folder / "Data.fs.restoring"
    command = [tool("repozo"), "-R", "-r", settings.repository, "-D", chosen["repozo_date"]]
    run([*command, "-o", restoring], "repozo")
    blobs = settings.blobstorage.with_name("blobstorage.restoring")
    shutil.rmtree(blobs, ignore_errors=True)
    if (Path(chosen["path"]) / "blobs").is_dir():
        shutil.copytree(Path(chosen["path"]) / "blobs", blobs)
    (blobs / "tmp").mkdir(parents=True, exist_ok=True)
    blobs.chmod(0o700)  # ZODB refuses blob folders others can read
    stamp = utc_stamp()
    kept = [set_aside(path, stamp) for path in (settings.data_fs, folder / "Data.fs.index")]
    restoring.rename(settings.data_fs)
    restored_index = folder / "Data.fs.restoring.index"
    if restored_index.exists():
        restored_index.rename(folder / "Data.fs.index")
    kept.append(set_aside(settings.blobstorage, stamp))
    blobs.rename(settings.blobstorage)
    return [path for path in kept if path]


# -- RelStorage -----------------------------------------------------------------------


def backup_relstorage(settings):
    name, partial = new_set_folder(settings)
    try:
        run([tool("pg_dump"), "-Fc", "-f", partial / DUMP, "-d", settings.dsn], "pg_dump")
    except BackupError:
        shutil.rmtree(partial)
        raise
    size = (partial / DUMP).stat().st_size
    return finish_set(settings, name, partial, {"kind": "pg_dump", "bytes": size})


def database_exists(settings):
    """True when the DSN's database exists; creates it (and says False) when not."""
    import psycopg2
    from psycopg2 import sql
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    try:
        psycopg2.connect(settings.dsn, connect_timeout=5).close()
        return True
    except psycopg2.OperationalError as error:
        if "does not exist" not in str(error):
            first_line = str(error).strip().splitlines()[0]
            raise BackupError(f"cannot reach PostgreSQL ({settings.dsn}): {first_line}") from error
    admin = psycopg2.connect(make_dsn(settings.dsn, dbname="postgres"), connect_timeout=5)
    try:
        admin.autocommit = True
        with admin.cursor() as cursor:
            name = sql.Identifier(parse_dsn(settings.dsn)["dbname"])
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))
    finally:
        admin.close()
    return False


def restore_relstorage(settings, chosen):
    kept = []
    if database_exists(settings):
        replaced = settings.backup_dir / "replaced"
        replaced.mkdir(parents=True, exist_ok=True)
        kept.append(replaced / f"before-restore-{utc_stamp()}.dump")
        run([tool("pg_dump"), "-Fc", "-f", kept[0], "-d", settings.dsn], "pg_dump")
    dump = Path(chosen["path"]) / DUMP
    command = [tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    run([*command, "-d", settings.dsn, dump], "pg_restore")
    # the local blob cache may hold blobs of the replaced database: it is only a cache
    shutil.rmtree(settings.blob_cache_dir, ignore_errors=True)
    return kept


# -- commands -------------------------------------------------------------------------


def backup_dir_lock(settings):
    """The lock of BACKUP_DIR: a backup or restore started while another runs (an
    hourly backup during the nightly full one) stops instead of sharing its files."""
    import zc.lockfile

    settings.backup_dir.mkdir(parents=True, exist_ok=True)
    try:
        return zc.lockfile.LockFile(str(settings.backup_dir / "backup.lock"))
    except zc.lockfile.LockError as error:
        raise BackupError(
            f"another backup or restore of {settings.backup_dir} is running"
        ) from error


def backup(settings, full=False):
    lock = backup_dir_lock(settings)
    try:
        if settings.storage == "filestorage":
            made = backup_filestorage(settings, full=full)
        else:
            made = backup_relstorage(settings)
        removed = prune(settings)
    finally:
        lock.close()
    print(f"backup: {made['kind']} set {made['name']} in {settings.backup_dir}")
    if removed:
        print(f"backup: removed the sets older than the last {settings.keep}: {', '.join(removed)}")
    return made


def restore(settings, name=None):
    refuse_while_running(settings)
    chosen = chosen_set(settings, name)
    lock = backup_dir_lock(settings)
    try:
        if settings.storage == "filestorage":
            kept = restore_filestorage(settings, chosen)
        else:
            kept = restore_relstorage(settings, chosen)
    finally:
        lock.close()
    print(f"restore: restored set {chosen['name']} ({chosen['kind']})")
    for path in kept:
        print(f"restore: kept what it replaced as {path} (delete it once satisfied)")
    return chosen


def list_sets(settings):
    sets = backup_sets(settings)
    for found in sets:
        detail = found.get("repozo_date") or f"{found.get('bytes', 0)} bytes"
        print(f"{found['name']}  {found['storage']:11}  {found['kind']:11}  {detail}")
    if not sets:
        print(f"no backup sets in {settings.backup_dir}")
    return sets


def main(argv=None, environ=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("backup", "restore", "list"))
    parser.add_argument("--full", action="store_true", help="backup: a full repozo copy")
    parser.add_argument("--set", dest="name", help="restore: this set instead of the newest")
    options = parser.parse_args(argv)
    try:
        settings = Settings(os.environ if environ is None else environ)
        if options.command == "backup":
            backup(settings, full=options.full)
        elif options.command == "restore":
            restore(settings, options.name)
        else:
            list_sets(settings)
    except BackupError as error:
        print(f"{options.command}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
