"""CSV and XLSX files of rows: CSV streams in chunks, XLSX is written row by row to a file.

Whatever the rows hold, every XLSX cell passes through `cells.cell` here; CSV rows arrive with
their cells already made by it (a case list makes each label's cell once per export).
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from .cells import NOT_IN_XML, cell

# What a sheet's name may not hold (besides what XML cannot), and its longest.
NOT_IN_SHEET_TITLE = re.compile(r"[\\*?:/\[\]]")
SHEET_TITLE_LENGTH = 31


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


def sheet_title(title: str) -> str:
    """A name Excel accepts for a sheet (a translation may hold a slash, or be too long)."""
    title = NOT_IN_SHEET_TITLE.sub(" ", NOT_IN_XML.sub("", title))
    return title[:SHEET_TITLE_LENGTH].strip(" '") or "Sheet"


def write_xlsx(sheets: Iterable[tuple[str, Iterable[list[Any]]]]) -> Path:
    """An XLSX file of these sheets, written row by row (openpyxl's write-only mode)."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=sheet_title(title))
        for row in rows:
            sheet.append([cell(value) for value in row])
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    workbook.save(handle.name)
    return Path(handle.name)


def xlsx_bytes(sheets: Iterable[tuple[str, Iterable[list[Any]]]]) -> bytes:
    """XLSX of sheets, whole (for the CLI)."""
    path = write_xlsx(sheets)
    try:
        return path.read_bytes()
    finally:
        path.unlink(missing_ok=True)
