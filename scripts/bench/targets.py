"""The benchmark's lookups and the targets of issue 13 (and 15, the programme in
figures), in one table, and the checks of a result against them.

The targets are set for the large scale, warm, uncached, 4 clients, one
instance on FileStorage; a run at another scale is checked against them all
the same, for information.
"""

from typing import NamedTuple


class Lookup(NamedTuple):
    name: str
    label: str
    cpu_ms: float  # the server's CPU time per request, at most
    p50_ms: float  # the median latency, under


PAGE = (20, 60)
SMALL_JSON = (4, 10)
FEED = (10, 25)
SEARCH = (15, 50)

LOOKUPS = (
    Lookup("front_page", "Front page with map (`/Plone/en`)", *PAGE),
    Lookup("organisations_html", "Organisations list page (`@@certified-organisations`)", *PAGE),
    Lookup("organisation_page", "An organisation's page", *PAGE),
    Lookup("course_page", "A course's page", *PAGE),
    Lookup("verify_page", "Verification page (`/Plone/verify/<code>`)", *PAGE),
    Lookup("verify", "`@verify/<code>`", *SMALL_JSON),
    Lookup(
        "organisations_rest", "Organisations of a country (`@organisations?country=`)", *SMALL_JSON
    ),
    Lookup("organisations_100", "`@organisations?b_size=100`", *SMALL_JSON),
    Lookup("training_centers_geojson", "`@training-centers-geojson`", *FEED),
    Lookup("courses_geojson", "`@courses-geojson` (upcoming)", *FEED),
    Lookup("courses_geojson_past", "`@courses-geojson?when=past`", *FEED),
    Lookup("search", "`@search?SearchableText=` (anonymous)", *SEARCH),
    # issue 15: the programme in figures answers within the public pages' targets
    Lookup("statistics_page", "The programme in figures (`/Plone/en/@@statistics`)", *PAGE),
    Lookup("statistics_rest", "`@statistics`", *PAGE),
)
LABELS = {lookup.name: lookup.label for lookup in LOOKUPS}

# (name in result["operations"], label, limit, unit, what is compared)
OPERATIONS = (
    ("import_1000", "Import a CSV of 1,000 attendees", 3, " s", "seconds"),
    ("issue_500", "Issue 500 certificates in one request", 3, " s", "seconds"),
    ("pdf", "Render one certificate PDF", 30, " ms", "p50_ms"),
)
RSS_MB = 700
BYTES_PER_CERTIFICATE = 10_000
GROWTH = 1.3  # large at most this many times small
CLUSTER_RPS = 1.7  # a cluster's requests per second at least this many times one instance's


def check(text, value, met, unit="", note=None):
    """One line of the targets table; ``met`` is None when nothing was measured."""
    line = {"target": text, "value": value, "unit": unit, "met": None if value is None else met}
    if note:
        line["note"] = note
    return line


def at_most(text, value, limit, unit=""):
    return check(text, value, value is not None and value <= limit, unit)


def under(text, value, limit, unit=""):
    return check(text, value, value is not None and value < limit, unit)


def ratio(new, old):
    if not new or not old:
        return None
    return round(new / old, 2)


def figure(result, group, name, key):
    return ((result or {}).get(group, {}).get(name) or {}).get(key)


def compare(result, other, group, name, key):
    """A figure of ``result`` divided by the same figure of ``other``."""
    return ratio(figure(result, group, name, key), figure(other, group, name, key))


def lookup_checks(result):
    """CPU per request and p50 of every lookup measured, against its targets."""
    checks = []
    for lookup in LOOKUPS:
        figures = result.get("lookups", {}).get(lookup.name)
        if figures:
            text = f"{lookup.label}: CPU ≤ {lookup.cpu_ms} ms"
            checks.append(at_most(text, figures.get("cpu_ms"), lookup.cpu_ms, " ms"))
            text = f"{lookup.label}: p50 < {lookup.p50_ms} ms"
            checks.append(under(text, figures.get("p50_ms"), lookup.p50_ms, " ms"))
    return checks


def write_checks(result):
    """The writes, the memory and the database size against their limits."""
    checks = [
        under(f"{label} < {limit}{unit}", figure(result, "operations", name, key), limit, unit)
        for name, label, limit, unit, key in OPERATIONS
    ]
    rss = result.get("memory", {}).get("rss_mb")
    checks.append(at_most(f"Instance RSS ≤ {RSS_MB} MB", rss, RSS_MB, " MB"))
    size = result.get("database", {}).get("bytes_per_certificate")
    text = f"Database ≤ {BYTES_PER_CERTIFICATE:,} bytes per certificate"
    checks.append(at_most(text, size, BYTES_PER_CERTIFICATE, " bytes"))
    return checks


def growth_checks(result, small):
    """Every lookup (CPU per request and p50) and both bulk writes at most
    GROWTH times their small-scale figures: nothing grows with the data."""
    checks = []
    for lookup in LOOKUPS:
        ratios = [
            compare(result, small, "lookups", lookup.name, key) for key in ("cpu_ms", "p50_ms")
        ]
        known = [value for value in ratios if value is not None]
        if known:
            text = f"{lookup.label}: at most {GROWTH}× small (CPU, p50)"
            checks.append(at_most(text, max(known), GROWTH, "×"))
    for name, label, _limit, _unit, key in OPERATIONS[:2]:
        value = compare(result, small, "operations", name, key)
        checks.append(at_most(f"{label}: at most {GROWTH}× small", value, GROWTH, "×"))
    return checks


def cluster_checks(cluster, single):
    """A cluster's requests per second against one instance's, same scale, on
    every (uncached) lookup, with its p50 no worse."""
    checks = []
    for lookup in LOOKUPS:
        rps = compare(cluster, single, "lookups", lookup.name, "rps")
        p50 = compare(cluster, single, "lookups", lookup.name, "p50_ms")
        if rps is None:
            continue
        checks.append(
            check(
                f"{lookup.label}: cluster ≥ {CLUSTER_RPS}× one instance's req/s, p50 no worse",
                rps,
                rps >= CLUSTER_RPS and p50 is not None and p50 <= 1,
                "×",
                note=f"p50 {p50}× one instance's",
            )
        )
    return checks


def check_targets(result, small=None, single=None, cluster=None):
    """[{target, value, unit, met}] of every target for ``result``; the growth
    targets need the small scale's result, the cluster's the other target's
    result at the same scale (``single`` for a cluster run, ``cluster`` for a
    FileStorage one)."""
    checks = lookup_checks(result) + write_checks(result)
    if small is not None and small is not result and result.get("scale") != "small":
        checks += growth_checks(result, small)
    if result.get("target") == "cluster" and single is not None:
        checks += cluster_checks(result, single)
    elif result.get("target", "filestorage") == "filestorage" and cluster is not None:
        checks += cluster_checks(cluster, result)
    return checks
