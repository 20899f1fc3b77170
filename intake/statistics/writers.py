"""CSV and XLSX files of rows, both streamed in chunks (XLSX is made in `xlsx_stream`).

Whatever the rows hold, every XLSX cell passes through `cells.cell` there; CSV rows arrive with
their cells already made by it (a case list makes each label's cell once per export).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

# Where callers have always found the XLSX writers.
from .xlsx_stream import sheet_title as sheet_title
from .xlsx_stream import stream_xlsx as stream_xlsx
from .xlsx_stream import xlsx_bytes as xlsx_bytes


class _Echo:
    """A file-like object whose write returns what it was given (csv writes one row at a time)."""

    def write(self, value: str) -> str:
        return value


def stream_csv(rows: Iterable[list[Any]], rows_per_chunk: int = 200) -> Iterator[str]:
    """CSV text in chunks of rows (UTF-8 with a byte-order mark so spreadsheets read it): the
    server writes to the network once per chunk, not once per row. Cells come made by `cell`."""
    writer = csv.writer(_Echo())
    chunk = ["\ufeff"]
    for row in rows:
        chunk.append(writer.writerow(row))  # None is written as an empty cell
        if len(chunk) >= rows_per_chunk:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)
