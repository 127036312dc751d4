"""The cluster's caching proxy: Varnish, from Debian's package, on the
cluster's front port in front of HAProxy.

``scripts/cluster.py`` renders ``instance/templates/varnish.vcl.in`` with the
balancer's address and the addresses allowed to purge, checks the result with
``varnishd -C`` and runs ``varnishd`` in the foreground, so that the pid it
records is Varnish's own manager process.

Settings from the environment: VARNISH_MEMORY (``256m``: the cache's size in
RAM) and PURGE_FROM (more addresses or networks, besides the instances' own,
whose PURGE requests are obeyed: the instances of other machines).
"""

import ipaddress
import re
import subprocess
from string import Template

from scripts import make_instance


TEMPLATE = make_instance.TEMPLATES / "varnish.vcl.in"
MEMORY = re.compile(r"^[1-9][0-9]*[kmgKMG]$")


class VarnishError(Exception):
    """A setting or an installation that keeps Varnish from starting."""


def memory(environ):
    value = (environ.get("VARNISH_MEMORY") or "256m").strip()
    if not MEMORY.match(value):
        raise VarnishError(f"VARNISH_MEMORY must be a size such as 256m or 2g, not {value!r}")
    return value


def purgers(backend_host, environ):
    """The networks whose PURGE and BAN requests Varnish obeys: where the
    instances run, and PURGE_FROM (addresses or networks, space- or
    comma-separated)."""
    wanted = [backend_host, *re.split(r"[\s,]+", environ.get("PURGE_FROM") or "")]
    networks = []
    for entry in filter(None, wanted):
        try:
            network = ipaddress.ip_network(entry.strip("[]"), strict=False)
        except ValueError as error:
            raise VarnishError(
                f"PURGE_FROM must hold IP addresses or networks, not {entry!r}"
            ) from error
        if network not in networks:
            networks.append(network)
    return networks


def acl_lines(networks):
    lines = []
    for network in networks:
        whole = network.prefixlen == network.max_prefixlen
        suffix = "" if whole else f"/{network.prefixlen}"
        lines.append(f'    "{network.network_address}"{suffix};')
    return "\n".join(lines)


def render(balancer_host, balancer_port, networks):
    return Template(TEMPLATE.read_text()).substitute(
        balancer_host=balancer_host,
        balancer_port=str(balancer_port),
        purgers=acl_lines(networks),
    )


def check(varnishd, vcl, workdir):
    """Compile the VCL without starting anything; raise on an error."""
    result = subprocess.run(
        [varnishd, "-C", "-j", "none", "-f", str(vcl), "-n", str(workdir)],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise VarnishError(f"{vcl.name} is refused: {result.stderr.strip()[-2000:]}")


def command(varnishd, listen, vcl, workdir, size):
    """varnishd in the foreground (-F: its pid is the one recorded), without
    the management port (-T none: nothing but the cluster starts or stops
    it). ``-j none`` keeps every Varnish process under the user who started
    the cluster, as the instances and HAProxy are, so that the working folder
    can stay in the cluster's own folder whatever its permissions."""
    return [
        varnishd,
        "-F",
        "-j",
        "none",
        "-T",
        "none",
        "-n",
        str(workdir),
        "-a",
        listen,
        "-f",
        str(vcl),
        "-s",
        f"malloc,{size}",
    ]
