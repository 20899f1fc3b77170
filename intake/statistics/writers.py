"""CSV and XLSX files of rows: CSV streams in chunks, XLSX is written row by row to a file.

Whatever the rows hold, every XLSX cell passes through `cells.cell` here; CSV rows arrive with
their cells already made by it (a case list makes each label's cell once per export).
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

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


def _widths(header: list[Any]) -> list[float]:
    """Column widths from the header's labels (the rows stream by, unseen until written)."""
    return [min(max(len(str(value)) + 4, 12), 50) for value in header]


def _xlsx_cell(sheet: Any, value: Any, bold: bool = False) -> Any:
    """A write-only cell: dates as real dates a spreadsheet can sort and filter."""
    value = cell(value)
    if not bold and not isinstance(value, datetime | date):
        return value
    made = WriteOnlyCell(sheet, value=value)
    if bold:
        made.font = Font(bold=True)
    if isinstance(value, datetime):
        made.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        made.number_format = "yyyy-mm-dd"
    return made


def write_xlsx(sheets: Iterable[tuple[str, Iterable[list[Any]]]]) -> Path:
    """An XLSX file of these sheets, written row by row (openpyxl's write-only mode). The first
    row of each sheet is its header: bold, frozen while scrolling, with a filter on every
    column, and the columns as wide as their labels."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=sheet_title(title))
        sheet.freeze_panes = "A2"
        count, columns = 0, 0
        for row in rows:
            if count == 0:
                columns = len(row)
                for index, width in enumerate(_widths(row), 1):
                    sheet.column_dimensions[get_column_letter(index)].width = width
                sheet.append([_xlsx_cell(sheet, value, bold=True) for value in row])
            else:
                sheet.append([_xlsx_cell(sheet, value) for value in row])
            count += 1
        if count and columns:
            sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{count}"
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
