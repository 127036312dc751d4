"""Several Zope instances on one RelStorage database, behind HAProxy and Varnish.

Run from the checkout's root as ``python -m scripts.cluster <command>``:

    start     create the site when needed, start the instances, the balancer and
              the caching proxy (only those not running yet), wait until the
              site answers through the proxy
    stop      end exactly the processes ``start`` started
    status    say what runs
    convert   copy the FileStorage in $DATA_DIR into RelStorage (zodbconvert)

Settings come from the environment, as for ``make start``: HOST and PORT (the
front: Varnish; instance ``i`` listens on PORT+i, HAProxy on PORT+CLUSTER_SIZE+1),
CLUSTER_SIZE (2), DATA_DIR, SITE_ID, RELSTORAGE_DSN, CLUSTER_DIR
($DATA_DIR/cluster), CACHING_PROXIES (where the instances send their purges:
this Varnish unless set), what ``varnish.py`` reads and everything
``make_instance.py`` reads. The cluster's folder holds each instance's
configuration and logs, the generated haproxy.cfg and varnish.vcl, Varnish's
working folder, the pid files of what was started (run/) and cluster.json, a
description of the running cluster.
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from scripts import make_instance
from scripts import varnish


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STOP_TIMEOUT = 20
START_TIMEOUT = float(os.environ.get("CLUSTER_START_TIMEOUT") or 180)


class ClusterError(Exception):
    """Something that stops the command, said in one line."""


# -- settings -------------------------------------------------------------------


class Cluster:
    def __init__(self, environ):
        self.environ = dict(environ)
        self.environ["ZODB_STORAGE"] = "relstorage"
        try:
            self.values = make_instance.settings(self.environ)
        except make_instance.ConfigurationError as error:
            raise ClusterError(str(error)) from error
        size = self.environ.get("CLUSTER_SIZE") or "2"
        if not size.isdigit() or not 1 <= int(size) <= 32:
            raise ClusterError(f"CLUSTER_SIZE must be a number from 1 to 32, not {size!r}")
        self.size = int(size)
        self.host = self.values["host"]
        self.port = int(self.values["port"])
        # the instances take the ports right above the front, HAProxy the next one
        self.balancer_port = self.port + self.size + 1
        if self.balancer_port > 65535:
            raise ClusterError(
                f"PORT {self.port} leaves no room for {self.size} instances above it"
            )
        self.site_id = self.environ.get("SITE_ID") or "Plone"
        self.dsn = " ".join(self.values["dsn"].replace("$$", "$").split())
        data_dir = Path(self.values["data_dir"])
        self.folder = Path(self.environ.get("CLUSTER_DIR") or data_dir / "cluster").resolve()
        self.run = self.folder / "run"
        self.haproxy_cfg = self.folder / "haproxy.cfg"
        self.vcl = self.folder / "varnish.vcl"
        self.varnish_dir = self.folder / "varnish"
        self.description = self.folder / "cluster.json"
        try:
            self.varnish_memory = varnish.memory(self.environ)
            self.purgers = varnish.purgers(self.backend_host, self.environ)
        except varnish.VarnishError as error:
            raise ClusterError(str(error)) from error
        proxies = self.environ.get("CACHING_PROXIES")
        self.caching_proxies = self.url(self.port).rstrip("/") if proxies is None else proxies

    @property
    def backend_host(self):
        """Where the balancer reaches the instances (they listen on HOST)."""
        return "127.0.0.1" if self.host in ("", "0.0.0.0", "::") else self.host  # noqa: S104

    def names(self):
        return [f"instance-{number}" for number in range(1, self.size + 1)]

    def instance_port(self, name):
        return self.port + int(name.rsplit("-", 1)[1])

    def etc(self, name):
        return self.folder / name / "etc"

    def pid_file(self, name):
        return self.run / f"{name}.pid"

    def markers(self, names):
        """{name: a file that the command line of the process ``name`` holds}"""
        front = {"haproxy": self.haproxy_cfg, "varnish": self.vcl}
        return {name: front.get(name) or self.etc(name) / "zope.ini" for name in names}

    def url(self, port, path=""):
        host = self.backend_host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/{path.lstrip('/')}"

    def configure_instances(self):
        for name in self.names():
            folder = self.folder / name
            values = dict(
                self.values,
                # Zope reads site.zcml from $INSTANCE/etc: each instance has its own
                instance_dir=str(folder),
                port=str(self.instance_port(name)),
                log_dir=str(folder / "log"),
                pid_file=str(folder / "zope.pid"),
                blob_cache_dir=str(folder / "blobcache"),
            )
            try:
                make_instance.write_instance(values, self.etc(name))
            except make_instance.ConfigurationError as error:
                raise ClusterError(str(error)) from error

    def write_haproxy_cfg(self):
        """Write haproxy.cfg; True when it changed."""
        before = self.haproxy_cfg.read_text() if self.haproxy_cfg.exists() else None
        host = self.backend_host if ":" not in self.backend_host else f"[{self.backend_host}]"
        servers = "\n".join(
            f"    server {name} {self.backend_host}:{self.instance_port(name)} check"
            for name in self.names()
        )
        threads = self.values["threads"]
        text = f"""# Generated by scripts/cluster.py; rewritten at every start.
global
    maxconn 2048
    log stdout format raw local0 info

defaults
    mode http
    log global
    option httplog
    # A request whose instance cannot be reached goes to another one; a
    # request already sent is never sent twice (retry-on stays conn-failure).
    option redispatch 1
    retries 3
    timeout connect 3s
    timeout client 300s
    timeout server 300s
    timeout queue 60s
    timeout check 5s

# Varnish, on the front port, is its only client.
frontend site
    bind {host}:{self.balancer_port}
    default_backend zope

backend zope
    balance leastconn
    option httpchk
    http-check send meth GET uri /{self.site_id}/@@ok
    http-check expect status 200
    # Each instance gets at most as many requests as it has threads; the rest
    # wait in HAProxy's queue for the first free instance.
    default-server inter 1s fastinter 500ms fall 2 rise 2 maxconn {threads}
{servers}
"""
        self.haproxy_cfg.write_text(text)
        return before is not None and before != text

    def write_vcl(self):
        """Write varnish.vcl from its template; True when it changed."""
        before = self.vcl.read_text() if self.vcl.exists() else None
        text = varnish.render(self.backend_host, self.balancer_port, self.purgers)
        self.vcl.write_text(text)
        return before is not None and before != text

    def front_listen(self):
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


# -- processes --------------------------------------------------------------------


def read_pid(pid_file):
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def is_ours(pid, marker):
    """True when ``pid`` runs and its command line names ``marker`` (a file of
    this cluster), so that a recycled pid is never taken for ours."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z" and any(str(marker).encode() in part for part in command)


def exiting(pid):
    """True while ``pid`` is on its way out: the kernel has already emptied its
    command line, so it no longer looks like ours, but it has not ended yet."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return not command and state != "Z"


def running(cluster):
    """{name: pid} of the processes of this cluster that run now."""
    found = {}
    markers = cluster.markers([*cluster.names(), "haproxy", "varnish"])
    for pid_file in sorted(cluster.run.glob("*.pid")) if cluster.run.exists() else ():
        name = pid_file.stem
        pid = read_pid(pid_file)
        marker = markers.get(name)
        if marker is None:
            # an instance of a former, larger cluster
            marker = cluster.folder / name / "etc" / "zope.ini"
        if pid and is_ours(pid, marker):
            found[name] = pid
        else:
            pid_file.unlink(missing_ok=True)
    return found


def port_free(host, port):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def spawn(cluster, name, command, log_name):
    log = open(cluster.folder / log_name, "ab")  # noqa: SIM115 - handed to the child
    env = dict(cluster.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    log.close()
    cluster.pid_file(name).write_text(f"{process.pid}\n")
    return process


def answers(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_for(url, what, process_alive, log_file, deadline):
    while time.monotonic() < deadline:
        if answers(url):
            return
        if not process_alive():
            tail = log_file.read_text(errors="replace").strip().splitlines()[-15:]
            raise ClusterError(f"{what} stopped while starting; its log says:\n" + "\n".join(tail))
        time.sleep(0.5)
    raise ClusterError(f"{what} did not answer {url} within {START_TIMEOUT:.0f} s")


def installed(program, package):
    """The path of Debian's ``program`` (also found in /usr/sbin, which is not
    on every user's PATH)."""
    found = shutil.which(program) or (
        f"/usr/sbin/{program}" if Path(f"/usr/sbin/{program}").exists() else None
    )
    if not found:
        raise ClusterError(f"{package} is not installed: apt-get install {package}")
    return found


# -- PostgreSQL -------------------------------------------------------------------


def ensure_database(dsn):
    """Create the DSN's database when PostgreSQL runs but does not have it."""
    import psycopg2
    from psycopg2 import sql
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    try:
        parts = parse_dsn(dsn)
    except psycopg2.ProgrammingError as error:
        raise ClusterError(f"RELSTORAGE_DSN is not a valid DSN: {error}") from error
    try:
        psycopg2.connect(dsn, connect_timeout=5).close()
        return False
    except psycopg2.OperationalError as error:
        if "does not exist" not in str(error):
            first_line = str(error).strip().splitlines()[0]
            raise ClusterError(f"cannot reach PostgreSQL ({dsn}): {first_line}") from error
    admin = psycopg2.connect(make_dsn(dsn, dbname="postgres"), connect_timeout=5)
    try:
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(parts["dbname"])))
    finally:
        admin.close()
    print(f"cluster: created the PostgreSQL database {parts['dbname']}")
    return True


# -- commands -----------------------------------------------------------------------


def describe(cluster, pids):
    description = {
        "front": cluster.url(cluster.port),
        "balancer": cluster.url(cluster.balancer_port),
        "site": cluster.url(cluster.port, cluster.site_id),
        "dsn": cluster.dsn,
        "caching_proxies": cluster.caching_proxies,
        "varnish": {"pid": pids.get("varnish"), "config": str(cluster.vcl)},
        "haproxy": {"pid": pids.get("haproxy"), "config": str(cluster.haproxy_cfg)},
        "instances": [
            {
                "name": name,
                "port": cluster.instance_port(name),
                "url": cluster.url(cluster.instance_port(name)),
                "pid": pids.get(name),
                "config": str(cluster.etc(name) / "zope.ini"),
            }
            for name in cluster.names()
        ],
    }
    cluster.description.write_text(json.dumps(description, indent=2) + "\n")
    return description


def check_ports_free(cluster, wanted):
    """Refuse to start when a port of ``wanted`` ((what, port) pairs) is taken."""
    for what, port in wanted:
        if not port_free(cluster.host, port):
            raise ClusterError(
                f"cannot start {what}: {cluster.host}:{port} is in use "
                "(set PORT to choose other ports)"
            )


def create_site(cluster):
    """Create the site, or bring it up to date, through the first instance's
    configuration (before any instance serves it)."""
    first = cluster.etc(cluster.names()[0]) / "zope.conf"
    print(f"cluster: creating or updating the site /{cluster.site_id}")
    result = subprocess.run(
        [str(BIN / "zconsole"), "run", str(first), str(ROOT / "scripts" / "create_site.py")],
        cwd=ROOT,
        # the instances send their purges to this cluster's Varnish
        env=dict(cluster.environ, CACHING_PROXIES=cluster.caching_proxies),
        capture_output=True,
        text=True,
    )
    sys.stdout.write(result.stdout)
    if result.returncode:
        lines = [line for line in result.stderr.splitlines() if "create-site" in line]
        raise ClusterError("\n".join(lines) or result.stderr.strip()[-2000:])


FRONT = ("varnish", "haproxy")  # started after the instances, stopped before them


def front_binaries():
    return {"haproxy": installed("haproxy", "haproxy"), "varnish": installed("varnishd", "varnish")}


def wanted_ports(cluster, pids):
    """(what, port) of each process ``start`` is going to start."""
    wanted = [(name, cluster.instance_port(name)) for name in cluster.names() if name not in pids]
    if "haproxy" not in pids:
        wanted.append(("the balancer", cluster.balancer_port))
    if "varnish" not in pids:
        wanted.append(("the caching proxy", cluster.port))
    return wanted


def write_front_configuration(cluster, pids):
    """Write haproxy.cfg and varnish.vcl; a running balancer or proxy whose
    file changed (another CLUSTER_SIZE or PORT) is ended, to start again."""
    changed = {"haproxy": cluster.write_haproxy_cfg(), "varnish": cluster.write_vcl()}
    ended = {name: pids.pop(name) for name in FRONT if changed[name] and name in pids}
    if ended:
        end_processes(cluster, ended)


def check_front_configuration(cluster, binaries, pids):
    if "haproxy" not in pids:
        check = subprocess.run(
            [binaries["haproxy"], "-c", "-q", "-f", str(cluster.haproxy_cfg)],
            capture_output=True,
            text=True,
        )
        if check.returncode:
            raise ClusterError(f"haproxy.cfg is refused: {check.stdout}{check.stderr}".strip())
    if "varnish" not in pids:
        cluster.varnish_dir.mkdir(exist_ok=True)
        try:
            varnish.check(binaries["varnish"], cluster.vcl, cluster.varnish_dir)
        except varnish.VarnishError as error:
            raise ClusterError(str(error)) from error


def front_commands(cluster, binaries):
    return {
        "haproxy": (
            [binaries["haproxy"], "-db", "-f", str(cluster.haproxy_cfg)],
            "haproxy.log",
        ),
        "varnish": (
            varnish.command(
                binaries["varnish"],
                cluster.front_listen(),
                cluster.vcl,
                cluster.varnish_dir,
                cluster.varnish_memory,
            ),
            "varnish.log",
        ),
    }


def spawn_missing(cluster, binaries, pids):
    """Start what does not run yet: instances first, then HAProxy, then
    Varnish. Returns {name: Popen} of what was started."""
    commands = {
        name: ([str(BIN / "runwsgi"), str(cluster.etc(name) / "zope.ini")], f"{name}/console.log")
        for name in cluster.names()
    }
    commands.update(front_commands(cluster, binaries))
    processes = {}
    for name in [*cluster.names(), "haproxy", "varnish"]:
        if name not in pids:
            command, log_name = commands[name]
            processes[name] = spawn(cluster, name, command, log_name)
            pids[name] = processes[name].pid
    return processes


def wait_until_serving(cluster, description, processes):
    """Each instance answers, then the site through HAProxy, then through Varnish."""
    checks = [
        (cluster.url(cluster.instance_port(name), f"{cluster.site_id}/@@ok"), name, name)
        for name in cluster.names()
    ]
    checks.append((cluster.url(cluster.balancer_port, cluster.site_id), "the balancer", "haproxy"))
    checks.append((description["site"], "the caching proxy", "varnish"))
    logs = {"haproxy": "haproxy.log", "varnish": "varnish.log"}
    deadline = time.monotonic() + START_TIMEOUT
    for url, what, name in checks:
        process = processes.get(name)
        wait_for(
            url,
            what,
            (lambda p=process: p is None or p.poll() is None),
            cluster.folder / logs.get(name, f"{name}/console.log"),
            deadline,
        )


def start(cluster):
    binaries = front_binaries()
    ensure_database(cluster.dsn)
    cluster.folder.mkdir(parents=True, exist_ok=True)
    cluster.run.mkdir(exist_ok=True)
    pids = running(cluster)
    check_ports_free(cluster, wanted_ports(cluster, pids))
    cluster.configure_instances()
    write_front_configuration(cluster, pids)
    check_front_configuration(cluster, binaries, pids)
    if any(name not in pids for name in cluster.names()):
        create_site(cluster)
    processes = spawn_missing(cluster, binaries, pids)
    description = describe(cluster, pids)
    try:
        wait_until_serving(cluster, description, processes)
    except ClusterError:
        stop(cluster, quiet=True)
        raise
    ports = [instance["port"] for instance in description["instances"]]
    print(
        f"cluster: {cluster.size} instances on ports {ports[0]}-{ports[-1]}, HAProxy on "
        f"{cluster.balancer_port}, Varnish serving {description['site']} "
        "(stop with make cluster-stop)"
    )
    return description


def end_processes(cluster, pids):
    """SIGTERM, then SIGKILL after STOP_TIMEOUT; the proxy and the balancer go
    first, so that no request reaches an instance on its way out."""
    order = sorted(pids, key=lambda name: FRONT.index(name) if name in FRONT else len(FRONT))
    for name in order:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pids[name], signal.SIGTERM)
    markers = cluster.markers(pids)
    deadline = time.monotonic() + STOP_TIMEOUT
    for name in order:
        while is_ours(pids[name], markers[name]) and time.monotonic() < deadline:
            time.sleep(0.2)
        if is_ours(pids[name], markers[name]):
            os.kill(pids[name], signal.SIGKILL)
        while exiting(pids[name]) and time.monotonic() < deadline + STOP_TIMEOUT:
            time.sleep(0.05)
        cluster.pid_file(name).unlink(missing_ok=True)
    return order


def stop(cluster, quiet=False):
    pids = running(cluster)
    order = end_processes(cluster, pids)
    if not quiet:
        if pids:
            print(f"cluster: stopped {', '.join(order)}")
        else:
            print("cluster: nothing was running")
    if cluster.description.exists():
        describe(cluster, {})
    return sorted(pids.values())


def status(cluster):
    pids = running(cluster)
    ports = {"varnish": cluster.port, "haproxy": cluster.balancer_port}
    for name in [*FRONT, *cluster.names()]:
        port = ports.get(name) or cluster.instance_port(name)
        state = f"running (pid {pids[name]})" if name in pids else "stopped"
        print(f"{name:12} port {port:5}  {state}")
    return 0 if pids else 3


# -- FileStorage to RelStorage ------------------------------------------------------


def convert(cluster, clear=False, dry_run=False):
    """Copy $DATA_DIR's FileStorage, blobs included, into the DSN's database."""
    import zc.lockfile

    data_dir = Path(cluster.values["data_dir"])
    source = data_dir / "filestorage" / "Data.fs"
    if not source.exists():
        raise ClusterError(f"there is no FileStorage to convert at {source}")
    try:
        zc.lockfile.LockFile(f"{source}.lock").close()
    except zc.lockfile.LockError as error:
        raise ClusterError(
            f"{source} is in use: stop the instance (make start) before converting"
        ) from error
    ensure_database(cluster.dsn)
    cache = data_dir / "blobcache-convert"
    cache.mkdir(mode=0o700, exist_ok=True)
    config = data_dir / "zodbconvert.conf"
    config.write_text(
        f"""# Generated by scripts/cluster.py convert.
%import relstorage

<filestorage source>
  path {source}
  blob-dir {data_dir / "blobstorage"}
  read-only true
</filestorage>

<relstorage destination>
  keep-history false
  blob-dir {cache}
  shared-blob-dir false
  <postgresql>
    driver psycopg2
    dsn {cluster.values["dsn"]}
  </postgresql>
</relstorage>
"""
    )
    command = [str(BIN / "zodbconvert"), str(config)]
    command += ["--clear"] if clear else []
    command += ["--dry-run"] if dry_run else []
    print(f"convert: {source} -> PostgreSQL ({cluster.dsn})")
    result = subprocess.run(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = result.stdout.strip()
    if result.returncode:
        hint = " (to replace what it holds, run again with CLEAR=1)" if "has data" in output else ""
        raise ClusterError(f"zodbconvert failed{hint}:\n{output[-3000:]}")
    shutil.rmtree(cache, ignore_errors=True)
    summary = [line for line in output.splitlines() if "ransactions" in line or "copied" in line]
    print("\n".join(summary[-3:]) or output[-1000:])
    print(
        "convert: done. Serve it with ZODB_STORAGE=relstorage (make start) or make cluster, "
        "with the same RELSTORAGE_DSN."
    )


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.cluster", description=__doc__.splitlines()[0]
    )
    parser.add_argument("command", choices=("start", "stop", "status", "convert"))
    parser.add_argument("--clear", action="store_true", help="convert: empty the database first")
    parser.add_argument("--dry-run", action="store_true", help="convert: only say what it would do")
    options = parser.parse_args(argv)
    try:
        cluster = Cluster(os.environ)
        if options.command == "start":
            start(cluster)
        elif options.command == "stop":
            stop(cluster)
        elif options.command == "status":
            return status(cluster)
        else:
            convert(cluster, clear=options.clear, dry_run=options.dry_run)
    except ClusterError as error:
        print(f"cluster {options.command}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
