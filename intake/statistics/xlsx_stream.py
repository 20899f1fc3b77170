"""XLSX written as it streams: the workbook's first bytes leave before its first row is read.

A workbook is a ZIP of XML parts. The styles go first (they depend on nothing), then each
sheet's XML row by row as the rows arrive, then the parts that name the sheets and their
filters, which only the end knows (openpyxl writes the parts in this order too). Memory holds
one chunk of XML and the compressor's window, however many rows.

Every cell passes through `cells.cell` (no formula, nothing XML cannot hold). Strings are
inline (`inlineStr`): a shared-strings table would have to be written after the sheet and
held in memory until then.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .cells import NOT_IN_XML, cell
from .zipstream import ZipStream

# What a sheet's name may not hold (besides what XML cannot), and its longest.
NOT_IN_SHEET_TITLE = re.compile(r"[\\*?:/\[\]]")
SHEET_TITLE_LENGTH = 31
CHUNK = 64 * 1024  # Bytes of XML compressed at a time, and of the response sent at a time.
CACHED = 256  # Cells kept per column (labels: a few dozen), made once and written many times.
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_TYPE = "application/vnd.openxmlformats-officedocument"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EPOCH = datetime(1899, 12, 30)  # Day 0 of Excel's 1900 date system (as it counts).
# Cell styles (cellXfs in STYLES): plain, bold heading, date, date and time.
BOLD, DATE, DATE_TIME = 1, 2, 3
STYLES = (
    f'{HEAD}<styleSheet xmlns="{MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
# Frozen first row: the heading stays in view while scrolling.
SHEET_START = (
    f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheetViews>'
    '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft"'
    ' state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
    '</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
)
# What XML would read as markup, and a carriage return (a reader would make it a line feed).
ESCAPES = {"\r": "&#13;"}


def sheet_title(title: str) -> str:
    """A name Excel accepts for a sheet (a translation may hold a slash, or be too long)."""
    title = NOT_IN_SHEET_TITLE.sub(" ", NOT_IN_XML.sub("", title))
    return title[:SHEET_TITLE_LENGTH].strip(" '") or "Sheet"


def column_letter(index: int) -> str:
    """A, B, ... Z, AA, ... for a column counted from 0."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def widths(header: list[Any]) -> list[float]:
    """Column widths from the header's labels (the rows stream by, unseen until written)."""
    return [min(max(len(str(value)) + 4, 12), 50) for value in header]


def _text(style: str, value: str) -> str:
    text = escape(value, ESCAPES)
    return f'{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _after_reference(value: Any, bold: bool = False) -> str:
    """A cell's XML after `<c r="B2"` (nothing for None or "", as openpyxl did): numbers as
    numbers, dates as dates, the rest as text; a heading's cells bold."""
    value = cell(value)
    if value is None or value == "":
        return ""
    style = f' s="{BOLD}"' if bold else ""
    if isinstance(value, bool):
        return f'{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float | Decimal):
        if not math.isfinite(value):
            return _text(style, str(value))  # A cell's number is never infinite, nor NaN.
        return f"{style}><v>{value}</v></c>"
    if isinstance(value, datetime):
        # A spreadsheet has no time zones: the time is shown as the export made it.
        days = (value.replace(tzinfo=None) - EPOCH) / timedelta(days=1)
        return f' s="{DATE_TIME}"><v>{days!r}</v></c>'
    if isinstance(value, date):
        return f' s="{DATE}"><v>{(value - EPOCH.date()).days}</v></c>'
    if isinstance(value, time):
        return _text(style, value.isoformat())
    return _text(style, str(value))


class _Made(dict[tuple[type, Any], str]):
    """One column's cells by value, each made once: most columns hold a few labels, repeated
    on every row. Bounded, since some hold a different text on every row."""

    def __missing__(self, key: tuple[type, Any]) -> str:
        made = _after_reference(key[1])
        if len(self) < CACHED and len(made) < 120:
            self[key] = made
        return made


class _Sheet:
    """What the workbook's parts need to know of a sheet once it has been written."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.rows = 0
        self.columns = 0

    @property
    def filter_range(self) -> str:
        return f"A1:{column_letter(self.columns - 1)}{self.rows}"

    def xml(self, rows: Iterable[list[Any]]) -> Iterator[bytes]:
        """The worksheet's XML in chunks of about CHUNK bytes, counting rows and columns."""
        rows = iter(rows)
        header = next(rows, None)
        parts = [SHEET_START]
        if header is not None:
            self.rows = 1
            self.columns = len(header)
            parts.append("<cols>")
            for number, width in enumerate(widths(header), 1):
                parts.append(
                    f'<col min="{number}" max="{number}" width="{width}" customWidth="1"/>'
                )
            parts.append('</cols><sheetData><row r="1">')
            for letter, value in zip(_letters(len(header)), header, strict=True):
                made = _after_reference(value, bold=True)
                parts.append(f'<c r="{letter}1"{made}' if made else "")
            parts.append("</row>")
        else:
            parts.append("<sheetData>")
        letters: list[str] = []
        by_column: list[_Made] = []
        size = 0
        for row in rows:
            self.rows += 1
            line = str(self.rows)
            if len(letters) < len(row):
                letters = _letters(len(row))
                by_column += [_Made() for _ in range(len(row) - len(by_column))]
            afters = [
                known[type(value), value] for known, value in zip(by_column, row, strict=False)
            ]
            made = "".join(
                f'<c r="{letter}{line}"{after}'
                for letter, after in zip(letters, afters, strict=False)
                if after
            )
            parts.append(f'<row r="{line}">{made}</row>')
            size += len(made)
            if size >= CHUNK:
                yield "".join(parts).encode()
                parts, size = [], 0
        parts.append("</sheetData>")
        if self.rows and self.columns:
            parts.append(f'<autoFilter ref="{self.filter_range}"/>')
        parts.append("</worksheet>")
        yield "".join(parts).encode()


def _letters(count: int) -> list[str]:
    return [column_letter(index) for index in range(count)]


def _unique(title: str, taken: set[str]) -> str:
    """The title, or with a number if another sheet has it (Excel ignores case here)."""
    made, number = title, 1
    while made.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        made = title[: 31 - len(suffix)] + suffix
    taken.add(made.casefold())
    return made


def _workbook(sheets: list[_Sheet]) -> str:
    listed = "".join(
        f'<sheet name={quoteattr(sheet.title)} sheetId="{number}" r:id="rId{number}"/>'
        for number, sheet in enumerate(sheets, 1)
    )
    # Excel keeps each sheet's filtered range as this hidden name; without it, it may repair.
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
        + escape("'" + sheet.title.replace("'", "''") + "'!" + _absolute(sheet.filter_range))
        + "</definedName>"
        for index, sheet in enumerate(sheets)
        if sheet.rows and sheet.columns
    )
    return (
        f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{listed}</sheets>'
        + (f"<definedNames>{names}</definedNames>" if names else "")
        + "</workbook>"
    )


def _absolute(cell_range: str) -> str:
    """ "A1:C9" as "$A$1:$C$9"."""
    return re.sub(r"([A-Z]+)([0-9]+)", r"$\1$\2", cell_range)


def _workbook_relationships(count: int) -> str:
    links = "".join(
        f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet"'
        f' Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    styles = (
        f'<Relationship Id="rId{count + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
    )
    return f'{HEAD}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{links}{styles}</Relationships>'


def _root_relationships() -> str:
    kind = f"{RELATIONSHIPS}/officeDocument"
    return (
        f'{HEAD}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{kind}" Target="xl/workbook.xml"/></Relationships>'
    )


def _content_types(count: int) -> str:
    sheet = f"{OFFICE_TYPE}.spreadsheetml.worksheet+xml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{sheet}"/>'
        for n in range(1, count + 1)
    )
    return (
        f'{HEAD}<Types xmlns="{TYPES}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE_TYPE}.spreadsheetml.'
        'sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{OFFICE_TYPE}.spreadsheetml.'
        'styles+xml"/>'
        f"{overrides}</Types>"
    )


def stream_xlsx(sheets: Iterable[tuple[str, Iterable[list[Any]]]]) -> Iterator[bytes]:
    """An XLSX workbook of these sheets in chunks of bytes, each sheet read row by row as the
    chunks are taken. The first row of a sheet is its heading: bold, frozen while scrolling,
    with a filter on every column, and the columns as wide as their labels."""
    archive = ZipStream()
    buffer = _Chunks()
    yield from buffer.add(archive.member("xl/styles.xml", [STYLES.encode()]))
    written: list[_Sheet] = []
    taken: set[str] = set()
    for title, rows in sheets:
        sheet = _Sheet(_unique(sheet_title(title), taken))
        written.append(sheet)
        path = f"xl/worksheets/sheet{len(written)}.xml"
        yield from buffer.add(archive.member(path, sheet.xml(rows)))
    count = len(written)
    parts = [
        ("xl/workbook.xml", _workbook(written)),
        ("xl/_rels/workbook.xml.rels", _workbook_relationships(count)),
        ("_rels/.rels", _root_relationships()),
        ("[Content_Types].xml", _content_types(count)),
    ]
    for path, text in parts:
        yield from buffer.add(archive.member(path, [text.encode()]))
    yield from buffer.add([archive.finish()])
    yield from buffer.rest()


class _Chunks:
    """Compressed bytes gathered into chunks of about CHUNK bytes, so the server writes to the
    network once per chunk; the first chunk goes as soon as it holds anything, so that the
    download starts at once (a proxy waiting for a first byte does not time out)."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []
        self.size = 0
        self.sent = False

    def add(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self.pieces.append(piece)
            self.size += len(piece)
            if self.size >= CHUNK or (not self.sent and self.size):
                yield self.rest_now()

    def rest_now(self) -> bytes:
        chunk = b"".join(self.pieces)
        self.pieces, self.size, self.sent = [], 0, True
        return chunk

    def rest(self) -> Iterator[bytes]:
        if self.pieces:
            yield self.rest_now()


def xlsx_bytes(sheets: Iterable[tuple[str, Iterable[list[Any]]]]) -> bytes:
    """XLSX of sheets, whole (for the command line and the small summary workbook)."""
    return b"".join(stream_xlsx(sheets))
