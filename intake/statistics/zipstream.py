"""A ZIP archive written front to back, for a response that streams while it is being made.

Nothing is sought back to: each member's header goes out before its data, with its checksum
and sizes in a data descriptor after it. The layout is the one Excel accepts for members of any
size (the one Apache POI's streaming workbooks settled on): ZIP version 4.5, bit 3 set, no
ZIP64 field in the local header, the sizes in the data descriptor as 8-byte numbers, and ZIP64
fields in the central directory only where a size or an offset does not fit in 4 bytes.
Python's zipfile refuses a streamed member past 2 GiB unless told beforehand, which a case list
cannot know; a worksheet of a million cases with their narratives may well be larger.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

VERSION = 45  # ZIP 4.5: ZIP64 may be used.
DATA_DESCRIPTOR = 0x08  # Flag bit 3: checksum and sizes follow the data.
DEFLATED = 8
LIMIT = 0xFFFFFFFF  # What fits in a 4-byte field (and, as a value, means "see ZIP64").
LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
DESCRIPTOR = struct.Struct("<IIQQ")
CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
ZIP64_END = struct.Struct("<IQHHIIQQQQ")
ZIP64_LOCATOR = struct.Struct("<IIQI")
END = struct.Struct("<IHHHHIIH")


@dataclass
class _Member:
    name: bytes
    offset: int
    crc: int = 0
    size: int = 0
    compressed: int = 0


def _dos_time(moment: datetime) -> tuple[int, int]:
    """(time, date) as ZIP stores them."""
    time = (moment.hour << 11) | (moment.minute << 5) | (moment.second // 2)
    date = ((moment.year - 1980) << 9) | (moment.month << 5) | moment.day
    return time, date


class ZipStream:
    """Members added one after the other; every method returns the archive's next bytes."""

    def __init__(self, level: int = 6, moment: datetime | None = None) -> None:
        self.level = level
        self.time, self.date = _dos_time(moment or datetime.now())
        self.members: list[_Member] = []
        self.written = 0

    def _out(self, data: bytes) -> bytes:
        self.written += len(data)
        return data

    def member(self, name: str, pieces: Iterable[bytes]) -> Iterator[bytes]:
        """A member made of these pieces of uncompressed data: its compressed bytes as they
        come (deflate holds some back, so a small piece may give nothing yet)."""
        entry = _Member(name.encode("ascii"), self.written)
        self.members.append(entry)
        header = LOCAL_HEADER.pack(
            0x04034B50, VERSION, DATA_DESCRIPTOR, DEFLATED, self.time, self.date,
            0, 0, 0, len(entry.name), 0,
        )  # fmt: skip
        yield self._out(header + entry.name)
        compressor = zlib.compressobj(self.level, zlib.DEFLATED, -15)
        for piece in pieces:
            entry.crc = zlib.crc32(piece, entry.crc)
            entry.size += len(piece)
            compressed = compressor.compress(piece)
            if compressed:
                entry.compressed += len(compressed)
                yield self._out(compressed)
        rest = compressor.flush()
        entry.compressed += len(rest)
        yield self._out(rest + DESCRIPTOR.pack(0x08074B50, entry.crc, entry.compressed, entry.size))

    def finish(self) -> bytes:
        """The central directory and the end records: the archive's last bytes."""
        start = self.written
        directory = b"".join(self._central(entry) for entry in self.members)
        end = b""
        count = len(self.members)
        if start >= LIMIT or len(directory) >= LIMIT or count >= 0xFFFF:
            zip64_end = self.written + len(directory)
            end += ZIP64_END.pack(
                0x06064B50, ZIP64_END.size - 12, VERSION, VERSION, 0, 0,
                count, count, len(directory), start,
            )  # fmt: skip
            end += ZIP64_LOCATOR.pack(0x07064B50, 0, zip64_end, 1)
        end += END.pack(
            0x06054B50, 0, 0, min(count, 0xFFFF), min(count, 0xFFFF),
            min(len(directory), LIMIT), min(start, LIMIT), 0,
        )  # fmt: skip
        return self._out(directory + end)

    def _central(self, entry: _Member) -> bytes:
        # ZIP64 values come in this order, each only where its 4-byte field says LIMIT.
        wide = [value for value in (entry.size, entry.compressed) if value >= LIMIT]
        if entry.offset >= LIMIT:
            wide.append(entry.offset)
        extra = struct.pack(f"<HH{len(wide)}Q", 1, 8 * len(wide), *wide) if wide else b""
        header = CENTRAL_HEADER.pack(
            0x02014B50, VERSION, VERSION, DATA_DESCRIPTOR, DEFLATED, self.time, self.date,
            entry.crc, min(entry.compressed, LIMIT), min(entry.size, LIMIT),
            len(entry.name), len(extra), 0, 0, 0, 0, min(entry.offset, LIMIT),
        )  # fmt: skip
        return header + entry.name + extra
