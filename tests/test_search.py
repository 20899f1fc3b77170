"""Search as staff type it: accents and case ignored, the start of a case or record number,
and one- or two-character words in Chinese and Korean; on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from intake.cases import listing
from intake.extensions import db
from intake.models import Report

from .helpers import hate_answers, statements_sent


def story(text: str) -> dict[str, dict[str, Any]]:
    return hate_answers(incident={"narrative": text})


@pytest.fixture
def cases(app: Flask, make_case: Any) -> dict[str, int]:
    return {
        "bus": make_case(story("Nos gritaron en el autobús de la línea 9")),
        "polish": make_case(story("Zaczepili nas w Łodzi przy sklepie")),
        "chinese": make_case(story("我在公交车上被骂了")),
        "korean": make_case(story("버스에서 욕을 들었습니다")),
        "other": make_case(story("Someone painted a slur on the door")),
    }


def found(browser: Any, query: str) -> set[int]:
    page = browser.get("/staff/cases", query_string={"q": query}).get_data(as_text=True)
    return {int(number) for number in re.findall(r'href="/staff/cases/(\d+)"', page)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("autobus", "bus"),
        ("AUTOBÚS", "bus"),
        ("linea", "bus"),
        ("Łodzi", "polish"),
        ("公交", "chinese"),
        ("骂", "chinese"),
        ("버스", "korean"),
        # Longer Chinese words; characters that are all there but not side by side are not.
        ("被骂了", "chinese"),
        ("公交车上被骂", "chinese"),
        ("上骂", None),
        # Short words are words (or how one starts), from the index, in any script.
        ("en", "bus"),
        ("9", "bus"),
        ("w", "polish"),
        ("línea 9", "bus"),
    ],
)
def test_words_are_found_whatever_the_accents_case_or_script(
    staff_browser: Any, cases: dict[str, int], query: str, expected: str | None
) -> None:
    assert found(staff_browser("supervisor"), query) == ({cases[expected]} if expected else set())


def test_a_changed_narrative_is_found_by_its_new_words_only(
    app: Flask, staff_browser: Any, cases: dict[str, int]
) -> None:
    with app.app_context():
        report = db.session.get(Report, cases["chinese"])
        assert report is not None
        report.narrative = "房东不给我修暖气 DJ"
        db.session.commit()
    browser = staff_browser("supervisor")
    assert found(browser, "房东") == {cases["chinese"]}
    assert found(browser, "dj") == {cases["chinese"]}
    assert found(browser, "公交") == set()
    assert found(browser, "骂") == set()


def test_the_start_of_a_record_or_case_number_finds_the_case(
    app: Flask, staff_browser: Any, cases: dict[str, int]
) -> None:
    with app.app_context():
        report = db.session.get(Report, cases["chinese"])
        assert report is not None
        record, case = report.record_number, report.case_number
    browser = staff_browser("supervisor")
    assert cases["chinese"] in found(browser, record[:7].lower())
    assert cases["chinese"] in found(browser, record[:9])
    assert found(browser, case) == {cases["chinese"]}


def is_postgresql(app: Flask) -> bool:
    with app.app_context():
        return db.engine.dialect.name == "postgresql"


def plan_on_postgresql(app: Flask, statement: str, parameters: Any) -> str:
    """PostgreSQL's plan for a statement the app sent, as if the table were large (a test's
    few cases would be read whole)."""
    with app.app_context():
        connection = db.session.connection()
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        rows = connection.exec_driver_sql("EXPLAIN " + statement, parameters)
        plan = "\n".join(str(row[0]) for row in rows)
        db.session.rollback()
    return plan


def test_a_short_word_among_longer_ones_narrows_the_search_from_their_cases(
    app: Flask, make_case: Any, staff_browser: Any
) -> None:
    """PostgreSQL checks a short word ("en") in the cases the longer words find, rather than
    merging from the index every word that starts so ("en:*" at a million cases is hundreds
    of thousands); what a search finds is the same on both databases."""
    both = make_case(story("Nos gritaron en el autobús"))
    longer_only = make_case(story("Nos gritaron desde el autobús"))
    make_case(story("Someone painted a slur on the door"))
    browser = staff_browser("supervisor")
    with statements_sent(app, "SELECT count(*)") as counts:
        assert found(browser, "gritaron en") == {both}
    assert found(browser, "gritaron") == {both, longer_only}
    assert found(browser, "en gritaron autobus") == {both}
    if not is_postgresql(app):
        return
    plan = plan_on_postgresql(app, *counts[0])
    index = [line for line in plan.splitlines() if "Index Cond" in line]
    assert index, plan
    assert "gritaron" in index[0]
    assert "'en'" not in index[0]
    assert "ts_match_vq" in plan


def test_among_many_matches_the_list_is_read_in_its_order(
    app: Flask, make_case: Any, staff_browser: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the list is read in its order among more matches than it counts, each case is
    checked against the words; PostgreSQL may not fetch every match from the index and sort
    them (its guess for two words that go together, "wheelchair ramp", was 1,094 of 21,681 at
    a million cases). Among fewer, counted whole, its own fetch and sort of them is cheaper
    than reading the list in order, so the index stays its to use."""
    wanted = [
        make_case(story(f"They would not build a wheelchair ramp 坡道, {n}.")) for n in range(3)
    ]
    make_case(story("Someone painted a slur on the door"))
    monkeypatch.setattr(listing, "MANY_MATCHES", 1)
    app.config["CASE_COUNT_LIMIT"] = 2
    browser = staff_browser("supervisor")
    page = "SELECT report.id, report.record_number"
    with statements_sent(app, page) as pages:
        assert found(browser, "wheelchair ramp") == set(wanted)
        assert found(browser, "ramp 坡道") == set(wanted)
        assert found(browser, "ramp 楼梯") == set()
    if not is_postgresql(app):
        return
    for statement, parameters in pages:
        plan = plan_on_postgresql(app, statement, parameters)
        assert "ix_report_search_vector" not in plan, plan
    app.config["CASE_COUNT_LIMIT"] = 10
    monkeypatch.setattr(listing, "SORT_COST", dict.fromkeys(listing.SORT_COST, 10**9))
    with statements_sent(app, page) as pages:
        assert found(browser, "wheelchair ramp") == set(wanted)
    assert "@@" in pages[0][0]
    assert "ts_match_vq" not in pages[0][0]
