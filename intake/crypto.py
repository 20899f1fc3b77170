"""Encryption at rest for residents' contact details, and keyed hashes for lookups.

Contact fields are encrypted with Fernet (AES-128-CBC + HMAC) under FIELD_ENCRYPTION_KEY; several
comma-separated keys may be given, the first encrypting and all decrypting, so keys can be rotated.
Lookup hashes are HMAC-SHA256 under HASH_PEPPER: equal inputs match, and nothing reverses them.
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


def keyed_hash(value: str, purpose: str) -> str:
    """An HMAC of `value` under the server's pepper, separated by `purpose`."""
    pepper = str(current_app.config["HASH_PEPPER"]).encode("utf-8")
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
