"""The portal as deployed: gunicorn with several workers, INTAKE_ENV=production, behind one
reverse proxy that sets X-Forwarded-For, with rate-limit counters shared in Redis."""

from __future__ import annotations

import secrets
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from flask import Flask

from .helpers import CSRF_INPUT
from .redis_server import redis_server
from .serving import gunicorn


def production_env(app: Flask, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "INTAKE_ENV": "production",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "SECRET_KEY": secrets.token_urlsafe(32),
        "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "HASH_PEPPER": secrets.token_urlsafe(32),
        **extra,
    }


def _open(request: urllib.request.Request) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            cookie = response.headers.get("Set-Cookie", "")
            return int(response.status), response.read().decode(), cookie
    except urllib.error.HTTPError as error:
        with error:
            return int(error.code), error.read().decode(), ""


def sign_in_attempt(base: str, forwarded_for: str, email: str = "a@b.example") -> int:
    """A wrong password from one client, as the proxy passes it on (over HTTPS to the client,
    so the session cookie is Secure and is sent back by hand)."""
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": forwarded_for}
    url = base + "/staff/sign-in"
    _status, page, cookie = _open(urllib.request.Request(url, headers=headers))  # noqa: S310
    token = CSRF_INPUT.search(page)
    assert token, page
    body = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "email": email, "password": "wrong"}
    ).encode()
    headers["Cookie"] = cookie.split(";", 1)[0]
    # What a browser sends under Referrer-Policy: same-origin (checked over HTTPS).
    headers["Referer"] = url.replace("http://", "https://")
    status, _page, _cookie = _open(urllib.request.Request(url, data=body, headers=headers))  # noqa: S310
    return status


@pytest.fixture
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


def test_limits_count_each_client_behind_the_proxy(
    app: Flask, tmp_path: Path, redis_url: str
) -> None:
    env = production_env(
        app,
        tmp_path,
        TRUSTED_PROXIES="1",
        RATELIMIT_STORAGE_URI=redis_url,
        SIGN_IN_RATE_LIMIT="3 per 15 minutes",
    )
    with gunicorn("wsgi:app", env, workers=2, threads=2) as port:
        base = f"http://127.0.0.1:{port}"
        # One client fails three times (whichever worker answers), then is refused...
        statuses = [sign_in_attempt(base, "198.51.100.1") for _ in range(4)]
        assert statuses[:3] == [200, 200, 200]
        assert statuses[3] == 429
        # ...while other residents and staff behind the same proxy are not.
        assert sign_in_attempt(base, "198.51.100.2", "other@b.example") == 200
        # A client cannot escape its count by sending its own X-Forwarded-For: the proxy
        # appends the real address, and only the proxy's (last) entry is trusted.
        assert sign_in_attempt(base, "203.0.113.50, 198.51.100.1", "third@b.example") == 429
        with urllib.request.urlopen(base + "/", timeout=30) as response:  # noqa: S310
            assert "max-age=" in response.headers["Strict-Transport-Security"]
    # The shared counters name no one: no address and no email in any key.
    import redis

    keys = b" ".join(redis.Redis.from_url(redis_url).keys("*")).decode()
    assert "sign-in" in keys
    for personal in ("198.51.100", "a@b.example", "other@b.example"):
        assert personal not in keys


def test_without_trusted_proxies_forwarded_headers_are_ignored(
    app: Flask, tmp_path: Path, redis_url: str
) -> None:
    env = production_env(
        app, tmp_path, RATELIMIT_STORAGE_URI=redis_url, SIGN_IN_RATE_LIMIT="2 per 15 minutes"
    )
    with gunicorn("wsgi:app", env, workers=2, threads=2) as port:
        base = f"http://127.0.0.1:{port}"
        tries = [sign_in_attempt(base, f"192.0.2.{n}", f"{n}@b.example") for n in range(3)]
        assert tries == [200, 200, 429]


def test_production_refuses_per_process_counters_with_several_workers(
    app: Flask, tmp_path: Path
) -> None:
    env = production_env(app, tmp_path, RATELIMIT_STORAGE_URI="memory://")
    with pytest.raises(RuntimeError, match="RATELIMIT_STORAGE_URI"):
        with gunicorn("wsgi:app", env, workers=2, threads=1):
            pass
