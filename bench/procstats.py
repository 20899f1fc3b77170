"""What a gunicorn server costs, read from /proc: its workers' CPU time and private memory.

The server runs in its own processes (tests/serving.py); its processes are found by the BIND
address in their environment (every gunicorn process inherits it), the workers being the
children of the master. Linux only.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    """Fields of /proc/<pid>/stat after the command name (which may hold spaces)."""
    text = (PROC / str(pid) / "stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def server_processes(port: int, workers: int, wait: float = 60) -> tuple[int, list[int]]:
    """(master pid, worker pids) of the gunicorn listening on 127.0.0.1:`port`, once all
    `workers` have started (the master listens before it forks them)."""
    deadline = time.monotonic() + wait
    while True:
        master, found = _server_processes(port)
        if len(found) >= workers or time.monotonic() > deadline:
            return master, found
        time.sleep(0.1)


def _server_processes(port: int) -> tuple[int, list[int]]:
    marker = f"BIND=127.0.0.1:{port}".encode()
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue  # Gone, or not ours to read.
    parents = {pid: int(_stat(pid)[1]) for pid in found}
    masters = [pid for pid, parent in parents.items() if parent not in parents]
    if len(masters) != 1:
        raise RuntimeError(f"expected one gunicorn master on port {port}, found {masters}")
    workers = sorted(pid for pid, parent in parents.items() if parent == masters[0])
    return masters[0], workers


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU seconds these processes have used so far (a process gone since
    counts nothing)."""
    total = 0
    for pid in pids:
        try:
            fields = _stat(pid)
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / TICKS


def database_processes(url: str) -> list[int]:
    """The processes of the PostgreSQL server that `url` names (its postmaster, started with
    "-p PORT", and all its children: the connections' backends and its own workers); none
    for SQLite, which runs inside the workers."""
    port = make_url(url).port
    if port is None or not url.startswith("postgresql"):
        return []
    postmasters = []
    parents: dict[int, int] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
            parents[int(entry.name)] = int(_stat(int(entry.name))[1])
        except OSError:
            continue
        if words[0].endswith("postgres") and f"-p {port}" in " ".join(words):
            postmasters.append(int(entry.name))
    if len(postmasters) != 1:
        raise RuntimeError(f"expected one PostgreSQL server on port {port}, found {postmasters}")
    return [postmasters[0], *(pid for pid, parent in parents.items() if parent == postmasters[0])]


def private_bytes(pid: int) -> int:
    """The memory the process itself holds: Private_Dirty of smaps_rollup. Private_Clean is
    left out: it counts the pages of SQLite's memory-mapped database file that only this
    process has touched so far (the operating system's page cache, dropped under pressure;
    a whole export touches the whole file), not memory an export keeps."""
    total = 0
    for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
        if line.startswith("Private_Dirty"):
            total += int(line.split()[1]) * 1024
    return total


@dataclass
class MemorySampler:
    """Samples each worker's private memory every `interval` seconds while running."""

    pids: list[int]
    interval: float = 0.05
    peaks: dict[int, int] = field(default_factory=dict)
    before: dict[int, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> MemorySampler:
        self.before = {pid: private_bytes(pid) for pid in self.pids}
        self.peaks = dict(self.before)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            for pid in self.pids:
                try:
                    self.peaks[pid] = max(self.peaks[pid], private_bytes(pid))
                except OSError:
                    continue

    def busiest(self) -> tuple[int, int]:
        """(peak private bytes, growth over its level before) of the worker that grew most."""
        pid = max(self.pids, key=lambda p: self.peaks[p] - self.before[p])
        return self.peaks[pid], self.peaks[pid] - self.before[pid]
