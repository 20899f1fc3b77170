"""A throw-away Redis server (Debian's redis-server) on a loopback port, for the shared
rate-limit counters that several gunicorn workers use in production."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from .databases import free_port, wait_for_port


@contextmanager
def redis_server() -> Iterator[str]:
    """Yield the redis:// URL of a private server with no persistence; skip (fail under CI)
    when redis-server is not installed."""
    binary = shutil.which("redis-server")
    if binary is None:
        reason = "redis-server is not installed (apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(f"Rate-limit tests cannot run in CI: {reason}")
        pytest.skip(reason)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="intake-redis-") as folder:
        server = subprocess.Popen(  # noqa: S603 - the system's redis-server, fixed arguments
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                folder,
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if not wait_for_port(port, server, seconds=30):
                raise RuntimeError("redis-server did not start")
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            server.wait(timeout=30)
