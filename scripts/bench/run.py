"""``make bench SCALE=small|medium|large``: seed (once per scale), serve, measure, report.

Run from the checkout's root as ``python -m scripts.bench.run --scale small``. Everything lives
in ``var/bench/``: ``data-<scale>/`` (the database, reused by the next run),
``instance-<scale>/etc/`` (the generated configuration), ``<stamp>-<scale>.json``
and ``.md`` for each run, and ``latest.json`` / ``latest.md`` for the last one.

BENCH_TARGET=cluster measures ``make cluster`` (RelStorage behind HAProxy)
instead of one FileStorage instance: see ``ClusterTarget``.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC
from datetime import datetime
from pathlib import Path

import requests

from scripts import make_instance
from scripts.bench import BenchError
from scripts.bench import lookups
from scripts.bench import report
from scripts.bench import rollback
from scripts.bench import writes
from scripts.bench.seed import SCALES


ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench"
BIN = Path(sys.executable).parent
JSON = {"Accept": "application/json"}


def log(message):
    print(f"bench: {message}", flush=True)


# -- the instance ---------------------------------------------------------------


def environment(scale, port):
    env = dict(os.environ)
    env.update(
        DATA_DIR=str(VAR / f"data-{scale}"),
        HOST="127.0.0.1",
        PORT=str(port),
        SITE_ID="Plone",
        ZODB_STORAGE="filestorage",
        ENVIRONMENT="demo",
    )
    env.setdefault("ADMIN_PASSWORD", "admin")
    env.setdefault("ZOPE_THREADS", "4")
    return env


def write_configuration(scale, env):
    """instance-<scale>/etc/ from the product's templates (scripts/make_instance.py)."""
    home = VAR / f"instance-{scale}"
    values = make_instance.settings(env)
    # Zope reads site.zcml from $INSTANCE/etc: the bench instance has its own.
    values["instance_dir"] = str(home)
    if hasattr(make_instance, "write_instance"):
        make_instance.write_instance(values, home / "etc")
    else:  # the template set before storages were configurable
        data = Path(values["data_dir"])
        for folder in ("filestorage", "blobstorage", "log", "cache"):
            (data / folder).mkdir(parents=True, exist_ok=True)
        (data / "blobstorage").chmod(0o700)
        values["storage"] = make_instance.render("storage-filestorage.conf.in", values)
        (home / "etc").mkdir(parents=True, exist_ok=True)
        for name in ("zope.conf", "zope.ini"):
            (home / "etc" / name).write_text(make_instance.render(f"{name}.in", values))
        (home / "etc" / "site.zcml").write_text(make_instance.SITE_ZCML)
    return home / "etc"


def run_in_zope(command, env):
    """A command that opens the instance's database, run from the checkout's root."""
    completed = subprocess.run(command, env=env, cwd=ROOT, check=False)
    if completed.returncode:
        raise BenchError(f"{' '.join(command)} failed (exit {completed.returncode})")


def ensure_data(scale, etc, env):
    """Create the site and seed it, unless a previous run did."""
    info_path = VAR / f"data-{scale}" / "bench-info.json"
    if info_path.exists():
        log(f"reusing the seeded data in {info_path.parent}")
        return json.loads(info_path.read_text())
    log("creating the site")
    zope_conf = str(etc / "zope.conf")
    run_in_zope([str(BIN / "zconsole"), "run", zope_conf, "scripts/create_site.py"], env)
    log(f"seeding the {scale} programme {SCALES[scale]}")
    partial = info_path.with_suffix(".partial")
    run_in_zope(
        [sys.executable, "-m", "scripts.bench.seed_instance", zope_conf],
        dict(env, BENCH_SCALE=scale, BENCH_INFO=str(partial)),
    )
    partial.rename(info_path)
    return json.loads(info_path.read_text())


def start_server(etc, env, base, logfile):
    out = open(logfile, "ab")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [str(BIN / "runwsgi"), str(etc / "zope.ini")],
        env=env,
        cwd=ROOT,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.logfile = out
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"the instance exited ({process.returncode}); see {logfile}")
        try:
            if requests.get(f"{base}/en", timeout=10).status_code == 200:
                return process
        except requests.RequestException:
            pass
        time.sleep(1)
    stop_server(process)
    raise BenchError(f"the instance did not answer within 180 s; see {logfile}")


def stop_server(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    process.logfile.close()


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def folder_bytes(folder):
    return sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())


# -- the measurements -------------------------------------------------------------


def certificate_count(base, admin):
    answer = requests.get(
        f"{base}/++api++/@search?portal_type=Certificate&b_size=1",
        auth=admin,
        headers=JSON,
        timeout=120,
    )
    answer.raise_for_status()
    return answer.json()["items_total"]


# -- the run ---------------------------------------------------------------------


class FileStorageTarget:
    """One instance on the seeded FileStorage (the default)."""

    name = "filestorage"

    def __init__(self, args, etc, env):
        self.args, self.etc, self.env = args, etc, env
        self.data = VAR / f"data-{args.scale}"
        self.base = f"http://127.0.0.1:{args.port}/Plone"
        self.process = None
        self.snapshot = rollback.FileStorageSnapshot(self.data)

    def restore_interrupted(self):
        """Undo the writes of a run that ended before it could."""
        if self.snapshot.pending():
            log("undoing the writes of an interrupted run")
            self.snapshot.restore()

    def database_bytes(self):
        """Data.fs and the blobs: not the index, nor a pack's Data.fs.old."""
        data_fs = self.data / "filestorage" / "Data.fs"
        return data_fs.stat().st_size + folder_bytes(self.data / "blobstorage")

    def start(self):
        self.restore_interrupted()
        self.snapshot.take()
        log(f"starting the instance on port {self.args.port}")
        log_file = VAR / f"server-{self.args.scale}.log"
        try:
            self.process = start_server(self.etc, self.env, self.base, log_file)
        except BenchError:
            self.snapshot.restore()
            raise

    def pids(self):
        """The server processes, whose CPU counters are read."""
        return [self.process.pid]

    def rss_mb(self):
        return rss_mb(self.process.pid)

    def after(self, admin):
        return [
            "Database size: Data.fs and blobs as seeded (packed); the run's writes are "
            "undone after it, so every run measures the same data."
        ]

    def stop(self):
        if self.process is not None:
            stop_server(self.process)
            log(f"undoing the run's writes in {self.data}")
            self.snapshot.restore()


class ClusterTarget(FileStorageTarget):
    """BENCH_TARGET=cluster: the seeded FileStorage copied into PostgreSQL
    (``cluster.py convert``, the documented migration), served by ``cluster.py
    start`` (Varnish on BENCH_PORT, CLUSTER_SIZE instances on the ports after
    it, HAProxy on the next), measured through HAProxy, stopped with ``cluster.py
    stop``. The converted database is ``qgis_bench_<scale>`` unless
    BENCH_RELSTORAGE_DSN names another; each run serves a copy of it
    (``<name>_run``), dropped afterwards, so that its writes never stay."""

    name = "cluster"

    def __init__(self, args, etc, env):
        super().__init__(args, etc, env)
        if not (ROOT / "scripts" / "cluster.py").exists():
            raise BenchError("BENCH_TARGET=cluster needs scripts/cluster.py (make cluster)")
        self.folder = VAR / f"cluster-{args.scale}"
        self.seeded_dsn = os.environ.get("BENCH_RELSTORAGE_DSN") or (
            f"dbname=qgis_bench_{args.scale} host=127.0.0.1 port=5432 user=postgres"
        )
        self.dsn = rollback.copy_dsn(self.seeded_dsn)
        self.cluster_env = dict(
            env,
            RELSTORAGE_DSN=self.dsn,
            CLUSTER_DIR=str(self.folder),
            CLUSTER_SIZE=os.environ.get("CLUSTER_SIZE") or "2",
        )

    def cluster(self, *command, dsn=None):
        completed = subprocess.run(
            [sys.executable, "-m", "scripts.cluster", *command],
            env=dict(self.cluster_env, RELSTORAGE_DSN=dsn or self.dsn),
            cwd=ROOT,
            check=False,
        )
        if completed.returncode:
            raise BenchError(f"cluster.py {' '.join(command)} failed (exit {completed.returncode})")

    def database_bytes(self):
        import psycopg2

        with psycopg2.connect(self.seeded_dsn) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]

    def start(self):
        self.restore_interrupted()
        # copy the FileStorage again only when it changed since the last copy
        source = self.data / "filestorage" / "Data.fs"
        stamp = f"{source.stat().st_size} {source.stat().st_mtime_ns}"
        marker = self.folder / "converted-from"
        if not marker.exists() or marker.read_text() != stamp:
            log(f"copying the {self.args.scale} data into PostgreSQL ({self.seeded_dsn})")
            self.cluster("convert", "--clear", dsn=self.seeded_dsn)
            self.folder.mkdir(parents=True, exist_ok=True)
            marker.write_text(stamp)
        log(f"copying {rollback.database_name(self.seeded_dsn)} for this run ({self.dsn})")
        rollback.copy_database(self.seeded_dsn, self.dsn)
        log(f"starting the cluster, Varnish on port {self.args.port}")
        self.cluster("start")
        self.description = json.loads((self.folder / "cluster.json").read_text())
        # measured through HAProxy, not the Varnish in front of it: Varnish would
        # keep every distinct (uncached) address, and once the feeds' answers fill
        # its storage it cuts answers short
        self.base = self.description["balancer"].rstrip("/") + "/" + self.env["SITE_ID"]
        log(f"measuring through HAProxy: {self.base}")

    def pids(self):
        return [item["pid"] for item in self.description["instances"]]

    def rss_mb(self):
        return round(sum(rss_mb(pid) for pid in self.pids()), 1)

    def after(self, admin):
        count = len(self.description["instances"])
        return [
            f"{count} instances behind HAProxy; RSS is their sum; size: pg_database_size "
            "of the converted database; each run serves a copy of it, dropped afterwards."
        ]

    def stop(self):
        self.cluster("stop")
        rollback.drop_database(self.dsn)


TARGETS = {"filestorage": FileStorageTarget, "cluster": ClusterTarget}


def write_results(result, stamp):
    """``<stamp>-<scale>.json`` and ``.md``, copied to ``latest.json`` and
    ``latest.md``; the report compares the run with the previous one of its
    scale, the other scales' and the other target's at the same scale."""
    VAR.mkdir(parents=True, exist_ok=True)
    others = report.latest_by_scale(VAR, result["target"])
    previous = others.get(result["scale"])
    other_target = "filestorage" if result["target"] == "cluster" else "cluster"
    counterpart = report.latest_by_scale(VAR, other_target).get(result["scale"])
    result["targets"] = report.checks(
        result, dict(others, **{result["scale"]: result}), counterpart
    )
    markdown = report.build_report(result, others, previous=previous, counterpart=counterpart)
    name = f"{stamp}-{result['scale']}"
    (VAR / f"{name}.json").write_text(json.dumps(result, indent=1))
    (VAR / f"{name}.md").write_text(markdown)
    shutil.copyfile(VAR / f"{name}.json", VAR / "latest.json")
    shutil.copyfile(VAR / f"{name}.md", VAR / "latest.md")
    return VAR / "latest.md"


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--scale", choices=[s for s in SCALES if s != "toy"], default="small")
    parser.add_argument("--clients", type=int, default=int(os.environ.get("BENCH_CLIENTS", 4)))
    parser.add_argument(
        "--duration", type=float, default=float(os.environ.get("BENCH_DURATION", 10))
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 18200)))
    parser.add_argument("--target", default=os.environ.get("BENCH_TARGET") or "filestorage")
    parser.add_argument(
        "--profile",
        action="store_true",
        default=os.environ.get("PROFILE", "") not in ("", "0"),
        help="record each lookup and write with py-spy under var/bench/profiles/ (PROFILE=1)",
    )
    args = parser.parse_args(argv)
    try:
        if args.target not in TARGETS:
            raise BenchError(f"BENCH_TARGET must be filestorage or cluster, not {args.target!r}")
        path = bench(args)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    print(path.read_text())
    log(f"report in {path} (and {path.with_suffix('.json')})")
    return 0


def measure(target, args, info, admin, profiles):
    """The lookups and the writes on the running ``target``, its memory after them."""
    pids = target.pids()

    def watch(name):
        return lookups.observers(name, pids, profiles)

    measured = {
        "lookups": lookups.measure(target.base, info, pids, args.clients, args.duration, profiles),
        "operations": writes.measure(target.base, info, admin, watch),
        "memory": {"rss_mb": target.rss_mb()},
    }
    if profiles is not None:
        log(f"profiles (speedscope, and a summary in .txt) in {profiles}")
    return measured


def bench(args):
    VAR.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    profiles = VAR / "profiles" / f"{stamp}-{args.scale}" if args.profile else None
    env = environment(args.scale, args.port)
    etc = write_configuration(args.scale, env)
    info = ensure_data(args.scale, etc, env)
    target = TARGETS[args.target](args, etc, env)
    admin = ("admin", env["ADMIN_PASSWORD"])
    load_before = os.getloadavg()[0]
    target.start()
    try:
        size = target.database_bytes()
        certificates = certificate_count(target.base, admin)
        measured = measure(target, args, info, admin, profiles)
        notes = target.after(admin)
    finally:
        target.stop()
    notes = [
        "Every lookup is uncached: each request has a different query string.",
        "CPU: the server processes' own user and system time over each timed window "
        "(/proc/<pid>/stat), divided by the requests served in it.",
    ] + notes
    if profiles is not None:
        notes.append(
            f"Profiled with py-spy ({profiles.relative_to(ROOT)}): latencies include its cost."
        )
    result = {
        "scale": args.scale,
        "target": args.target,
        "started": now.isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            # the load average (one minute) as the measuring began and ended
            "load": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        },
        "clients": args.clients,
        "duration": args.duration,
        "threads": int(env["ZOPE_THREADS"]),
        "counts": dict(info.get("counts", {}), certificates=certificates),
        "seed_seconds": info.get("seconds"),
        **measured,
        "database": {
            "bytes": size,
            "certificates": certificates,
            "bytes_per_certificate": round(size / certificates) if certificates else None,
        },
        "profiles_folder": str(profiles.relative_to(ROOT)) if profiles is not None else None,
        "notes": notes,
    }
    return write_results(result, stamp)


if __name__ == "__main__":
    sys.exit(main())
