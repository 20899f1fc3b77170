"""An app under gunicorn in its own processes, for the concurrency test and the load benchmark."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .databases import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def gunicorn(app: str, env: dict[str, str], workers: int, threads: int) -> Iterator[int]:
    """`app` ("module:variable") under the repo's gunicorn.conf.py with `env` added to this
    process's environment, in its own process group; yields the loopback port it listens on."""
    port = free_port()
    settings = {"WEB_CONCURRENCY": str(workers), "THREADS": str(threads)}
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter with fixed arguments
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), app],
            cwd=ROOT,
            env={**os.environ, **env, **settings, "BIND": f"127.0.0.1:{port}"},
            stdout=subprocess.DEVNULL,  # The access log: a line per request.
            stderr=log,
            start_new_session=True,
        )
        try:
            if not wait_for_port(port, server):
                log.seek(0)
                raise RuntimeError(f"gunicorn {app} did not start:\n{log.read().decode()}")
            yield port
        finally:
            _stop(server)
            # A worker's traceback (a 500) is shown with the failing test's captured output.
            log.seek(0)
            errors = log.read().decode(errors="replace")
            if "Traceback" in errors:
                sys.stderr.write(errors[-20000:])


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the gunicorn master and its workers (one process group); kill them if they linger."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(server.pid, sig)
            server.wait(timeout=30)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue
