"""The receipt's words: nothing that alarms, wounds or mocks a resident can ever be drawn."""

from __future__ import annotations

import math
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from flask import Flask
from xkcdpass import xkcd_password

from intake import receipts

# Words a reviewer found missing from the first filter (the issue that moved the list to a file).
REPORTED_WORDS = [
    "ice",
    "frisk",
    "plead",
    "trial",
    "legal",
    "badge",
    "siren",
    "pork",
    "bacon",
    "cross",
    "curry",
    "kung",
    "chief",
]


def eff_words() -> list[str]:
    """Every line of the EFF short list shipped with xkcdpass."""
    path = Path(xkcd_password.locate_wordfile("eff-short"))
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


def listed_words() -> list[str]:
    """The words of the exclusion file as written, in order, repeats included."""
    text = (
        resources.files("intake").joinpath(receipts.EXCLUDED_WORDS_FILE).read_text(encoding="utf-8")
    )
    return [word for word in (line.split("#", 1)[0].strip() for line in text.splitlines()) if word]


@pytest.mark.parametrize("word", REPORTED_WORDS)
def test_words_named_in_the_issue_are_excluded(word: str) -> None:
    assert word in eff_words()
    assert word in listed_words()
    assert word in receipts.UNSUITABLE_WORDS
    assert word not in receipts._wordlist()


def test_the_exclusions_are_read_from_the_data_file() -> None:
    assert receipts.UNSUITABLE_WORDS == frozenset(listed_words())


def test_the_word_list_is_the_eff_list_less_the_file() -> None:
    words = receipts._wordlist()
    assert not set(words) & set(listed_words())
    expected = {word for word in eff_words() if word.isalpha()} - set(listed_words())
    assert set(words) == expected
    assert len(words) == len(set(words))


def test_no_excluded_word_is_ever_drawn(app: Flask) -> None:
    excluded = set(listed_words())
    drawn: set[str] = set()
    with app.app_context():
        for _ in range(3000):
            phrase = receipts.new_receipt("words").split(" ")
            assert len(phrase) == receipts.RECEIPT_WORDS
            drawn.update(phrase)
    assert not drawn & excluded
    assert drawn <= set(receipts._wordlist())
    # 18,000 draws from under 1,000 words reach nearly all of them: the filter was really exercised.
    assert len(drawn) > 0.9 * len(receipts._wordlist())


def test_the_list_keeps_enough_words_for_53_bits() -> None:
    assert len(receipts._wordlist()) >= receipts.MIN_WORDS
    assert receipts.RECEIPT_WORDS * math.log2(receipts.MIN_WORDS) >= 53


def test_the_data_file_lists_each_word_once() -> None:
    repeated = [word for word, count in Counter(listed_words()).items() if count > 1]
    assert not repeated


def test_the_data_file_lists_only_lowercase_eff_words() -> None:
    eff = set(eff_words())
    for word in listed_words():
        assert word == word.lower(), word
        assert " " not in word, word
        assert word in eff, f"{word!r} is not in the EFF short list (a typo?)"
