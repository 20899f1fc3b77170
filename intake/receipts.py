"""Record numbers and secret receipts: how a resident, even an anonymous one, finds their report.

The record number is public and random (it says nothing about how many reports there are). The
receipt is secret: six diceware words or sixteen digits drawn with `secrets`, shown once, and
stored only as argon2id over an HMAC with the server's pepper. A stolen database gives neither the
receipts nor a way to test guesses without the pepper.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

import argon2
from argon2 import Parameters, PasswordHasher, profiles
from flask import current_app
from xkcdpass import xkcd_password

from .crypto import keyed_hash, pepper_version, peppers
from .extensions import db
from .models import Report

# Crockford's base32: no I, L, O or U, so a number read aloud or copied by hand stays unambiguous.
RECORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECORD_PATTERN = re.compile(r"^HR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
RECEIPT_WORDS = 6
RECEIPT_DIGITS = 16


# Words a person who reports hate or discrimination should never find in their receipt, left out
# of the EFF short list: police and immigration enforcement, courts, violence, weapons, illness and
# the body, sex, religion, food taboos, slurs and stereotypes, insults, money trouble, threats.
# They live in a data file, one word a line and grouped by reason, so reviewers can read them.
EXCLUDED_WORDS_FILE = "data/receipt_words_excluded.txt"


def _excluded_words() -> frozenset[str]:
    """The words of EXCLUDED_WORDS_FILE: one a line, blank lines and "#" comments skipped."""
    text = resources.files(__package__).joinpath(EXCLUDED_WORDS_FILE).read_text(encoding="utf-8")
    return frozenset(
        word for word in (line.split("#", 1)[0].strip() for line in text.splitlines()) if word
    )


UNSUITABLE_WORDS = _excluded_words()
# The list keeps 874 of the EFF list's 1,296 words today: six drawn from 874 carry
# 6 × log2(874) ≈ 58.6 bits. Refuse to draw from fewer than 850 (≈ 58.4 bits), well above the
# 53 bits every receipt must keep (sixteen digits carry 53.2; six words need 457 for 53).
MIN_WORDS = 850


@cache
def _wordlist() -> tuple[str, ...]:
    """The EFF short diceware list shipped with xkcdpass, less the unsuitable words."""
    path = Path(xkcd_password.locate_wordfile("eff-short"))
    words = tuple(
        word
        for word in (line.strip() for line in path.read_text().splitlines())
        if word.isalpha() and word not in UNSUITABLE_WORDS
    )
    if len(words) < MIN_WORDS:
        raise RuntimeError("the receipt word list is too short to be safe")
    return words


def new_record_number() -> str:
    """A fresh random record number such as HR-7K3M-9QX2 (40 bits; collisions are retried)."""
    chars = "".join(secrets.choice(RECORD_ALPHABET) for _ in range(8))
    return f"HR-{chars[:4]}-{chars[4:]}"


def ascii_digits(value: str) -> str:
    """NFKC, then every decimal digit of any script as ASCII: a phone keyboard in Arabic, Urdu,
    Hindi or full-width Chinese types ١٢٣, ۱۲۳, १२३ or １２３ for 123."""
    text = unicodedata.normalize("NFKC", value)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def normalize_record_number(value: str) -> str:
    """Accept what people type: lower case, spaces, missing dashes, O for 0, I or L for 1, and
    digits of any script."""
    text = re.sub(r"[^0-9A-Za-z]", "", ascii_digits(value)).upper()
    if text.startswith("HR"):
        text = text[2:]
    text = text.translate(str.maketrans("OIL", "011"))
    return f"HR-{text[:4]}-{text[4:]}" if len(text) == 8 else ""


def new_receipt(kind: str) -> str:
    """A secret receipt: six words separated by spaces, or sixteen digits in groups of four."""
    if kind == "digits":
        digits = "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))
        return " ".join(digits[i : i + 4] for i in range(0, RECEIPT_DIGITS, 4))
    words = _wordlist()
    return " ".join(secrets.choice(words) for _ in range(RECEIPT_WORDS))


def normalize_receipt(value: str) -> str:
    """The canonical form that is hashed: ASCII digits alone, or lower-case words split by one
    space. ASCII input gives what it always gave, so stored hashes keep verifying."""
    value = ascii_digits(value)
    compact = re.sub(r"[\s\-.,]+", "", value)
    if compact.isascii() and compact.isdigit():
        return compact
    return " ".join(re.findall(r"[^\W\d_]+", value.casefold()))


# OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane (about 20 ms here; RFC 9106's low-memory
# profile took 140 ms and capped the whole server at ~6 reports a second). A receipt is random
# (at least 53 bits) and peppered before hashing, so the hash's cost matters only to someone who
# holds both the database and the pepper; at this cost guessing one receipt still takes millions
# of CPU-years. Stored hashes carry their own parameters and keep verifying.
OWASP = replace(profiles.RFC_9106_LOW_MEMORY, time_cost=2, memory_cost=19 * 1024, parallelism=1)


def _parameters(name: str) -> Parameters:
    """A profile by name: "OWASP", or one of argon2.profiles (CHEAPEST is for tests)."""
    parameters: Parameters = OWASP if name == "OWASP" else getattr(profiles, name)
    return parameters


def _hasher() -> PasswordHasher:
    return PasswordHasher.from_parameters(_parameters(current_app.config["RECEIPT_HASH_PROFILE"]))


# How a receipt becomes the text that is hashed, by version. Each report stores the version that
# made its hash (report.receipt_version), so a new normalisation is a new entry here and the old
# reports keep opening with the old one. Never change an entry once reports use it.
NORMALIZATIONS: dict[int, Callable[[str], str]] = {1: normalize_receipt}
RECEIPT_VERSION = max(NORMALIZATIONS)


def _peppered(receipt: str, version: int, pepper: int | None = None) -> str:
    return keyed_hash(NORMALIZATIONS[version](receipt), "receipt", pepper)


def hash_receipt(receipt: str) -> tuple[str, int]:
    """The slow, keyed hash stored in place of the receipt (with the newest pepper), and the
    normalisation version that made it."""
    return _hasher().hash(_peppered(receipt, RECEIPT_VERSION)), RECEIPT_VERSION


def stamp_receipt(report: Report, receipt: str) -> None:
    """Store the hash of `report`'s receipt, with the versions that made it."""
    report.receipt_hash, report.receipt_version = hash_receipt(receipt)
    report.pepper_version = pepper_version()


def verify_receipt(
    stored_hash: str, receipt: str, version: int = RECEIPT_VERSION, pepper: int | None = None
) -> bool:
    """Whether `receipt` is the one that made `stored_hash` (with normalisation `version` and
    pepper version `pepper`, the newest by default)."""
    if version not in NORMALIZATIONS or (pepper is not None and pepper not in peppers()):
        return False
    try:
        return _hasher().verify(stored_hash, _peppered(receipt, version, pepper))
    except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
        return False


@cache
def _decoy_hash(profile: str, pepper: str) -> str:
    """A hash to check against when no report matches, so both answers take the same time."""
    return PasswordHasher.from_parameters(_parameters(profile)).hash(pepper + "decoy")


def find_report(record_number: str, receipt: str) -> Report | None:
    """The report that this record number and receipt open, or None for any wrong pair.

    Whether the record number exists is not revealed: a missing record costs one hash too.
    """
    number = normalize_record_number(record_number)
    report: Report | None = None
    if number:
        report = db.session.scalars(
            db.select(Report).where(Report.record_number == number)
        ).one_or_none()
    if report is None:
        config = current_app.config
        decoy = _decoy_hash(config["RECEIPT_HASH_PROFILE"], str(config["HASH_PEPPER"]))
        verify_receipt(decoy, receipt)
        return None
    if not verify_receipt(
        report.receipt_hash, receipt, report.receipt_version, report.pepper_version
    ):
        return None
    if (report.receipt_version, report.pepper_version) != (RECEIPT_VERSION, pepper_version()):
        # The resident typed the receipt: hash it again the current way, so an old pepper or
        # normalisation can be retired once no report needs it.
        stamp_receipt(report, receipt)
        db.session.commit()
    return report
