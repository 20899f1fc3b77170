"""Record numbers and receipts: random, forgiving to type, and impossible to read back."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import select

from intake import receipts
from intake.extensions import db
from intake.models import Report

from .helpers import Resident, database_text, hate_answers


@pytest.fixture
def filed(app: Flask, resident: Resident) -> tuple[str, str]:
    page = resident.file(hate_answers()).get_data(as_text=True)
    phrase = re.search(r'class="receipt__code"[^>]*>([a-z ]+)</p>', page)
    assert phrase
    with app.app_context():
        number = db.session.scalars(select(Report.record_number)).one()
    return number, phrase.group(1)


def test_lookup_opens_the_report_with_its_receipt(app: Flask, filed: tuple[str, str]) -> None:
    number, phrase = filed
    with app.app_context():
        report = receipts.find_report(number, phrase)
        assert report is not None
        assert report.record_number == number


@pytest.mark.parametrize(
    "typed",
    [
        lambda number, phrase: (number.lower().replace("-", " "), phrase.upper()),
        lambda number, phrase: (number.replace("-", ""), "  " + phrase.replace(" ", "-") + " "),
    ],
)
def test_lookup_forgives_case_spaces_and_dashes(
    app: Flask, filed: tuple[str, str], typed: object
) -> None:
    number, phrase = typed(*filed)  # type: ignore[operator]
    with app.app_context():
        assert receipts.find_report(number, phrase) is not None


def test_lookup_refuses_wrong_pairs(app: Flask, filed: tuple[str, str]) -> None:
    number, phrase = filed
    words = phrase.split()
    with app.app_context():
        assert receipts.find_report(number, " ".join(words[:-1])) is None
        assert receipts.find_report(number, " ".join([*words[:-1], "zebra"])) is None
        assert receipts.find_report("HR-0000-0000", phrase) is None
        assert receipts.find_report("not a number", phrase) is None
        assert receipts.find_report(number, "") is None


def test_only_a_slow_keyed_hash_is_stored(app: Flask, filed: tuple[str, str]) -> None:
    number, phrase = filed
    with app.app_context():
        stored = db.session.scalars(select(Report.receipt_hash)).one()
        assert stored.startswith("$argon2id$")
        for word in phrase.split():
            assert word not in stored
        assert phrase not in database_text(app)
        # Without the server's pepper, the hash does not verify the receipt.
        app.config["HASH_PEPPER"] = "another-pepper"
        assert receipts.find_report(number, phrase) is None


def test_record_numbers_are_random_and_well_formed() -> None:
    numbers = {receipts.new_record_number() for _ in range(500)}
    assert len(numbers) == 500
    assert all(receipts.RECORD_PATTERN.match(number) for number in numbers)
    assert not any(ch in "ILOU" for number in numbers for ch in number[3:])


def test_receipt_words_leave_out_distressing_words(app: Flask) -> None:
    with app.app_context():
        words = set(receipts._wordlist())
    assert len(words) >= receipts.MIN_WORDS
    assert not words & {"hate", "riot", "islam", "visa", "alien", "evict", "grave", "slain"}
    phrase = receipts.new_receipt("words").split()
    assert len(phrase) == 6
    assert set(phrase) <= words


def test_digit_receipts_have_sixteen_digits() -> None:
    receipt = receipts.new_receipt("digits")
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", receipt)
    assert receipts.normalize_receipt(receipt) == receipt.replace(" ", "")


def test_typed_record_numbers_are_normalised() -> None:
    assert receipts.normalize_record_number("hr 7k3m 9qx2") == "HR-7K3M-9QX2"
    assert receipts.normalize_record_number("7K3M-9QXO") == "HR-7K3M-9QX0"
    assert receipts.normalize_record_number("HR-123") == ""


def test_receipts_hash_at_owasp_cost_and_older_hashes_still_open(app: Flask) -> None:
    receipt = receipts.new_receipt("digits")
    with app.app_context():
        app.config["RECEIPT_HASH_PROFILE"] = "RFC_9106_LOW_MEMORY"
        older, _version = receipts.hash_receipt(receipt)
        app.config["RECEIPT_HASH_PROFILE"] = "OWASP"
        current, version = receipts.hash_receipt(receipt)
        assert version == receipts.RECEIPT_VERSION
        assert "$m=65536,t=3,p=4$" in older
        assert "$m=19456,t=2,p=1$" in current
        assert receipts.verify_receipt(older, receipt)
        assert receipts.verify_receipt(current, receipt)
        assert not receipts.verify_receipt(current, receipts.new_receipt("digits"))


def test_each_report_keeps_the_receipt_version_that_made_its_hash(
    app: Flask, resident: Resident
) -> None:
    page = resident.file(hate_answers(), receipt_kind="digits").get_data(as_text=True)
    code = re.search(r'class="receipt__code"[^>]*>([\d ]+)</p>', page)
    assert code
    with app.app_context():
        report = db.session.scalars(select(Report)).one()
        assert report.receipt_version == receipts.RECEIPT_VERSION
        # A version this code does not know opens nothing, rather than guessing.
        assert not receipts.verify_receipt(report.receipt_hash, code.group(1), 99)
        assert receipts.find_report(report.record_number, code.group(1)) is not None
        report.receipt_version = 99
        db.session.commit()
        assert receipts.find_report(report.record_number, code.group(1)) is None
