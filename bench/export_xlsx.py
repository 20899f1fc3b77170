"""Does the case-list XLSX stream? Time to the first bytes and peak memory at two sizes (SQLite).

    .venv/bin/python -m bench.export_xlsx [small large]

It runs the generator the export view returns (`case_rows` into `stream_xlsx`), de-identified
and personal. "First bytes" is the archive's opening; "first rows" is the first chunk that
holds sheet data (the query has run and a chunk of rows is compressed). Peak memory is
Python's (tracemalloc) over the whole workbook: flat streaming keeps it close at ten times the
rows.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from werkzeug.datastructures import MultiDict

from bench.seed import seed
from intake import accounts, clock, create_app
from intake.cases.queries import CaseFilter
from intake.extensions import db
from intake.statistics.exports import case_rows
from intake.statistics.xlsx_stream import stream_xlsx
from tests.helpers import create_staff

EMAIL = "bench@staff.example"


def one_pass(personal: bool, trace: bool) -> dict[str, float]:
    """Seconds to the first bytes, the first rows and the end; MiB written; peak MiB if traced."""
    staff = accounts.find(EMAIL)
    if staff is None:
        raise SystemExit(f"{EMAIL}: no such account")
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    rows = case_rows(CaseFilter.from_args(MultiDict()), staff, clock.today(), personal)
    times: list[float] = []
    size = 0
    for chunk in stream_xlsx([("Cases", rows)]):
        size += len(chunk)
        if len(times) < 2:
            times.append(time.perf_counter() - started)
    total = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0
    if trace:
        tracemalloc.stop()
    db.session.remove()
    return {"first": times[0], "rows": times[1], "total": total, "mib": size / 2**20, "peak": peak}


def measure(count: int) -> list[str]:
    """Table rows for `count` cases: de-identified, then personal."""
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        "testing",
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'b.db'}",
            "UPLOAD_FOLDER": str(folder / "up"),
        },
    )
    lines = []
    with app.test_request_context():
        seed(count)
        create_staff(app, EMAIL, ["supervisor"], "Bench")
        for personal in (False, True):
            timed = one_pass(personal, trace=False)  # tracemalloc slows the pass down.
            peak = one_pass(personal, trace=True)["peak"]
            lines.append(
                f"| {count:,} | {'personal' if personal else 'de-identified'} "
                f"| {timed['first'] * 1000:.1f} | {timed['rows'] * 1000:.0f} "
                f"| {timed['total']:.1f} | {count / timed['total']:,.0f} "
                f"| {timed['mib']:.1f} | {peak:.1f} |"
            )
    return lines


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [5_000, 50_000]
    print("| cases | columns | first bytes (ms) | first rows (ms) | whole (s) | rows/s", end=" ")
    print("| file (MiB) | peak memory (MiB) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for count in sizes:
        print("\n".join(measure(count)), flush=True)


if __name__ == "__main__":
    main()
