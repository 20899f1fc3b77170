"""Copying large files in bounded pieces: a video is rewritten without ever being read whole."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

# Bytes read or written at once.
PIECE = 1024 * 1024
# Reads through one window at most: a long video's structure takes some 100,000; a file made
# of millions of tiny elements would only keep the server busy (about 3 µs each).
MAX_READS = 1_000_000
# A patch replaces the bytes from start to end with its own first bytes, then zeros.
Patch = tuple[int, int, bytes]


class Window:
    """Slices of a seekable file read on demand (`window[a:b]`), like slices of bytes."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.reads = 0

    def __getitem__(self, where: slice) -> bytes:
        self.reads += 1
        if self.reads > MAX_READS:
            raise ValueError("too many pieces to read")
        start, stop = int(where.start or 0), int(where.stop)
        self.file.seek(start)
        return self.file.read(max(0, stop - start))


def copy_range(source: IO[bytes], out: IO[bytes], start: int, end: int) -> None:
    """Write the source's bytes from start to end to out."""
    source.seek(start)
    remaining = end - start
    while remaining > 0:
        piece = source.read(min(PIECE, remaining))
        if not piece:
            raise ValueError("the file ended early")
        out.write(piece)
        remaining -= len(piece)


def write_zeros(out: IO[bytes], count: int) -> None:
    """Write count zero bytes to out."""
    block = memoryview(bytes(min(PIECE, count)))
    while count > 0:
        out.write(block[: min(PIECE, count)])
        count -= PIECE


def copy_patched(
    source: IO[bytes], out: IO[bytes], start: int, end: int, patches: Iterable[Patch]
) -> None:
    """Copy start..end, with each patch's bytes (inside that range, not overlapping) replaced."""
    position = start
    for patch_start, patch_end, head in sorted(patches):
        if not position <= patch_start <= patch_end - len(head) or patch_end > end:
            raise ValueError("patches overlap or lie outside the range")
        copy_range(source, out, position, patch_start)
        out.write(head)
        write_zeros(out, patch_end - patch_start - len(head))
        position = patch_end
    copy_range(source, out, position, end)
