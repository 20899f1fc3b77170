"""The case-list XLSX streams: its first bytes leave before the rows are read, and what arrives
is a workbook spreadsheets open (bold frozen heading, filter, real dates and numbers)."""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import event, insert, select

from intake.extensions import db
from intake.models import Report
from intake.statistics.exports import BATCH
from intake.statistics.xlsx_stream import CHUNK, column_letter, stream_xlsx, xlsx_bytes

from .helpers import hate_answers

WORDS = ["عنصري", "仇恨", "혐오", "threat", "graffiti", "بيت", "车站", "neighbour", "شتم", "地铁"]
ARABIC = "كتبوا على باب بيتي كلمات عنصرية"
CHINESE = "有人在地铁站对我大喊大叫"


def copies(app: Flask, case_id: int, count: int) -> None:
    """`count` more cases like this one, each with its own words (so that the sheet does not
    compress to nothing), inserted in bulk: filing thousands one by one would take minutes."""
    rng = random.Random(20)  # noqa: S311 - repeatable test words, not secrets
    with app.app_context():
        table = Report.__table__
        original = dict(
            db.session.execute(select(table).where(table.c.id == case_id)).one()._mapping
        )
        del original["id"]
        rows = []
        for number in range(count):
            row = dict(original)
            row["record_number"] = f"C{number:09d}"
            row["case_number"] = f"9999-{number:06d}"
            row["narrative"] = " ".join(rng.choices(WORDS, k=60)) + f" {rng.random()}"
            rows.append(row)
        db.session.execute(insert(Report), rows)
        db.session.commit()


def test_the_case_xlsx_starts_before_its_rows_are_read(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    first = make_case(hate_answers(incident={"narrative": ARABIC}))
    copies(app, first, 4 * BATCH)
    batches = 4 + 1  # The copies and the first case, a batch's terms read at a time.
    supervisor = staff_browser("supervisor")
    read: list[int] = []

    def count_batches(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # Each batch of cases reads its terms once: how far the export has read.
        # (SQLite: IN the batch's ids; PostgreSQL: = ANY of them, as one array.)
        if "FROM report_term" in statement and re.search(
            r"report_term.report_id (IN|= ANY)", statement
        ):
            read.append(1)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count_batches)
    try:
        response = supervisor.client.get("/staff/cases/export.xlsx?personal=1")
        assert response.status_code == 200
        assert response.is_streamed
        chunks = iter(response.response)
        head = next(chunks)
        # The download has begun before a single case was read...
        assert head.startswith(b"PK\x03\x04")
        assert not read
        # ...and data keeps coming, a chunk at a time, while most cases are still unread.
        body = [head]
        arrived = []
        for chunk in chunks:
            body.append(chunk)
            arrived.append((len(chunk), len(read)))
        response.close()
    finally:
        event.remove(engine, "before_cursor_execute", count_batches)
    assert len(read) == batches
    early = [size for size, so_far in arrived if so_far < batches - 1]
    assert len(early) >= 2, arrived
    assert max(size for size, _ in arrived) < 2 * CHUNK
    data = b"".join(body)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet.max_row == 1 + 1 + 4 * BATCH
    heading = [cell.value for cell in sheet[1]]
    assert [cell.value for cell in sheet[2]][heading.index("What happened")] == ARABIC


def test_the_case_xlsx_is_a_workbook_to_work_with(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    make_case(
        hate_answers(incident={"narrative": CHINESE, "bias_categories": ["religion"]}),
        created_at=datetime(2026, 7, 10, 17, 30, 15, tzinfo=UTC),
        received_on=date(2026, 7, 10),
    )
    make_case(hate_answers(incident={"narrative": '=HYPERLINK("http://x")'}))
    supervisor = staff_browser("supervisor")
    response = supervisor.client.get("/staff/cases/export.xlsx?personal=1", buffered=True)
    assert response.mimetype.endswith("spreadsheetml.sheet")
    assert 'filename="cases-personal.xlsx"' in response.headers["Content-Disposition"]
    assert zipfile.ZipFile(io.BytesIO(response.data)).testzip() is None
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["Cases"]
    sheet = workbook.active
    assert sheet is not None
    heading = [cell.value for cell in sheet[1]]
    last = column_letter(len(heading) - 1)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{last}3"
    assert all(cell.font.b for cell in sheet[1])
    assert not sheet.cell(2, 1).font.b
    assert sheet.column_dimensions["A"].width >= 12
    rows = {row[heading.index("Case number")]: row for row in sheet.iter_rows(min_row=2)}
    chinese = next(
        row for row in rows.values() if row[heading.index("What happened")].value == CHINESE
    )
    received = chinese[heading.index("Received at")]
    assert received.value == datetime(2026, 7, 10, 12, 30, 15)  # Chicago time, a real date.
    assert received.number_format == "yyyy-mm-dd hh:mm"
    values = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert '\'=HYPERLINK("http://x")' in values
    assert not any(isinstance(value, str) and value.startswith("=") for value in values)


def test_the_case_xlsx_in_arabic_has_a_translated_sheet_and_text(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    make_case(hate_answers(incident={"narrative": ARABIC}))
    supervisor = staff_browser("supervisor")
    response = supervisor.client.get("/staff/cases/export.xlsx?personal=1&lang=ar", buffered=True)
    workbook = load_workbook(io.BytesIO(response.data))
    (name,) = workbook.sheetnames
    assert any("\u0600" <= letter <= "\u06ff" for letter in name)  # Its name is in Arabic.
    sheet = workbook.active
    assert sheet is not None
    assert ARABIC in [cell.value for cell in sheet[2]]


def counted(rows: list[list[Any]], taken: list[int]) -> Iterator[list[Any]]:
    for row in rows:
        taken.append(1)
        yield row


def test_the_writer_sends_in_chunks_as_rows_arrive() -> None:
    rng = random.Random(3)  # noqa: S311 - repeatable test words, not secrets
    rows = [["Number", "Words"]] + [
        [number, " ".join(rng.choices(WORDS, k=30))] for number in range(20_000)
    ]
    taken: list[int] = []
    seen = []
    for chunk in stream_xlsx([("Rows", counted(rows, taken))]):
        seen.append((len(chunk), len(taken)))
    assert seen[0][1] == 0  # The first bytes go before a row is read.
    assert sum(1 for _size, so_far in seen if so_far < len(rows) // 2) >= 3
    assert all(size < 2 * CHUNK for size, _ in seen)


def test_values_keep_their_kind() -> None:
    rows = [
        ["Text", "Int", "Float", "Decimal", "Yes", "Day", "Moment", "Empty", "Odd"],
        ["مرحبا 你好 <&>\r\nx", -3, 2.5, Decimal("1.25"), True, date(2026, 1, 2)],
        [
            "=1+1",
            10**12,
            float("inf"),
            None,
            False,
            None,
            datetime(2026, 7, 10, 12, 30),
            "",
            "\x00a",
        ],
    ]
    sheet = load_workbook(io.BytesIO(xlsx_bytes([("Values", rows)]))).active
    assert sheet is not None
    got = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert got[0] == rows[0]
    assert got[1][:6] == ["مرحبا 你好 <&>\r\nx", -3, 2.5, 1.25, True, datetime(2026, 1, 2)]
    assert got[2] == [
        "'=1+1",
        10**12,
        "inf",
        None,
        False,
        None,
        datetime(2026, 7, 10, 12, 30),
        None,
        "a",
    ]
    assert sheet["F2"].number_format == "yyyy-mm-dd"
    assert sheet.auto_filter.ref == "A1:I3"


def test_sheets_get_names_excel_accepts() -> None:
    data = xlsx_bytes([("Cases", [["a"]]), ("cases", [["b"]]), ("x" * 40, []), ("", [])])
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Cases", "cases (2)", "x" * 31, "Sheet"]
    assert workbook["Cases"]["A1"].value == "a"
    assert workbook["x" * 31].max_row == 1  # An empty sheet is a sheet still.
    assert [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist()][-1] == "[Content_Types].xml"


def test_column_letters() -> None:
    assert [column_letter(n) for n in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip
