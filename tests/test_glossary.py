"""The translation glossary, held as data beside the catalogs (translations/<lang>/glossary.tsv):
each row names English wording (a regular expression over msgids) and what every matching
translation must contain and must not contain, so a later edit cannot bring old wording back.

Columns, tab-separated: english, must_contain, must_not_contain, note. Alternatives within a
column are separated by " | "; an empty column checks nothing. Lines starting with # are notes.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from .helpers import TRANSLATED

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


@dataclass(frozen=True)
class Rule:
    english: re.Pattern[str]
    must_contain: tuple[str, ...]
    must_not_contain: tuple[str, ...]
    note: str


def _alternatives(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(" | ") if part.strip())


def rules(language: str) -> list[Rule]:
    path = TRANSLATIONS / language / "glossary.tsv"
    if not path.exists():
        return []
    found = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.reader(lines, delimiter="\t"):
            english, must, must_not, note = (row + ["", "", "", ""])[:4]
            found.append(
                Rule(
                    re.compile(english, re.IGNORECASE),
                    _alternatives(must),
                    _alternatives(must_not),
                    note,
                )
            )
    return found


def translations(language: str) -> list[tuple[str, str]]:
    """(msgid, every msgstr form joined) of a catalog."""
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else " ".join(message.id)
        text = message.string if isinstance(message.string, str) else " ".join(message.string)
        found.append((english, text))
    return found


def test_every_shipped_language_has_glossary_rows() -> None:
    for language in TRANSLATED:
        assert rules(language), f"translations/{language}/glossary.tsv has no rules"


def violations(rules: list[Rule], entries: list[tuple[str, str]]) -> list[str]:
    """Every way the entries break the rules (a rule that matches no msgid is one too)."""
    problems = []
    for rule in rules:
        matched = [(english, text) for english, text in entries if rule.english.search(english)]
        if not matched:
            problems.append(f"no msgid matches {rule.english.pattern!r} ({rule.note})")
        for english, text in matched:
            if rule.must_contain and not any(word in text for word in rule.must_contain):
                problems.append(f"{english!r}: needs one of {rule.must_contain} ({rule.note})")
            for word in rule.must_not_contain:
                if word in text:
                    problems.append(f"{english!r}: must not say {word!r} ({rule.note})")
    return problems


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_glossary_term_keeps_its_rendering(language: str) -> None:
    problems = violations(rules(language), translations(language))
    assert not problems, f"{language}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_catalog_is_a_draft_or_signed_off(language: str) -> None:
    """translations/README.md: the header says NEEDS REVIEW until a translator signs it off."""
    path = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    header = path.read_text(encoding="utf-8").split("\nmsgid", 1)[0]
    draft = "# NEEDS REVIEW by a qualified translator" in header
    signed = re.search(r"^# Signed off by .+, .+, on \d{4}-\d{2}-\d{2}\.$", header, re.MULTILINE)
    assert draft != bool(signed), f"{language}: the header must say NEEDS REVIEW or Signed off"


def test_a_broken_rule_is_caught() -> None:
    """The check itself fails where it should: old wording, missing wording, a stale rule."""
    rule = Rule(re.compile("^Start a report$"), ("Почати",), ("Подати",), "uk button")
    assert violations([rule], [("Start a report", "Почати звернення")]) == []
    assert len(violations([rule], [("Start a report", "Подати звернення")])) == 2
    assert violations([rule], [("Something else", "x")]) == [
        "no msgid matches '^Start a report$' (uk button)"
    ]


def test_no_template_writes_its_own_colon_after_a_label() -> None:
    """zh and ko write "：": a label and its value go through `labelled` (or the same message)."""
    templates = Path(__file__).resolve().parent.parent / "templates"
    found = [
        f"{path.relative_to(templates)}:{number}"
        for path in sorted(templates.rglob("*.*"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\) \}\}\s*:", line)
    ]
    assert found == []


def test_chinese_pages_use_the_full_width_colon(resident: Any) -> None:
    resident.get("/report/kind?lang=zh")
    empty = resident.post("/report/kind", {}).get_data(as_text=True)
    summary = empty.split('class="error-summary"', 1)[1].split("</ul>", 1)[0]
    assert "：" in summary
    assert ": " not in summary


def test_change_links_are_named_in_the_languages_order(app: Any) -> None:
    """ "Change" and what it changes are one message: Korean reads the object first."""
    from .test_dates import reviewed

    korean = reviewed(app, "ko", "9")
    assert "</bdi></span> 변경</a>" in korean
    english = reviewed(app, "en", "9")
    assert 'Change <span class="visually-hidden"><bdi>' in english
