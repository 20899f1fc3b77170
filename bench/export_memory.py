"""Does the case-list export stream? Peak memory and rows/s at two sizes, on SQLite.

    .venv/bin/python -m bench.export_memory [small large]

Peak memory is Python's (tracemalloc) while writing the whole CSV; flat streaming means the
large export's peak stays close to the small one's although it has ten times the rows.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.run import export_pass
from bench.seed import seed
from intake import create_app
from tests.helpers import create_staff


def measure(count: int) -> tuple[float, float]:
    """(peak MiB, rows per second) of exporting `count` cases as CSV."""
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        "testing",
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'b.db'}",
            "UPLOAD_FOLDER": str(folder / "up"),
        },
    )
    with app.test_request_context():
        seed(count)
        create_staff(app, "bench@staff.example", ["supervisor"], "Bench")
        rate, peak = export_pass("bench@staff.example", trace=True)
    return peak, rate


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [5_000, 50_000]
    results = [(n, *measure(n)) for n in sizes]
    print("| cases | peak memory (MiB) | rows/s |")
    print("|---:|---:|---:|")
    for count, peak, rate in results:
        print(f"| {count:,} | {peak:.1f} | {rate:,.0f} |")
    ratio = results[-1][1] / results[0][1]
    print(f"\nPeak memory ratio, {sizes[-1]:,} vs {sizes[0]:,} cases: {ratio:.2f}")


if __name__ == "__main__":
    main()
