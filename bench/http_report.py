"""Tables of bench/http_mix.py runs: per kind, exports, the targets, and size-to-size ratios."""

from __future__ import annotations

from typing import Any

CASE_LONG = "case: identified, long trail"
CASE_FRESH = "case: fresh anonymous"
# The summary downloaded as CSV: the reports page's figures alone, over HTTP.
SUMMARY_CSV = "summary CSV"
# Targets of issue 20, as ratios.
CASE_TARGET = 1.5
REPORTS_TARGET = 1.5
GROWTH_TARGET = 2.0
_DB_CPU = "database server CPU ms/req"


def server_cpu(kind: dict[str, Any]) -> float:
    """A request's server CPU in ms: the workers', and the database server's where it is a
    server of its own (PostgreSQL; SQLite works inside the workers)."""
    return float(kind["cpu_ms"] + kind.get("database_cpu_ms", 0.0))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def kinds_table(run: dict[str, Any]) -> list[str]:
    """Per kind: count, p50, p95, max and server CPU per request."""
    lines = [
        f"### {run['database']}, {run['cases']:,} cases, statistics: {run['statistics']}",
        "",
        _row(["request", "count", "p50 ms", "p95 ms", "max ms", "workers' CPU ms/req", _DB_CPU]),
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, kind in run["kinds"].items():
        database = kind.get("database_cpu_ms")
        lines.append(
            _row(
                [
                    name.replace("|", "\\|"),
                    str(kind["count"]),
                    f"{kind['p50_ms']:.1f}",
                    f"{kind['p95_ms']:.1f}",
                    f"{kind['max_ms']:.1f}",
                    f"{kind['cpu_ms']:.1f}",
                    "–" if database is None else f"{database:.1f}",
                ]
            )
        )
    total = sum(kind["count"] for kind in run["kinds"].values())
    lines += ["", f"{total:,} requests in the mix."]
    return lines


def exports_table(run: dict[str, Any]) -> list[str]:
    """Each export: first byte, total, rows/s, size, the busiest worker's private memory."""
    lines = [
        "",
        _row(
            [
                "export",
                "rows",
                "first byte s",
                "total s",
                "rows/s",
                "MiB",
                "worker private peak MiB",
                "growth MiB",
            ]
        ),
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for item in run["exports"]:
        lines.append(
            _row(
                [
                    item["format"],
                    f"{item['rows']:,}",
                    f"{item['ttfb_s']:.2f}",
                    f"{item['total_s']:.2f}",
                    f"{item['rows_per_s']:,.0f}",
                    f"{item['mib']:.1f}",
                    f"{item['worker_private_peak_mib']:.0f}",
                    f"{item['worker_private_growth_mib']:.1f}",
                ]
            )
        )
    return lines


def targets(run: dict[str, Any]) -> list[str]:
    """The ratios one run can show: case pages, reports page against the summary alone."""
    kinds = run["kinds"]
    lines = ["", "| target | figure | met |", "|---|---:|---|"]
    if CASE_LONG in kinds and CASE_FRESH in kinds:
        ratio = kinds[CASE_LONG]["p95_ms"] / kinds[CASE_FRESH]["p95_ms"]
        lines.append(_ratio_row("case page p95, long trail / fresh anonymous", ratio, CASE_TARGET))
    page = kinds["reports page"]["p50_ms"]
    alone = run["summary_alone_ms"]
    label = f"reports page p50 {page:.0f} ms / summary alone {alone:.0f} ms"
    lines.append(_ratio_row(label, page / alone, REPORTS_TARGET))
    if SUMMARY_CSV in kinds:  # The summary alone over HTTP too: the same request's costs.
        alone = kinds[SUMMARY_CSV]["p50_ms"]
        label = f"reports page p50 {page:.0f} ms / summary CSV p50 {alone:.0f} ms (both over HTTP)"
        lines.append(_ratio_row(label, page / alone, REPORTS_TARGET))
    for item in run["exports"][:: max(1, len(run["exports"]) // 2)]:
        lines.append(
            _row(
                [
                    f"{item['format']} export first byte ≤ 1 s",
                    f"{item['ttfb_s']:.2f} s",
                    _met(item["ttfb_s"] <= 1),
                ]
            )
        )
    seed = run.get("seed_seconds")
    filed = "ok" if run["filed_after_seed"] else "FAILED"
    lines += [
        "",
        f"Seed: {seed if seed is not None else 'reused'} s"
        + (f" ({seed / run['cases'] * 10_000:.1f} s per 10k cases)" if seed else "")
        + f"; a real filing over HTTP after the seed: {filed}.",
    ]
    return lines


def _ratio_row(label: str, ratio: float, target: float) -> str:
    """A target row: what is compared, the ratio, and whether it is within `target`."""
    return _row([f"{label} ≤ {target}", f"{ratio:.2f}", _met(ratio <= target)])


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def growth(runs: list[dict[str, Any]]) -> list[str]:
    """Per database: p95 at each size over p95 at its smallest size, per kind (target ≤ 2)."""
    lines: list[str] = []
    for database in dict.fromkeys(run["database"] for run in runs):
        mine = sorted((r for r in runs if r["database"] == database), key=lambda r: r["cases"])
        if len(mine) < 2:
            continue
        base = mine[0]
        sizes = [f"{r['cases']:,}" for r in mine[1:]]
        lines += [
            "",
            f"### {database}: p95 / p95 at {base['cases']:,} cases (target ≤ {GROWTH_TARGET})",
            "",
            _row(["request", *sizes]),
            "|---|" + "---:|" * len(sizes),
        ]
        for name, kind in base["kinds"].items():
            cells = []
            for run in mine[1:]:
                other = run["kinds"].get(name)
                if other is None:
                    cells.append("–")
                    continue
                cells.append(_bold(_ratio(other["p95_ms"], kind["p95_ms"])))
            lines.append(_row([name.replace("|", "\\|"), *cells]))
    return lines


def sizes_table(runs: list[dict[str, Any]]) -> list[str]:
    """Per database: each kind's p95 and server CPU (workers and database server) at every
    size, the ratios of the largest size to the smallest by p95, p50 and CPU (bold above the
    target), and how many kinds are within it by each."""
    lines: list[str] = []
    for database in dict.fromkeys(run["database"] for run in runs):
        mine = sorted((r for r in runs if r["database"] == database), key=lambda r: r["cases"])
        if len(mine) < 2:
            continue
        base, top = mine[0], mine[-1]
        sizes = [_size(r["cases"]) for r in mine]
        span = f"{sizes[-1]}/{sizes[0]}"
        lines += [
            "",
            f"#### {database}, statistics: {base['statistics']}",
            "",
            _row(
                [
                    "request",
                    *(f"p95 {size}" for size in sizes),
                    f"p95 {span}",
                    f"p50 {span}",
                    *(f"CPU {size}" for size in sizes),
                    f"CPU {span}",
                ]
            ),
            "|---|" + "---:|" * (2 * len(sizes) + 3),
        ]
        within = {"p95": 0, "p50": 0, "CPU": 0}
        names = [name for name in base["kinds"] if all(name in r["kinds"] for r in mine)]
        for name in names:
            found = [r["kinds"][name] for r in mine]
            ratios = {
                "p95": _ratio(top["kinds"][name]["p95_ms"], base["kinds"][name]["p95_ms"]),
                "p50": _ratio(top["kinds"][name]["p50_ms"], base["kinds"][name]["p50_ms"]),
                "CPU": _ratio(server_cpu(top["kinds"][name]), server_cpu(base["kinds"][name])),
            }
            within = {key: within[key] + (ratios[key] <= GROWTH_TARGET) for key in within}
            lines.append(
                _row(
                    [
                        name.replace("|", "\\|"),
                        *(f"{k['p95_ms']:.0f}" for k in found),
                        _bold(ratios["p95"]),
                        _bold(ratios["p50"]),
                        *(f"{server_cpu(k):.0f}" for k in found),
                        _bold(ratios["CPU"]),
                    ]
                )
            )
        counts = ", ".join(f"{within[key]} by {key}" for key in within)
        lines += [
            "",
            f"Within {GROWTH_TARGET}× from {sizes[0]} to {sizes[-1]}, of {len(names)}: {counts}.",
        ]
    return lines


def _size(cases: int) -> str:
    return f"{cases // 1_000_000}M" if cases >= 1_000_000 else f"{cases // 1000}k"


def _ratio(top: float, base: float) -> float:
    return top / base if base else float("inf")


def _bold(ratio: float) -> str:
    return f"{ratio:.2f}" if ratio <= GROWTH_TARGET else f"**{ratio:.2f}**"


def report(run: dict[str, Any]) -> list[str]:
    """Every table of one run."""
    return kinds_table(run) + exports_table(run) + targets(run)
