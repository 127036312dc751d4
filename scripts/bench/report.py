"""The benchmark report: a result (dict, as in latest.json) as Markdown, with
the server's CPU time per request beside the latencies, the change from the
previous run of the same scale, the growth against the other scales' latest
results, and the targets (``targets.py``)."""

import json
from pathlib import Path

from scripts.bench import targets
from scripts.bench.targets import LOOKUPS
from scripts.bench.targets import OPERATIONS


SCALE_ORDER = ("toy", "small", "medium", "large")


def latest_by_scale(folder, target="filestorage"):
    """{scale: result} of the newest kept run of each scale (``<stamp>-<scale>.json``)
    that was not profiled: a profiled run's latencies include py-spy's share
    of the cores, and compare with nothing."""
    found = {}
    for path in sorted(Path(folder).glob("*-*.json")):
        if path.name.startswith("latest"):
            continue
        try:
            result = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if result.get("profiles_folder"):
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


def _mark(met):
    return {True: "met", False: "**missed**", None: "not measured"}[met]


def _lookup_rows(lookups):
    """The lookups table's rows, one per lookup measured."""
    rows = []
    for lookup in LOOKUPS:
        figures = lookups.get(lookup.name)
        if not figures:
            continue
        cells = [lookup.label]
        cells += [
            _figure(figures.get(key))
            for key in ("cpu_ms", "p50_ms", "p95_ms", "p99_ms", "rps", "cores_busy")
        ]
        cells += [_figure(figures.get("requests")), _figure(figures.get("errors"))]
        cells += [f"{_figure(lookup.cpu_ms)} / {_figure(lookup.p50_ms)}"]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _operation_rows(operations):
    """The operations table's rows, one per operation measured: its time, or
    its latencies when it was measured many times, and the server's CPU time."""
    rows = []
    for name, label, limit, unit, _key in OPERATIONS:
        figures = operations.get(name)
        if not figures:
            continue
        if "seconds" in figures and "p50_ms" not in figures:
            value = _figure(figures["seconds"], " s")
            cpu = _figure(figures.get("cpu_seconds"), " s")
        else:
            value = f"p50 {_figure(figures.get('p50_ms'), ' ms')}, p95 " + _figure(
                figures.get("p95_ms"), " ms"
            )
            cpu = _figure(figures.get("cpu_ms"), " ms")
        rows.append(f"| {label} | {value} | {cpu} | < {limit}{unit} |")
    return rows


def _load(machine):
    """What else the machine was doing, when the run noted it."""
    if not machine.get("load"):
        return ""
    before, after = machine["load"]
    return (
        f" Load average {before} as the measuring began, {after} as it ended: "
        "other work on the machine makes every figure noisy, the latencies most."
    )


def _header(result):
    counts = result.get("counts", {})
    return [
        f"# Benchmark: {result['scale']} scale ({result.get('target', 'filestorage')})",
        "",
        f"Run {result.get('started', '?')} on {result.get('machine', {}).get('cpus', '?')} "
        f"CPUs; {result.get('clients', '?')} concurrent clients, "
        f"{result.get('duration', '?')} s per lookup after a warm-up; "
        f"{result.get('threads', '?')} server threads." + _load(result.get("machine", {})),
        "",
        "Data: "
        + ", ".join(f"{_figure(counts.get(name))} {name}" for name in sorted(counts))
        + (f" (seeded in {result['seed_seconds']} s)" if result.get("seed_seconds") else ""),
        "",
    ]


def _measured(result):
    """The lookups and the operations tables."""
    memory = result.get("memory", {})
    database = result.get("database", {})
    lines = [
        "## Lookups",
        "",
        "CPU: the server's CPU time per request served; cores: the cores it kept busy.",
        "",
        "| lookup | CPU ms | p50 ms | p95 ms | p99 ms | req/s | cores "
        "| requests | errors | target CPU / p50 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += _lookup_rows(result.get("lookups", {}))
    lines += [
        "",
        "## Operations",
        "",
        "| operation | time | server CPU | target |",
        "| --- | ---: | ---: | ---: |",
    ]
    lines += _operation_rows(result.get("operations", {}))
    lines += [
        f"| Instance memory (RSS) after the run | {_figure(memory.get('rss_mb'), ' MB')} "
        f"| | ≤ {targets.RSS_MB} MB |",
        "| Database size per certificate | "
        + _figure(database.get("bytes_per_certificate"), " bytes")
        + f" | | ≤ {targets.BYTES_PER_CERTIFICATE:,} bytes |",
        "",
    ]
    return lines


def _previous(result, previous):
    """Each lookup's CPU per request and p50 against the previous run of the
    same scale and target: the ratio now / then."""
    if not previous or previous.get("started") == result.get("started"):
        return []
    lines = [
        f"## Against the previous run ({previous.get('started', '?')})",
        "",
        "| figure | CPU ms then | CPU now / then | p50 ms then | p50 now / then |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    rows = [(lookup.label, "lookups", lookup.name) for lookup in LOOKUPS]
    rows += [(label, "operations", name) for name, label, *_ in OPERATIONS]
    for label, group, name in rows:
        cells = []
        for key in ("cpu_ms", "p50_ms"):
            if group == "operations" and key == "p50_ms" and name != "pdf":
                key = "seconds"
            then = targets.figure(previous, group, name, key)
            now = targets.figure(result, group, name, key)
            cells += [_figure(then), _figure(targets.ratio(now, then), "×")]
        if any(cell != "–" for cell in cells):
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines + [""]


def _pick(result, group, name, key):
    figures = result.get(group, {}).get(name)
    if figures is None:
        return None
    if not isinstance(figures, dict):
        return figures
    if key is not None:
        return figures.get(key)
    return figures.get("seconds", figures.get("p50_ms"))


def _growth(result, others):
    """p50 and the writes' times of every scale's newest run, and large / small."""
    scales = [scale for scale in SCALE_ORDER if scale in others]
    if len(scales) < 2:
        return []
    first = scales[0]
    lines = [
        "## Growth with the data",
        "",
        "| figure | " + " | ".join(scales) + f" | {scales[-1]} / {first} |",
        "| --- | " + " | ".join("---:" for _ in scales) + " | ---: |",
    ]
    rows = [(f"{lookup.label}, p50", ("lookups", lookup.name, "p50_ms")) for lookup in LOOKUPS]
    rows += [(f"{lookup.label}, CPU", ("lookups", lookup.name, "cpu_ms")) for lookup in LOOKUPS]
    rows += [(label, ("operations", name, None)) for name, label, *_ in OPERATIONS]
    rows += [
        ("RSS MB", ("memory", "rss_mb", None)),
        ("bytes per certificate", ("database", "bytes_per_certificate", None)),
    ]
    for label, (group, name, key) in rows:
        values = [_pick(others[scale], group, name, key) for scale in scales]
        if all(value is None for value in values):
            continue
        ratio = targets.ratio(values[-1], values[0])
        lines.append(
            f"| {label} | "
            + " | ".join(_figure(value) for value in values)
            + f" | {_figure(ratio, '×')} |"
        )
    return lines + [""]


def checks(result, others=None, counterpart=None):
    """Every target checked for ``result`` (``targets.check_targets``), given
    the other scales' results of its target and the other target's at its scale."""
    small = (others or {}).get("small")
    cluster = counterpart if result.get("target", "filestorage") == "filestorage" else None
    single = counterpart if result.get("target") == "cluster" else None
    return targets.check_targets(result, small, single=single, cluster=cluster)


def _targets(result, others, counterpart):
    lines = [
        "## Targets",
        "",
        "Issue 13 sets them for the large scale, warm, uncached, on FileStorage"
        + ("" if result["scale"] == "large" else f"; this run is at the {result['scale']} scale")
        + ".",
        "",
        "| target | value | |",
        "| --- | ---: | --- |",
    ]
    for item in checks(result, others, counterpart):
        value = _figure(item["value"], item["unit"])
        if item.get("note"):
            value += f" ({item['note']})"
        lines.append(f"| {item['target']} | {value} | {_mark(item['met'])} |")
    return lines


def _top(summary, part):
    rows = (summary or {}).get(part) or [{}]
    return f"{rows[0].get('function', '–')} ({_figure(rows[0].get('share'), '%')})"


def _profiles(result):
    """The profile files of each lookup and write, when the run was profiled,
    with the function most often running and the product's most often on
    the stack (py-spy counts threads waiting on a lock or a socket too)."""
    lines = []
    for group in ("lookups", "operations"):
        for name, figures in result.get(group, {}).items():
            for profile in figures.get("profiles", []):
                summary = profile.get("summary")
                lines.append(
                    f"| {name} | `{Path(profile['file']).name}` | {_top(summary, 'self')} "
                    f"| {_top(summary, 'product')} |"
                )
    if not lines:
        return []
    folder = Path(result.get("profiles_folder") or "var/bench/profiles")
    header = ["", "## Profiles", "", f"In `{folder}`, each with a summary in a `.txt` file.", ""]
    header += ["| figure | speedscope file | most often running | the product's, on the stack |"]
    return header + ["| --- | --- | --- | --- |"] + lines


def build_report(result, others=None, previous=None, counterpart=None):
    """Markdown for ``result``; ``others`` is {scale: result} of other runs of
    its target, ``previous`` the previous run of its scale, ``counterpart``
    the newest run of the other target (cluster or FileStorage) at its scale."""
    others = dict(others or {})
    others[result["scale"]] = result
    lines = _header(result) + _measured(result)
    lines += _previous(result, previous)
    lines += _growth(result, others)
    lines += _targets(result, others, counterpart)
    lines += _profiles(result)
    notes = result.get("notes") or []
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
