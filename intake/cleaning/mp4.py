"""MP4 files (M4A sound; MP4, MOV and 3GP video): rebuilt from the boxes that hold the picture and
sound, without metadata boxes, metadata tracks or dates. The media is copied in bounded pieces."""

from __future__ import annotations

import os
import struct
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from io import BytesIO
from itertools import islice
from typing import IO, Protocol

from .streams import Window, copy_range, write_zeros

# Boxes opened and rebuilt; every other box inside them is copied as it is.
CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf"})
# Boxes dropped at any level: tags (udta, meta, ilst; the GPS position ©xyz is in udta), vendors'
# own boxes (uuid: XMP), padding, and links between tracks (tref), which point at dropped tracks.
DROPPED = frozenset(
    {b"udta", b"meta", b"ilst", b"uuid", b"free", b"skip", b"wide", b"pnot", b"tref"}
)
# The only boxes kept at the top of the file: the type, the index and the media itself.
TOP_LEVEL = frozenset({b"ftyp", b"moov", b"mdat"})
# Headers of the movie, of each track and of each track's media: their dates are set to zero.
DATED = frozenset({b"mvhd", b"tkhd", b"mdhd"})
# Tracks kept: picture and sound. Timed metadata (an action camera's GPS, detected faces),
# timecodes (the time of day), chapters and subtitles are dropped, and their samples blanked.
KEPT_TRACKS = frozenset({b"vide", b"soun"})
# Fragments and compressed indexes (old QuickTime) hold offsets and boxes not rewritten here.
REFUSED = frozenset({b"moof", b"cmov"})
# More boxes side by side, chunks in a file or samples in a dropped track than this is no
# camera's file, only a way to keep the server busy (a long phone video has some 100,000 chunks).
MAX_BOXES = 10_000
MAX_ENTRIES = 1_000_000

Box = tuple[bytes, int, int, int]  # name, start, start of content, end
Span = tuple[int, int]  # start, end in the original file
Relocate = Callable[[int], int]


class Bytes(Protocol):
    """Bytes in memory, or a file read one slice at a time (streams.Window)."""

    def __getitem__(self, where: slice, /) -> bytes: ...


def clean_mp4(data: bytes) -> bytes:
    """The file with only ftyp, moov (less its metadata) and mdat; raises ValueError."""
    out = BytesIO()
    write_clean_mp4(BytesIO(data), len(data), out)
    return out.getvalue()


def write_clean_mp4(source: IO[bytes], size: int, out: IO[bytes]) -> None:
    """Write the cleaned file to out, reading only its index whole; raises ValueError."""
    boxes, moov, index = _read_index(source, size)
    # The new index has the same length whatever offsets it holds: measure it, lay out, write.
    moov_length = len(_render_box(moov, index, None))
    mdats: list[tuple[Box, int]] = []  # each mdat, and where it starts in the new file
    position = 0
    for box in boxes:
        if box[0] == b"mdat":
            mdats.append((box, position))
        position += moov_length if box[0] == b"moov" else box[3] - box[1]

    def relocate(offset: int) -> int:
        for (_name, start, _content, end), new_start in mdats:
            if start <= offset < end:
                return new_start + offset - start
        raise ValueError("a chunk lies outside the media data")

    base = out.tell()
    for box in boxes:
        if box[0] == b"moov":
            out.write(_render_box(moov, index, relocate))
        else:
            copy_range(source, out, box[1], box[3])
    _blank(out, base, _dropped_samples(moov, index), mdats)


def _read_index(source: IO[bytes], size: int) -> tuple[list[Box], bytes, Box]:
    """The top-level boxes kept, the index (moov) read into memory, and its box there."""
    every = list(_boxes(Window(source), 0, size))
    boxes = [box for box in every if box[0] in TOP_LEVEL]
    names = [box[0] for box in boxes]
    if not names or names[0] != b"ftyp" or names.count(b"moov") != 1 or b"mdat" not in names:
        raise ValueError("not a plain MP4 file")
    if any(box[0] in REFUSED for box in every):
        raise ValueError("fragmented MP4: its offsets are not rewritten")
    _name, start, content, end = next(box for box in boxes if box[0] == b"moov")
    moov = Window(source)[start:end]  # A few megabytes for a long video.
    index: Box = (b"moov", 0, content - start, end - start)
    tracks = [box for box in _boxes(moov, index[2], index[3]) if box[0] == b"trak"]
    if not any(_kept(moov, track) for track in tracks):
        raise ValueError("neither picture nor sound")
    # Every table is read (as it goes, never as a list) when the index is written: bound them.
    chunks = (_chunk_table(moov, _sample_tables(moov, track)) for track in tracks)
    if sum(struct.unpack_from(">I", moov, box[2] + 4)[0] for box in chunks) > MAX_ENTRIES:
        raise ValueError("too many chunks")
    return boxes, moov, index


def _blank(out: IO[bytes], base: int, spans: Iterable[Span], mdats: list[tuple[Box, int]]) -> None:
    """Overwrite with zeros, in the new file, the dropped samples that lie in an mdat."""
    for start, end in spans:
        for (_name, box_start, content, box_end), new_start in mdats:
            low, high = max(start, content), min(end, box_end)
            if low < high:
                out.seek(base + new_start + low - box_start)
                write_zeros(out, high - low)
    out.seek(0, os.SEEK_END)


def check_clean_mp4(source: IO[bytes], size: int) -> None:
    """Raise ValueError unless the file holds no metadata box, metadata track or date."""
    window = Window(source)
    for box in _boxes(window, 0, size):
        if box[0] not in TOP_LEVEL:
            raise ValueError("a box left at the top")
        if box[0] == b"moov":
            moov = window[box[1] : box[3]]
            _check_box(moov, (b"moov", 0, box[2] - box[1], len(moov)))


def _check_box(data: bytes, box: Box) -> None:
    """Raise ValueError if a box inside this one still holds what cleaning takes out."""
    for child in _boxes(data, box[2], box[3]):
        name, _start, content, end = child
        if name in DROPPED or name in REFUSED:
            raise ValueError("a metadata box left")
        if name == b"trak" and _handler(data, child) not in KEPT_TRACKS:
            raise ValueError("a metadata track left")
        if name in DATED and any(data[content + 4 : content + 4 + _date_width(data, child)]):
            raise ValueError("a date left")
        if name == b"hdlr" and any(data[content + 12 : end]):
            raise ValueError("a handler name left")
        if name in CONTAINERS:
            _check_box(data, child)


def _boxes(data: Bytes, start: int, end: int) -> Iterator[Box]:
    """The boxes between start and end, checked to fit inside them."""
    position, count = start, 0
    while position < end:
        count += 1
        if count > MAX_BOXES:
            raise ValueError("too many boxes")
        header = data[position : min(position + 16, end)]
        if len(header) < 8:
            raise ValueError("truncated box")
        size, name = struct.unpack_from(">I4s", header)
        length = 8
        if size == 1:
            if len(header) < 16:
                raise ValueError("truncated box")
            (size,) = struct.unpack_from(">Q", header, 8)
            length = 16
        elif size == 0:
            size = end - position
        if size < length or position + size > end:
            raise ValueError("box does not fit")
        yield name, position, position + length, position + size
        position += size


def _child(data: bytes, box: Box, name: bytes) -> Box:
    """The first box called name inside box."""
    for child in _boxes(data, box[2], box[3]):
        if child[0] == name:
            return child
    raise ValueError("a required box is missing")


def _render_box(data: bytes, box: Box, relocate: Relocate | None) -> bytes:
    """A container rebuilt without dropped boxes and tracks, undated, its chunk offsets moved
    (left as they are without relocate: a table's length never changes)."""
    name, _start, content, end = box
    parts: list[bytes] = []
    for child in _boxes(data, content, end):
        if child[0] in REFUSED:
            raise ValueError("a compressed index")
        if not _kept(data, child):
            continue
        if child[0] in CONTAINERS:
            parts.append(_render_box(data, child, relocate))
        elif child[0] in (b"stco", b"co64") and relocate is not None:
            parts.append(_chunk_offsets(data, child, relocate))
        elif child[0] in DATED:
            parts.append(_undated(data, child))
        elif child[0] == b"hdlr":
            parts.append(_unnamed(data, child))
        else:
            parts.append(data[child[1] : child[3]])
    body = b"".join(parts)
    return struct.pack(">I4s", 8 + len(body), name) + body


def _kept(data: bytes, box: Box) -> bool:
    """Whether a box stays: not a metadata box, nor a track of anything but picture or sound."""
    return box[0] not in DROPPED and (box[0] != b"trak" or _handler(data, box) in KEPT_TRACKS)


def _date_width(data: bytes, box: Box) -> int:
    """Bytes of the creation and modification dates (32 or 64 bits each, by version)."""
    content, end = box[2], box[3]
    width = 16 if data[content] == 1 else 8
    if content + 4 + width > end:
        raise ValueError("header too short")
    return width


def _undated(data: bytes, box: Box) -> bytes:
    """A movie, track or media header whose creation and modification dates are zero."""
    _name, start, content, end = box
    width = _date_width(data, box)
    return data[start : content + 4] + bytes(width) + data[content + 4 + width : end]


def _unnamed(data: bytes, box: Box) -> bytes:
    """A handler box without its name (any text a program or person put there) and without its
    maker's code (QuickTime's "appl"): a name of one zero byte reads as empty in MP4 and in MOV."""
    _name, start, content, end = box
    if content + 24 > end:
        raise ValueError("handler too short")
    body = data[content : content + 12] + bytes(12) + b"\0"
    return struct.pack(">I4s", 8 + len(body), b"hdlr") + body


def _handler(data: bytes, trak: Box) -> bytes:
    """A track's kind ("vide", "soun", "meta", "tmcd", "text"...), named by its media handler."""
    handler = _child(data, _child(data, trak, b"mdia"), b"hdlr")
    return data[handler[2] + 8 : handler[2] + 12]


def _offsets(data: bytes, box: Box) -> Iterator[int]:
    """The chunk offsets of an stco (32-bit) or co64 (64-bit) table."""
    name, _start, content, end = box
    unit = ">I" if name == b"stco" else ">Q"
    (count,) = struct.unpack_from(">I", data, content + 4)
    if content + 8 + count * struct.calcsize(unit) != end:
        raise ValueError("bad chunk offset table")
    return (offset for (offset,) in struct.iter_unpack(unit, memoryview(data)[content + 8 : end]))


def _chunk_offsets(data: bytes, box: Box, relocate: Relocate) -> bytes:
    """An stco or co64 table pointing into the new file."""
    name, _start, content, _end = box
    # An array, not a list of numbers: a long table stays 4 or 8 bytes an entry in memory.
    table = array("I" if name == b"stco" else "Q", map(relocate, _offsets(data, box)))
    if sys.byteorder == "little":
        table.byteswap()
    body = data[content : content + 8] + table.tobytes()
    return struct.pack(">I4s", 8 + len(body), name) + body


def _dropped_samples(moov: bytes, index: Box) -> Iterator[Span]:
    """Where the samples of the dropped tracks lie in the original file."""
    for box in _boxes(moov, index[2], index[3]):
        if box[0] == b"trak" and _handler(moov, box) not in KEPT_TRACKS:
            yield from _track_spans(moov, box)


def _track_spans(data: bytes, trak: Box) -> Iterator[Span]:
    """Where each chunk of a track's samples lies, read from its tables as they go (a table can
    be long: none is turned into a list)."""
    tables = _sample_tables(data, trak)
    if b"stsc" not in tables or b"stsz" not in tables:
        raise ValueError("a track without its sample tables")
    counts = _samples_per_chunk(data, tables[b"stsc"])
    measure = _sample_bytes(data, tables[b"stsz"])
    for offset in _offsets(data, _chunk_table(data, tables)):
        count = next(counts, None)
        if count is None:
            raise ValueError("a chunk without samples")
        yield offset, offset + measure(count)


def _sample_tables(data: bytes, trak: Box) -> dict[bytes, Box]:
    """The boxes of a track's sample table (stbl), by name."""
    table = _child(data, _child(data, _child(data, trak, b"mdia"), b"minf"), b"stbl")
    return {box[0]: box for box in _boxes(data, table[2], table[3])}


def _chunk_table(data: bytes, tables: dict[bytes, Box]) -> Box:
    """A track's chunk offset table (stco, or co64 in a file past 4 GB)."""
    chunks = tables.get(b"stco") or tables.get(b"co64")
    if chunks is None or chunks[3] - chunks[2] < 8:
        raise ValueError("a track without chunk offsets")
    return chunks


def _samples_per_chunk(data: bytes, box: Box) -> Iterator[int]:
    """How many samples each chunk holds, chunk after chunk (stsc); the last run never ends."""
    content, end = box[2], box[3]
    (count,) = struct.unpack_from(">I", data, content + 4)
    if content + 8 + 12 * count > end:
        raise ValueError("bad sample-to-chunk table")
    runs = struct.iter_unpack(">III", memoryview(data)[content + 8 : content + 8 + 12 * count])
    chunk, samples = 1, None
    for first, following, _description in runs:
        if samples is None and first != 1:
            raise ValueError("the first sample run does not start at the first chunk")
        while samples is not None and chunk < first:
            yield samples
            chunk += 1
        samples = following
    while samples is not None:
        yield samples


def _sample_bytes(data: bytes, box: Box) -> Callable[[int], int]:
    """From the sample size table (stsz): the bytes of the next `count` samples, call by call."""
    content, end = box[2], box[3]
    uniform, total = struct.unpack_from(">II", data, content + 4)
    table = 0 if uniform else 4 * total
    if content + 12 + table > end or total > MAX_ENTRIES:
        raise ValueError("bad sample size table")
    sizes = struct.iter_unpack(">I", memoryview(data)[content + 12 : content + 12 + table])
    taken = 0

    def measure(count: int) -> int:
        nonlocal taken
        taken += count
        if taken > total:
            raise ValueError("more samples in chunks than sizes")
        return uniform * count if uniform else sum(size for (size,) in islice(sizes, count))

    return measure
