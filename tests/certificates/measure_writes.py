"""Measuring the two bulk writes on a test site: not part of the suite.

Run it explicitly (it is not named ``test_*``, so the suite never collects it)::

    .venv/bin/pytest tests/certificates/measure_writes.py -q -s -p no:randomly

It imports ``ATTENDEES`` attendees from a CSV file into a new course and
issues ``CERTIFICATES`` of them a certificate in one call, each in its own
committed transaction, and prints: the seconds each took (with the commit),
a cProfile of each (``PROFILE=1``; cumulative, the top ``PROFILE_LINES``
lines; ``PROFILE_DUMP=/tmp/writes`` also saves them to
``/tmp/writes-import.prof`` and ``/tmp/writes-issue.prof`` for ``pstats``)
and what each transaction wrote to the database, by class (bytes and
records), per attendee or certificate.
"""

import cProfile
import io
import os
import pickle
import pstats
import time
from collections import Counter

import transaction
from Acquisition import aq_base
from builders import certified_course
from builders import create_programme
from builders import top_up
from plone import api
from ZODB.utils import get_pickle_metadata

from qgis.certification.certificates import issuing
from qgis.certification.certificates.attendees import import_attendees


ATTENDEES = int(os.environ.get("ATTENDEES", "1000"))
CERTIFICATES = int(os.environ.get("CERTIFICATES", "500"))
PROFILE = os.environ.get("PROFILE") == "1"
PROFILE_LINES = int(os.environ.get("PROFILE_LINES", "45"))


def attendee_file(count):
    lines = ["first_name,last_name,email"]
    lines += [f"Person{n},Family{n},person{n}@example.org" for n in range(count)]
    return "\n".join(lines).encode()


def timed(label, function):
    """Run ``function`` and commit, under cProfile when asked; print the time."""
    profiler = cProfile.Profile() if PROFILE else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    result = function()
    transaction.commit()
    if profiler:
        profiler.disable()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"\n== {label}: {seconds:.2f} s ({cpu:.2f} s of CPU)")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(
            os.environ.get("PROFILE_SORT", "cumulative")
        ).print_stats(PROFILE_LINES)
        print(out.getvalue())
        if os.environ.get("PROFILE_DUMP"):
            profiler.dump_stats(f"{os.environ['PROFILE_DUMP']}-{label.split()[0]}.prof")
    return result, seconds


def written_by_last_transaction(portal):
    """``{class: (bytes, records)}`` of the last committed transaction."""
    storage = portal._p_jar.db().storage
    last = storage.lastTransaction()
    sizes = Counter()
    counts = Counter()
    for record in storage.iterator(start=last):
        for data in record:
            if data.data is None:
                continue
            module, klass = get_pickle_metadata(data.data)
            name = f"{module}.{klass}"
            sizes[name] += len(data.data)
            counts[name] += 1
    return sizes, counts


def report_sizes(label, portal, per):
    sizes, counts = written_by_last_transaction(portal)
    total = sum(sizes.values())
    print(f"-- {label}: {total:,} bytes written, {total / per:,.0f} bytes per item")
    for name, size in sizes.most_common(15):
        print(f"   {size:>10,} B {counts[name]:>6} records  {name}")


def report_attributes(label, obj):
    """The pickled size of each attribute of ``obj``'s own record, largest first."""
    state = aq_base(obj).__getstate__()
    sizes = sorted(
        ((len(pickle.dumps(value, 3)), name) for name, value in state.items()), reverse=True
    )
    print(f"-- one {label}: {len(obj._p_jar._storage.load(obj._p_oid)[0]):,} bytes stored")
    for size, name in sizes[:12]:
        print(f"   {size:>6} B  {name}")


def test_measure_bulk_writes(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        create_programme(portal)
        organisation, course, _ = certified_course(portal, attendees=())
        top_up(organisation, CERTIFICATES + 10)
    transaction.commit()
    data = attendee_file(ATTENDEES)
    with api.env.adopt_user(username="owner"):
        (result, created, skipped), _ = timed(
            f"import {ATTENDEES} attendees", lambda: import_attendees(course, data)
        )
    assert result.ok
    assert len(created) == ATTENDEES
    report_sizes("import", portal, ATTENDEES)
    report_attributes("attendee", created[0])
    uids = [attendee.UID() for attendee in created[:CERTIFICATES]]
    with api.env.adopt_user(username="owner"):
        (certificates, balance), _ = timed(
            f"issue {CERTIFICATES} certificates",
            lambda: issuing.issue_certificates(course, uids, "completion", "owner"),
        )
    assert len(certificates) == CERTIFICATES
    assert balance == 10
    report_sizes("issue", portal, CERTIFICATES)
    report_attributes("certificate", certificates[0])
