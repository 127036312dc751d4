"""Varnish on the cluster's front port, as ``make cluster`` starts it: anonymous
pages come from its cache, an edit is seen through it as soon as the
instances' purges arrive, a logged-in page never comes from it, only the
instances may purge, and one URL keeps one copy per Accept and language."""

import http.client
import re
import secrets
import subprocess
import time
from urllib.parse import urlsplit

import pytest
import requests
from scale_helpers import DEMO_PASSWORD
from scale_helpers import ORGANISATION


# one cluster for the session: every test that uses it runs on the same xdist worker
pytestmark = pytest.mark.xdist_group("cluster")


def cached(session, url, **kwargs):
    """GET ``url`` until the proxy answers it from its cache; that answer."""
    for _attempt in range(3):
        response = session.get(url, **kwargs)
        assert response.status_code == 200, response.text[:300]
        if response.headers.get("X-Cache") == "HIT":
            return response
    raise AssertionError(f"{url} is not served from the cache: {dict(response.headers)}")


def wait_for_text(session, url, text, limit, **kwargs):
    """Seconds until ``text`` is in the answer to ``url``; fails after ``limit``."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if text in session.get(url, **kwargs).text:
            return time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"{text!r} not in {url} after {limit} s")


def purge(url, source):
    """Send PURGE for ``url`` from the local address ``source``; the status."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=10, source_address=(source, 0)
    )
    try:
        connection.request("PURGE", parts.path)
        return connection.getresponse().status
    finally:
        connection.close()


def cookie_session(site, user):
    """A browser-like session logged in with the __ac cookie through the proxy."""
    session = requests.Session()
    response = session.post(
        f"{site}/login",
        data={
            "__ac_name": user,
            "__ac_password": DEMO_PASSWORD,
            "buttons.login": "Log in",
            "came_from": "",
        },
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:300]
    assert "__ac" in session.cookies, session.cookies
    return session


def test_a_published_change_is_visible_through_the_proxy_once_purged(cluster):
    page = f"{cluster.site}/{ORGANISATION}"
    feed = f"{cluster.site}/@organisations"
    json = {"Accept": "application/json"}
    anonymous = requests.Session()
    before = cached(anonymous, page).text
    cached(anonymous, feed, headers=json)
    assert "Nordic Geodata School" in before

    admin = cluster.admin()
    title = f"Nordic Geodata School {secrets.token_hex(3)}"
    response = admin.patch(page, json={"title": title})
    assert response.status_code == 204, response.text
    # the instances purge after the change is committed, in the background
    page_delay = wait_for_text(anonymous, page, title, limit=10)
    feed_delay = wait_for_text(anonymous, feed, title, limit=10, headers=json)
    print(
        f"edit visible through the proxy after {page_delay:.2f} s (page), {feed_delay:.2f} s (feed)"
    )
    assert cached(anonymous, page).text.count(title) >= 1

    response = admin.patch(page, json={"title": "Nordic Geodata School"})
    assert response.status_code == 204, response.text


def logged_in_as(page):
    """The name in the page's personal menu; None on an anonymous page."""
    found = re.search(
        r'id="collapse-personaltools"[^>]*>\s*<li>\s*<h6 class="dropdown-header">([^<]+)</h6>', page
    )
    return found.group(1) if found else None


def test_a_logged_in_page_is_never_served_from_the_proxy(cluster):
    page = f"{cluster.site}/{ORGANISATION}"
    anonymous = requests.Session()
    trainer = requests.Session()
    trainer.auth = ("trainer", DEMO_PASSWORD)
    team = cookie_session(cluster.site, "team")
    # logged in first: nothing of it may be kept for the others
    for _round in range(2):
        mine = trainer.get(page)
        assert mine.headers["X-Cache"] == "PASS"
        assert logged_in_as(mine.text) == "Tomas Trainer"
        theirs = team.get(page)
        assert theirs.headers["X-Cache"] == "PASS"
        assert logged_in_as(theirs.text) == "Carla Certification"
        public = cached(anonymous, page)
        assert logged_in_as(public.text) is None
        assert "personaltools-my-work" not in public.text
    # a cookie that is not Plone's does not keep a visitor from the cache
    response = anonymous.get(page, cookies={"_pk_id": "1234"})
    assert response.headers["X-Cache"] == "HIT"


def test_purge_comes_only_from_the_instances_and_drops_by_prefix(cluster):
    anonymous = requests.Session()
    path = f"{cluster.site}/{ORGANISATION}"
    calendar = f"{path}/@@upcoming-courses.ics"
    cached(anonymous, path)
    cached(anonymous, calendar)

    # 127.0.0.2 is this machine too, but not where the instances run
    assert purge(path, "127.0.0.2") == 405
    assert anonymous.get(path).headers["X-Cache"] == "HIT"

    assert purge(path, "127.0.0.1") == 200
    # the page and every address below it are gone, the front page is not
    assert anonymous.get(path).headers["X-Cache"] == "MISS"
    assert anonymous.get(calendar).headers["X-Cache"] == "MISS"
    assert anonymous.get(f"{path}?b_start=0").headers["X-Cache"] != "HIT"

    vcl = (cluster.folder / "varnish.vcl").read_text()
    assert '"127.0.0.1";' in vcl
    assert cluster.description["caching_proxies"] == cluster.description["front"].rstrip("/")


def test_one_address_keeps_a_copy_per_accept_and_language(cluster):
    anonymous = requests.Session()
    url = f"{cluster.site}/en"
    html = cached(anonymous, url, headers={"Accept": "text/html"})
    data = cached(anonymous, url, headers={"Accept": "application/json"})
    assert html.headers["Content-Type"].startswith("text/html")
    assert data.headers["Content-Type"].startswith("application/json")
    assert data.json()["@id"].endswith("/Plone/en")
    # Plone's REST answers do not say Vary themselves: the proxy adds it
    assert "Accept" in data.headers["Vary"]
    for _round in range(2):
        assert anonymous.get(url, headers={"Accept": "text/html"}).text == html.text
        assert anonymous.get(url, headers={"Accept": "application/json"}).json() == data.json()
    swedish = cached(anonymous, url, headers={"Accept": "text/html", "Accept-Language": "sv"})
    assert swedish.headers["X-Cache"] == "HIT"
    assert swedish.headers["Content-Type"].startswith("text/html")


def varnish_counters(cluster):
    result = subprocess.run(
        ["varnishstat", "-n", str(cluster.folder / "varnish"), "-1"],
        capture_output=True,
        text=True,
        check=True,
    )
    counters = {}
    for line in result.stdout.splitlines():
        name, value, *_rest = line.split()
        counters[name] = int(value)
    return counters


def wrk(url, seconds, connections):
    """Load ``url`` with wrk (Debian's, a test dependency): {requests, per_second, errors}."""
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", "Accept: text/html", url],
        capture_output=True,
        text=True,
        check=True,
    )
    output = result.stdout
    found = re.search(r"(\d+) requests in ([\d.]+)s", output)
    assert found, output
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(found.group(1)),
        "per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "output": output,
    }


def settled_counters(cluster, before, requests_made):
    """Varnish's counters once they count ``requests_made`` more requests: its
    worker threads add theirs to the totals in batches."""
    deadline = time.monotonic() + 10
    while True:
        after = varnish_counters(cluster)
        counted = after["MAIN.client_req"] - before["MAIN.client_req"]
        if counted >= requests_made or time.monotonic() > deadline:
            return after
        time.sleep(0.2)


def test_anonymous_pages_through_the_front_port_come_from_the_cache(cluster):
    anonymous = requests.Session()
    for page in (f"{cluster.site}/en", f"{cluster.site}/{ORGANISATION}"):
        cached(anonymous, page, headers={"Accept": "text/html"})
        before = varnish_counters(cluster)
        load = wrk(page, seconds=2, connections=8)
        after = settled_counters(cluster, before, load["requests"])
        print(
            f"{page}: {load['per_second']:.0f} requests/s through the front port (wrk, 8 clients)"
        )
        assert load["errors"] == 0, load["output"]
        assert load["requests"] > 100, load["output"]
        # every one of them answered by Varnish from its cache, none by Zope
        assert after["MAIN.cache_hit"] - before["MAIN.cache_hit"] >= load["requests"]
        assert after["MAIN.backend_req"] - before["MAIN.backend_req"] == 0
