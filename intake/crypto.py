"""Encryption at rest for residents' details and free texts, and keyed hashes for lookups.

Encrypted columns use Fernet (AES-128-CBC + HMAC) under FIELD_ENCRYPTION_KEY; several
comma-separated keys may be given, the first encrypting and all decrypting, so keys can be rotated
(`flask keys rotate` re-encrypts everything with the first, then the others can be removed).
Lookup hashes are HMAC-SHA256 under HASH_PEPPER: equal inputs match, and nothing reverses them.
HASH_PEPPER may list versioned peppers, newest first ("2:new,1:old"; a bare value is version 1):
new hashes use the newest, and what was hashed with an older one records its version.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from flask import current_app
from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def _fernet() -> MultiFernet:
    keys = str(current_app.config["FIELD_ENCRYPTION_KEY"]).split(",")
    return MultiFernet([Fernet(key.strip().encode()) for key in keys if key.strip()])


def encrypt(value: str) -> str:
    """Encrypt a text for storage."""
    return _fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """Decrypt a text written by `encrypt`."""
    return _fernet().decrypt(token.encode("ascii")).decode("utf-8")


def rotate(token: str) -> str:
    """The same text encrypted again under the newest key."""
    return _fernet().rotate(token.encode("ascii")).decode("ascii")


def peppers() -> dict[int, bytes]:
    """Every configured pepper by version, the newest first."""
    found: dict[int, bytes] = {}
    for item in str(current_app.config["HASH_PEPPER"]).split(","):
        version, colon, secret = item.strip().partition(":")
        if colon and version.isdigit():
            found[int(version)] = secret.encode("utf-8")
        elif item.strip():
            found[1] = item.strip().encode("utf-8")
    return found


def pepper_version() -> int:
    """The version of the pepper new hashes use."""
    return next(iter(peppers()))


def keyed_hash(value: str, purpose: str, version: int | None = None) -> str:
    """An HMAC of `value` under the server's pepper (the newest, or `version`), separated by
    `purpose`. An unknown version raises KeyError."""
    configured = peppers()
    pepper = configured[version if version is not None else next(iter(configured))]
    key = hmac.new(pepper, purpose.encode("utf-8"), hashlib.sha256).digest()
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def email_hash(email: str) -> str:
    """The lookup hash of an email address, case and surrounding spaces ignored."""
    return keyed_hash(email.strip().casefold(), "email")


class EncryptedText(TypeDecorator[str]):
    """A text column stored encrypted; reads give back the plain text."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        """Encrypt on the way into the database."""
        if value is None or value == "":
            return None
        return encrypt(str(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        """Decrypt on the way out."""
        if value is None:
            return None
        return decrypt(str(value))
