"""The benchmark report: a result (dict, as in latest.json) as Markdown, its
growth against the other scales' latest results, and the issue's targets."""

import json
from pathlib import Path


SCALE_ORDER = ("toy", "small", "medium", "large")
LOOKUPS = (
    ("front_page", "Front page with map (`/Plone/en`)"),
    ("organisations_rest", "Organisations of a country (`@organisations?country=`)"),
    ("organisations_html", "Organisations list page (`@@certified-organisations`)"),
    ("organisation_page", "An organisation's page"),
    ("training_centers_geojson", "`@training-centers-geojson`"),
    ("courses_geojson", "`@courses-geojson`"),
    ("verify", "`@verify/<code>`"),
    ("search", "`@search?SearchableText=`"),
    ("statistics_page", "The programme in figures (`/Plone/en/@@statistics`)"),
    ("statistics_rest", "`@statistics`"),
)
OPERATIONS = (
    ("issue_500", "Issue 500 certificates in one request"),
    ("import_1000", "Import a CSV of 1,000 attendees"),
    ("pdf", "Render one certificate PDF"),
)
GROWTH_LIMIT = 1.5


def latest_by_scale(folder, target="filestorage"):
    """{scale: result} of the newest kept run of each scale (``<stamp>-<scale>.json``)."""
    found = {}
    for path in sorted(Path(folder).glob("*-*.json")):
        if path.name.startswith("latest"):
            continue
        try:
            result = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if result.get("target", "filestorage") == target and result.get("scale"):
            found[result["scale"]] = result  # sorted by time stamp: the last one wins
    return found


def _figure(value, unit=""):
    if value is None:
        return "–"
    if isinstance(value, float):
        value = f"{value:,.1f}" if value >= 100 else f"{value:,.2f}"
    elif isinstance(value, int):
        value = f"{value:,}"
    return f"{value}{unit}"


def _ratio(new, old):
    if not new or not old:
        return None
    return round(new / old, 2)


def check_targets(result, small=None):
    """[{target, value, met}] of the issue's targets for ``result``; the growth
    targets need the small scale's result."""
    lookups = result.get("lookups", {})
    operations = result.get("operations", {})

    def p50(name):
        return (lookups.get(name) or {}).get("p50_ms")

    checks = []

    def check(text, value, limit, unit):
        met = None if value is None else value < limit
        checks.append({"target": text, "value": value, "unit": unit, "met": met})

    check("`@verify` p50 under 10 ms", p50("verify"), 10, " ms")
    check("front page p50 under 60 ms (uncached)", p50("front_page"), 60, " ms")
    check("organisation list p50 under 60 ms (uncached)", p50("organisations_rest"), 60, " ms")
    if p50("organisations_html") is not None:
        check(
            "organisation list page p50 under 60 ms (uncached)",
            p50("organisations_html"),
            60,
            " ms",
        )
    for name in ("statistics_page", "statistics_rest"):
        if p50(name) is not None:
            check(f"{name.replace('_', ' ')} p50 under 60 ms (uncached)", p50(name), 60, " ms")
    check(
        "500 certificates issued in under 10 s",
        (operations.get("issue_500") or {}).get("seconds"),
        10,
        " s",
    )
    check("one PDF under 50 ms", (operations.get("pdf") or {}).get("p50_ms"), 50, " ms")
    if small is not None and small is not result:
        for name, label in LOOKUPS:
            ratio = _ratio(p50(name), (small.get("lookups", {}).get(name) or {}).get("p50_ms"))
            if ratio is not None:
                met = ratio <= GROWTH_LIMIT
                checks.append(
                    {
                        "target": f"{label}: p50 at most {GROWTH_LIMIT}× small",
                        "value": ratio,
                        "unit": "×",
                        "met": met,
                    }
                )
    return checks


def _mark(met):
    return {True: "met", False: "**missed**", None: "not measured"}[met]


def _lookup_rows(lookups):
    """The lookups table's rows, one per lookup measured."""
    rows = []
    for name, label in LOOKUPS:
        figures = lookups.get(name)
        if not figures:
            continue
        rows.append(
            f"| {label} | {_figure(figures.get('p50_ms'))} | {_figure(figures.get('p95_ms'))} "
            f"| {_figure(figures.get('p99_ms'))} | {_figure(figures.get('rps'))} "
            f"| {_figure(figures.get('requests'))} | {_figure(figures.get('errors'))} |"
        )
    return rows


def _operation_rows(operations):
    """The operations table's rows, one per operation measured: its time, or
    its latencies when it was measured many times."""
    rows = []
    for name, label in OPERATIONS:
        figures = operations.get(name)
        if not figures:
            continue
        if "seconds" in figures:
            value = _figure(figures["seconds"], " s")
        else:
            value = f"p50 {_figure(figures.get('p50_ms'), ' ms')}, p95 " + _figure(
                figures.get("p95_ms"), " ms"
            )
        rows.append(f"| {label} | {value} |")
    return rows


def build_report(result, others=None):
    """Markdown for ``result``; ``others`` is {scale: result} of other runs."""
    others = dict(others or {})
    others[result["scale"]] = result
    scales = [scale for scale in SCALE_ORDER if scale in others]
    counts = result.get("counts", {})
    lines = [
        f"# Benchmark: {result['scale']} scale ({result.get('target', 'filestorage')})",
        "",
        f"Run {result.get('started', '?')} on {result.get('machine', {}).get('cpus', '?')} "
        f"CPUs; {result.get('clients', '?')} concurrent clients, "
        f"{result.get('duration', '?')} s per lookup after a warm-up; "
        f"{result.get('threads', '?')} server threads.",
        "",
        "Data: "
        + ", ".join(f"{_figure(counts.get(name))} {name}" for name in sorted(counts))
        + (f" (seeded in {result['seed_seconds']} s)" if result.get("seed_seconds") else ""),
        "",
        "## Lookups",
        "",
        "| lookup | p50 ms | p95 ms | p99 ms | req/s | requests | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += _lookup_rows(result.get("lookups", {}))
    lines += ["", "## Operations", "", "| operation | time |", "| --- | ---: |"]
    lines += _operation_rows(result.get("operations", {}))
    memory = result.get("memory", {})
    database = result.get("database", {})
    lines += [
        f"| Instance memory (RSS) after the run | {_figure(memory.get('rss_mb'), ' MB')} |",
        "| Database size per certificate | "
        + _figure(database.get("bytes_per_certificate"), " bytes")
        + " |",
        "",
    ]
    if len(scales) > 1:
        first = scales[0]
        lines += [
            "## Growth with the data",
            "",
            "| figure | " + " | ".join(scales) + f" | {scales[-1]} / {first} |",
            "| --- | " + " | ".join("---:" for _ in scales) + " | ---: |",
        ]
        rows = [(label, ("lookups", name, "p50_ms")) for name, label in LOOKUPS]
        rows += [(label, ("operations", name, None)) for name, label in OPERATIONS]
        rows += [
            ("RSS MB", ("memory", "rss_mb", None)),
            ("bytes per certificate", ("database", "bytes_per_certificate", None)),
        ]
        for label, (group, name, key) in rows:
            values = [_pick(others[scale], group, name, key) for scale in scales]
            if all(value is None for value in values):
                continue
            ratio = _ratio(values[-1], values[0])
            lines.append(
                f"| {label} | "
                + " | ".join(_figure(value) for value in values)
                + f" | {_figure(ratio, '×')} |"
            )
        lines.append("")
    small = others.get("small")
    lines += [
        "## Targets",
        "",
        "The issue sets them for the large scale, warm, on FileStorage"
        + ("" if result["scale"] == "large" else f"; this run is at the {result['scale']} scale")
        + ".",
        "",
        "| target | value | |",
        "| --- | ---: | --- |",
    ]
    for item in check_targets(result, small):
        lines.append(
            f"| {item['target']} | {_figure(item['value'], item['unit'])} | {_mark(item['met'])} |"
        )
    notes = result.get("notes") or []
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def _pick(result, group, name, key):
    figures = result.get(group, {}).get(name)
    if figures is None:
        return None
    if not isinstance(figures, dict):
        return figures
    if key is not None:
        return figures.get(key)
    return figures.get("seconds", figures.get("p50_ms"))
