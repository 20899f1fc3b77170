"""Staff passwords: argon2id hashes, and a policy a person can follow."""

from __future__ import annotations

import secrets
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

MIN_LENGTH = 12
# The most common passwords of 12 characters or more, which a length rule alone lets through.
COMMON = frozenset(
    """
    123456789012 1234567890123 password1234 password12345 passwordpassword qwertyuiopas
    qwerty123456 qwertyuiop12 iloveyou1234 welcome12345 letmein12345 administrator
    abc123456789 111111111111 000000000000 123123123123 aaaaaaaaaaaa chicago12345
    chicagochicago changeme1234 p@ssw0rd1234 password123! password2024 password2025
    password2026 welcome2024! welcome2025! welcome2026! summer2025!! winter2025!!
    commission123 humanrights1 humanrights123 football1234 baseball1234 sunshine1234
    princess1234 monkey123456 dragon123456 trustno1trustno1 master123456 superman1234
""".split()
)


@cache
def _hasher_for(profile: str) -> PasswordHasher:
    return PasswordHasher.from_parameters(getattr(profiles, profile))


def _hasher() -> PasswordHasher:
    """argon2id at the configured cost: RFC 9106's low-memory profile (argon2's default), or
    CHEAPEST in the tests. Stored hashes carry their parameters, so a change keeps them valid."""
    return _hasher_for(current_app.config["PASSWORD_HASH_PROFILE"])


def hash_password(password: str) -> str:
    """The argon2id hash to store."""
    return _hasher().hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether `password` matches the stored hash."""
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash(profile: str) -> str:
    return _hasher_for(profile).hash(secrets.token_urlsafe(16))


def waste_time(password: str) -> None:
    """Spend one verification when there is no account, so timing does not tell."""
    verify_password(_dummy_hash(current_app.config["PASSWORD_HASH_PROFILE"]), password)


def policy_problem(password: str, email: str = "") -> LazyString | None:
    """Why a new password is not good enough, or None."""
    if len(password) < MIN_LENGTH:
        return _l("Use at least %(count)d characters.", count=MIN_LENGTH)
    lowered = password.casefold()
    if lowered in COMMON or len(set(lowered)) < 4:
        return _l("This password is too common. Choose another one.")
    local = email.split("@")[0].casefold()
    if len(local) >= 4 and local in lowered:
        return _l("Do not use your email address in your password.")
    return None


def temporary_password() -> str:
    """A random password for a new or reset account, to be changed at first sign-in."""
    return secrets.token_urlsafe(12)
