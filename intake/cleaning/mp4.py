"""MP4 (M4A) recordings: rebuilt from the boxes that hold the sound, without any metadata box."""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator

# Boxes opened and rebuilt; every other box inside them is copied as it is.
CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf"})
# Boxes dropped at any level: tags (udta, meta, ilst), vendors' own boxes, and padding.
DROPPED = frozenset({b"udta", b"meta", b"ilst", b"uuid", b"free", b"skip", b"wide", b"pnot"})
# The only boxes kept at the top of the file: the type, the index and the sound itself.
TOP_LEVEL = frozenset({b"ftyp", b"moov", b"mdat"})

Box = tuple[bytes, int, int, int]  # name, start, start of content, end
Relocate = Callable[[int], int]


def clean_mp4(data: bytes) -> bytes:
    """The file with only ftyp, moov (less its metadata) and mdat; raises ValueError."""
    every = list(_boxes(data, 0, len(data)))
    boxes = [box for box in every if box[0] in TOP_LEVEL]
    names = [box[0] for box in boxes]
    if not names or names[0] != b"ftyp" or names.count(b"moov") != 1 or b"mdat" not in names:
        raise ValueError("not a plain MP4 file")
    if any(box[0] == b"moof" for box in every):
        raise ValueError("fragmented MP4: its offsets are not rewritten")
    moov = next(box for box in boxes if box[0] == b"moov")
    # The new index has the same length whatever offsets it holds: measure it, lay out, write.
    moov_length = len(_render_box(data, moov, lambda offset: 0))
    old_to_new: list[tuple[int, int, int]] = []  # old start, old end, new start of each mdat
    position = 0
    for name, start, _content, end in boxes:
        if name == b"mdat":
            old_to_new.append((start, end, position))
        position += moov_length if name == b"moov" else end - start

    def relocate(offset: int) -> int:
        for old_start, old_end, new_start in old_to_new:
            if old_start <= offset < old_end:
                return new_start + offset - old_start
        raise ValueError("a chunk lies outside the sound data")

    parts = [
        _render_box(data, box, relocate) if box[0] == b"moov" else data[box[1] : box[3]]
        for box in boxes
    ]
    return b"".join(parts)


def _boxes(data: bytes, start: int, end: int) -> Iterator[Box]:
    """The boxes between start and end, checked to fit inside them."""
    position = start
    while position < end:
        if position + 8 > end:
            raise ValueError("truncated box")
        size, name = struct.unpack_from(">I4s", data, position)
        header = 8
        if size == 1:
            if position + 16 > end:
                raise ValueError("truncated box")
            (size,) = struct.unpack_from(">Q", data, position + 8)
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            raise ValueError("box does not fit")
        yield name, position, position + header, position + size
        position += size


def _render_box(data: bytes, box: Box, relocate: Relocate) -> bytes:
    """A container rebuilt without dropped boxes, with its chunk offsets moved."""
    name, _start, content, end = box
    parts: list[bytes] = []
    for child in _boxes(data, content, end):
        if child[0] in DROPPED:
            continue
        if child[0] in CONTAINERS:
            parts.append(_render_box(data, child, relocate))
        elif child[0] in (b"stco", b"co64"):
            parts.append(_chunk_offsets(data, child, relocate))
        else:
            parts.append(data[child[1] : child[3]])
    body = b"".join(parts)
    return struct.pack(">I4s", 8 + len(body), name) + body


def _chunk_offsets(data: bytes, box: Box, relocate: Relocate) -> bytes:
    """An stco (32-bit) or co64 (64-bit) table pointing into the new file."""
    name, _start, content, end = box
    unit = ">I" if name == b"stco" else ">Q"
    width = struct.calcsize(unit)
    (count,) = struct.unpack_from(">I", data, content + 4)
    if content + 8 + count * width != end:
        raise ValueError("bad chunk offset table")
    offsets = [struct.unpack_from(unit, data, content + 8 + i * width)[0] for i in range(count)]
    table = b"".join(struct.pack(unit, relocate(offset)) for offset in offsets)
    body = data[content : content + 8] + table
    return struct.pack(">I4s", 8 + len(body), name) + body
