"""The benchmark's writes, as ``admin`` over REST: a new course, importing a
CSV of 1,000 attendees into it, issuing 500 of them a certificate in one
request, and rendering one certificate PDF; each timed, with the server's
CPU time (and a profile on request) as for the lookups."""

import uuid
from datetime import date
from datetime import timedelta

import requests

from scripts.bench import BenchError
from scripts.bench import load


JSON = {"Accept": "application/json"}


def log(message):
    print(f"bench: {message}", flush=True)


def create_course(session, base, info):
    """A course of the benchmark's own organisation that started three days
    ago (certificates are issued only once a course has started)."""
    start = date.today() - timedelta(days=3)
    created = session.post(
        f"{base}/{info['bench_organisation']}",
        json={
            "@type": "Course",
            "title": f"Bench course {uuid.uuid4().hex[:8]}",
            **info["bench_parts"],
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=2)).isoformat(),
            "course_language": "en",
        },
        timeout=60,
    )
    if created.status_code != 201:
        raise BenchError(f"creating the bench course: {created.status_code} {created.text[:300]}")
    return created.json()["@id"]


def import_attendees(session, course, observers, count=1000):
    """(figures, the imported attendees' UIDs) of importing ``count`` attendees."""
    run = uuid.uuid4().hex[:6]
    rows = ["first_name,last_name,email"] + [
        f"Bench{number},Attendee,bench.{run}.{number}@example.org" for number in range(count)
    ]
    seconds, imported, figures = load.observed(
        lambda: session.post(
            f"{course}/@import-attendees",
            data="\n".join(rows).encode(),
            headers={"Content-Type": "text/csv"},
            timeout=600,
        ),
        observers,
    )
    if imported.status_code != 201 or imported.json()["imported"] != count:
        raise BenchError(f"import: {imported.status_code} {imported.text[:300]}")
    log(f"  import of {count:,} attendees: {seconds:.2f} s")
    uids = [item["UID"] for item in imported.json()["items"]]
    return dict(figures, seconds=round(seconds, 2), count=count), uids


def issue(session, course, uids, observers):
    """(figures, the first certificate's URL) of issuing ``uids`` a certificate."""
    seconds, issued, figures = load.observed(
        lambda: session.post(
            f"{course}/@issue-certificates",
            json={"attendees": uids, "certificate_type": "completion"},
            timeout=600,
        ),
        observers,
    )
    if issued.status_code != 201 or len(issued.json()["issued"]) != len(uids):
        raise BenchError(f"issuing: {issued.status_code} {issued.text[:300]}")
    log(f"  issuing {len(uids)} certificates: {seconds:.2f} s")
    first = issued.json()["issued"][0]["@id"]
    return dict(figures, seconds=round(seconds, 2), count=len(uids)), first


def measure(base, info, admin, watch):
    """{operation: figures}; ``watch(name)`` gives the observers of each."""
    session = requests.Session()
    session.auth = admin
    session.headers.update(JSON)
    try:
        course = create_course(session, base, info)
        results = {}
        results["import_1000"], uids = import_attendees(session, course, watch("import_1000"))
        results["issue_500"], certificate = issue(session, course, uids[:500], watch("issue_500"))
        pdf = f"{certificate}/@@certificate.pdf"
        results["pdf"] = load.repeat_get(session, pdf, times=20, observers=watch("pdf"))
        results["pdf"]["url"] = pdf.replace(base, "")
        log(f"  one PDF: p50 {results['pdf']['p50_ms']} ms")
    finally:
        session.close()
    return results
