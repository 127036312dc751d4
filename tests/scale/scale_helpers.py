"""Helpers of the scale-out tests: paths, HTTP sessions, a running cluster."""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import requests


ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DEMO_PASSWORD = "demo-password"  # noqa: S105 - the demo accounts' documented password
ORGANISATION = "organisations/nordic-geodata-school"


def port_block(size):
    """The first of ``size`` consecutive free ports on 127.0.0.1."""
    for _attempt in range(50):
        first = 20000 + secrets.randbelow(12000)  # below the ephemeral range
        sockets = []
        try:
            for port in range(first, first + size):
                probe = socket.socket()
                sockets.append(probe)
                probe.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for probe in sockets:
                probe.close()
    raise RuntimeError("no block of free ports found")


def run_script(args, env, timeout=300):
    return subprocess.run(
        [str(BIN / "python"), *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class Session(requests.Session):
    def __init__(self, user=None, password=DEMO_PASSWORD):
        super().__init__()
        self.headers["Accept"] = "application/json"
        if user:
            self.auth = (user, password)

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", 120)
        return super().request(method, url, *args, **kwargs)


class RunningCluster:
    """What ``cluster.py start`` reported, and ways to act on the cluster."""

    def __init__(self, env, folder):
        self.env = env
        self.folder = folder
        self.admin_password = env["ADMIN_PASSWORD"]
        self.description = None

    def reload(self):
        self.description = json.loads((self.folder / "cluster.json").read_text())
        self.site = self.description["site"]
        self.instance_sites = [
            f"{instance['url']}{self.env['SITE_ID']}" for instance in self.description["instances"]
        ]

    def command(self, name):
        return run_script(["-m", "scripts.cluster", name], self.env)

    def start(self):
        result = self.command("start")
        assert result.returncode == 0, result.stdout + result.stderr
        self.reload()
        return result

    def pids(self):
        return {path.stem: int(path.read_text()) for path in (self.folder / "run").glob("*.pid")}

    def admin(self):
        return Session("admin", self.admin_password)


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
