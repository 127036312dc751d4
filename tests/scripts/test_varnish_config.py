"""The cluster's Varnish configuration: rendered from its template with the
balancer's address and the addresses allowed to purge, accepted by varnishd."""

import pytest

from scripts import cluster
from scripts import varnish


def settings(tmp_path, **environ):
    return {
        "HOST": "127.0.0.1",
        "PORT": "24000",
        "CLUSTER_SIZE": "3",
        "DATA_DIR": str(tmp_path),
        **environ,
    }


def test_the_rendered_configuration_compiles(tmp_path):
    front = cluster.Cluster(settings(tmp_path, PURGE_FROM="10.0.0.7, 10.1.0.0/16"))
    front.folder.mkdir(parents=True)
    front.write_vcl()
    text = front.vcl.read_text()
    # HAProxy takes the port after the three instances'
    assert front.balancer_port == 24004
    assert '.port = "24004";' in text
    assert '"127.0.0.1";\n    "10.0.0.7";\n    "10.1.0.0"/16;' in text
    assert "${" not in text
    varnish.check(cluster.installed("varnishd", "varnish"), front.vcl, tmp_path / "work")
    assert front.caching_proxies == "http://127.0.0.1:24000"
    assert cluster.Cluster(settings(tmp_path, CACHING_PROXIES="")).caching_proxies == ""


def test_a_broken_configuration_is_refused_before_starting(tmp_path):
    vcl = tmp_path / "varnish.vcl"
    vcl.write_text("vcl 4.1;\nbackend b { .host = ; }\n")
    with pytest.raises(varnish.VarnishError, match="varnish.vcl is refused"):
        varnish.check(cluster.installed("varnishd", "varnish"), vcl, tmp_path / "work")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"PURGE_FROM": "cache.example.org"}, "PURGE_FROM must hold IP addresses"),
        ({"VARNISH_MEMORY": "lots"}, "VARNISH_MEMORY must be a size"),
        ({"CLUSTER_SIZE": "3", "PORT": "65532"}, "leaves no room"),
    ],
)
def test_settings_that_cannot_work_are_refused(tmp_path, environ, message):
    with pytest.raises(cluster.ClusterError, match=message):
        cluster.Cluster(settings(tmp_path, **environ))
