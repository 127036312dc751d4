"""The site served by two instances on one RelStorage database, behind HAProxy,
as ``make cluster`` starts it: what one instance writes the other reads,
concurrent issuing through both never overspends, and killing an instance
under load loses nothing that was confirmed."""

import base64
import os
import secrets
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from datetime import timedelta

import pytest
import requests
from scale_helpers import ORGANISATION
from scale_helpers import Session


# one cluster for the session: every test that uses it runs on the same xdist worker
pytestmark = pytest.mark.xdist_group("cluster")


def test_cluster_serves_the_site_through_the_balancer(cluster):
    pids = cluster.pids()
    assert sorted(pids) == ["haproxy", "instance-1", "instance-2", "varnish"]
    anonymous = Session()
    response = anonymous.get(cluster.site)
    assert response.status_code == 200, response.text[:300]
    assert response.json()["@type"] == "Plone Site"
    for site in cluster.instance_sites:
        assert anonymous.get(f"{site}/@@ok").text == "OK"
    config = (cluster.folder / "haproxy.cfg").read_text()
    for instance in cluster.description["instances"]:
        assert f"127.0.0.1:{instance['port']} check" in config
    # both instances serve traffic that comes through the balancer
    for _request in range(6):
        anonymous.get(f"{cluster.site}/@@ok")
    log = (cluster.folder / "haproxy.log").read_text()
    served = {name for name in ("instance-1", "instance-2") if f"zope/{name} " in log}
    assert served == {"instance-1", "instance-2"}, log[-2000:]


def test_what_one_instance_writes_the_other_reads(cluster):
    first, second = cluster.instance_sites
    admin = cluster.admin()
    token = secrets.token_hex(4)
    payload = os.urandom(300_000)
    response = admin.post(
        first,
        json={"@type": "Document", "id": f"note-{token}", "title": f"Written by one {token}"},
    )
    assert response.status_code == 201, response.text
    response = admin.post(
        first,
        json={
            "@type": "File",
            "id": f"data-{token}",
            "title": "Blob",
            "file": {
                "data": base64.b64encode(payload).decode(),
                "encoding": "base64",
                "filename": "data.bin",
                "content-type": "application/octet-stream",
            },
        },
    )
    assert response.status_code == 201, response.text

    # the second instance sees both at once, the file's bytes come from the database
    response = admin.get(f"{second}/note-{token}")
    assert response.status_code == 200, response.text
    assert response.json()["title"] == f"Written by one {token}"
    download = admin.get(f"{second}/data-{token}/@@download/file")
    assert download.status_code == 200
    assert download.content == payload

    # and a change made through the second replaces what the first had cached
    response = admin.patch(f"{second}/note-{token}", json={"title": f"Changed by two {token}"})
    assert response.status_code == 204, response.text
    assert admin.get(f"{first}/note-{token}").json()["title"] == f"Changed by two {token}"
    assert admin.get(f"{cluster.site}/note-{token}").json()["title"] == f"Changed by two {token}"


# -- concurrent issuing ---------------------------------------------------------------


def new_course(cluster, trainer, attendees):
    """A published course of the demo organisation with ``attendees`` people;
    returns its path below the site and the attendees' UIDs."""
    organisation = f"{cluster.site}/{ORGANISATION}"
    parts = {
        name: trainer.get(f"{organisation}/{item}").json()["UID"]
        for name, item in (
            ("course_type", "qgis-essentials"),
            ("convener", "cora-convener"),
            ("training_center", "main-centre"),
        )
    }
    response = trainer.post(
        organisation,
        json={
            "@type": "Course",
            "title": f"Scale test course {secrets.token_hex(3)}",
            # started: certificates are issued only once a course has started
            "start_date": (date.today() - timedelta(days=1)).isoformat(),
            "end_date": (date.today() + timedelta(days=1)).isoformat(),
            "course_language": "en",
            **parts,
        },
    )
    assert response.status_code == 201, response.text
    course = response.json()["@id"]
    response = trainer.post(f"{course}/@workflow/publish")
    assert response.status_code == 200, response.text
    rows = ["first_name,last_name,email"] + [
        f"Person,Number {index},person-{index}@example.org" for index in range(attendees)
    ]
    response = trainer.post(
        f"{course}/@import-attendees",
        data="\n".join(rows).encode(),
        headers={"Content-Type": "text/csv"},
    )
    assert response.status_code == 201, response.text
    uids = [item["UID"] for item in response.json()["items"]]
    assert len(uids) == attendees
    return course[len(cluster.site) :], uids


def set_balance(cluster, credits):
    team = Session("team")
    url = f"{cluster.site}/{ORGANISATION}/@credits"
    balance = team.get(url).json()["balance"]
    if balance != credits:
        response = team.post(url, json={"amount": credits - balance, "reason": "scale test"})
        assert response.status_code == 201, response.text
    assert team.get(url).json()["balance"] == credits


def lost_a_conflict(response):
    """True for the answer Zope gives when a request lost its conflict retries
    (503 with Retry-After, the product's "busy" answer): nothing was committed,
    and a client sends it again."""
    if response.status_code == 503 and response.headers.get("Retry-After"):
        return True
    return response.status_code >= 500 and "ConflictError" in response.text


def post_retrying(session, url, attempts=6, **kwargs):
    """POST; sent again while it loses conflicts. Returns the last answer
    (None: no answer at all) and how many times it was sent again."""
    for attempt in range(attempts):
        try:
            response = session.post(url, **kwargs)
        except requests.RequestException:
            return None, attempt
        if not lost_a_conflict(response):
            break
        time.sleep(0.2 * (attempt + 1))
    return response, attempt


def issue_retrying(session, url, uid):
    return post_retrying(
        session,
        f"{url}/@issue-certificates",
        json={"attendees": [uid], "certificate_type": "completion"},
    )


def test_concurrent_issuing_through_both_instances_never_overspends(cluster):
    trainer = Session("trainer")
    credits = 10
    courses = [new_course(cluster, trainer, 8), new_course(cluster, trainer, 8)]
    set_balance(cluster, credits)

    jobs = []
    for number, (path, uids) in enumerate(courses):
        for index, uid in enumerate(uids):
            # alternate the instances, so that each course is issued through both
            site = cluster.instance_sites[(number + index) % 2]
            jobs.append((f"{site}{path}", uid))
    barrier = threading.Barrier(len(jobs))

    def run(job):
        session = Session("trainer")
        barrier.wait()
        return issue_retrying(session, *job)

    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(pool.map(run, jobs))

    statuses = sorted(response.status_code for response, _retries in results)
    retried = sum(retries for _response, retries in results)
    print(f"statuses {statuses}, client retries {retried}")
    assert statuses == [201] * credits + [402] * (len(jobs) - credits), [
        (response.status_code, response.text[:200]) for response, _r in results
    ]
    codes = {
        item["code"]
        for response, _retries in results
        if response.status_code == 201
        for item in response.json()["issued"]
    }
    assert len(codes) == credits

    ledger = trainer.get(f"{cluster.site}/{ORGANISATION}/@credits").json()
    assert ledger["balance"] == 0
    assert sum(entry["amount"] for entry in ledger["entries"]) == 0
    debited = [
        entry["reference"] for entry in ledger["entries"] if entry["reason"] == "certificate"
    ]
    assert set(debited) >= codes
    assert len([code for code in debited if code in codes]) == credits

    found = set()
    for path, _uids in courses:
        response = trainer.get(
            f"{cluster.site}/@search",
            params={
                "path.query": f"/Plone{path}",
                "portal_type": "Certificate",
                "metadata_fields": ["qgis_certificate_code", "getId"],
                "b_size": 100,
            },
        )
        assert response.status_code == 200, response.text
        found |= {item["@id"].rsplit("/", 1)[1].upper() for item in response.json()["items"]}
    assert found == codes
    anonymous = Session()
    for code in codes:
        response = anonymous.get(f"{cluster.site}/@verify/{code}")
        assert response.status_code == 200, response.text
        assert response.json()["valid"] is True


# -- failover -----------------------------------------------------------------------


def test_killing_an_instance_under_load_loses_no_committed_data(cluster):
    admin = cluster.admin()
    writers = 4
    folders = []
    for number in range(writers):
        response = admin.post(
            cluster.site,
            json={
                "@type": "Folder",
                "id": f"load-{secrets.token_hex(3)}-{number}",
                "title": "Load",
            },
        )
        assert response.status_code == 201, response.text
        folders.append(response.json()["@id"])

    killed_at = []
    stop = threading.Event()
    outcomes = []  # (folder, id, status, started, ended)

    def write(folder):
        session = cluster.admin()
        count = 0
        while not stop.is_set():
            item = f"doc-{count}"
            count += 1
            started = time.monotonic()
            response, _retries = post_retrying(
                session, folder, json={"@type": "Document", "id": item, "title": f"Item {item}"}
            )
            status = response.status_code if response is not None else None
            outcomes.append((folder, item, status, started, time.monotonic()))

    threads = [threading.Thread(target=write, args=(folder,)) for folder in folders]
    for thread in threads:
        thread.start()

    def wait_until(condition, limit=90):
        deadline = time.monotonic() + limit
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.1)

    try:
        # kill once both instances are busy, go on until enough writes were
        # made after the balancer had time to notice
        wait_until(lambda: len(outcomes) >= 8)
        victim = cluster.pids()["instance-2"]
        os.kill(victim, signal.SIGKILL)
        killed_at.append(time.monotonic())
        wait_until(lambda: len([o for o in outcomes if o[3] > killed_at[0] + 3]) >= 12)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=120)

    kill = killed_at[0]
    confirmed = [(folder, item) for folder, item, status, _s, _e in outcomes if status == 201]
    before = [o for o in outcomes if o[4] < kill]
    after = [o for o in outcomes if o[3] > kill + 3]
    failed = [o for o in outcomes if o[2] != 201]
    print(
        f"{len(outcomes)} writes, {len(confirmed)} confirmed, {len(failed)} failed "
        f"({[o[2] for o in failed]}), {len(after)} started 3 s after the kill"
    )
    assert len(before) >= 8, "the load did not start before the kill"
    log = (cluster.folder / "haproxy.log").read_text()
    assert any(
        "zope/instance-2 " in line and "POST /Plone/load-" in line for line in log.splitlines()
    ), "instance-2 was killed before it had any of the load"
    # the balancer keeps serving: only what was in flight on the victim may fail
    assert len(after) >= 12
    assert all(status == 201 for _f, _i, status, _s, _e in after), after
    assert len(failed) <= writers, failed

    # every write that was confirmed is there, read through the balancer
    for folder in folders:
        response = admin.get(folder, params={"b_size": 10000})
        assert response.status_code == 200, response.text
        present = {item["@id"].rsplit("/", 1)[1] for item in response.json()["items"]}
        missing = [item for f, item in confirmed if f == folder and item not in present]
        assert not missing, (folder, missing)

    # make cluster again brings back exactly the killed instance, which sees it all
    result = cluster.start()
    assert "stopped" not in result.stdout
    pids = cluster.pids()
    assert pids["instance-2"] != victim
    survivor = cluster.instance_sites[1]
    last_folder, last_item = confirmed[-1]
    path = last_folder[len(cluster.site) :]
    response = admin.get(f"{survivor}{path}/{last_item}")
    assert response.status_code == 200, response.text
