"""WebM videos: tags, attachments, chapters and what the Info element says about the file (its
date, title, file names and the programs that wrote it) overwritten in place by Void elements.

Nothing moves: the index (SeekHead, Cues) and the clusters keep every offset they hold, so the
file is not rebuilt, only patched while it is copied in bounded pieces.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from .streams import Window, copy_patched

EBML, DOC_TYPE = 0x1A45DFA3, 0x4282
SEGMENT, SEEK_HEAD, INFO, TRACKS, CLUSTER, CUES = (
    0x18538067,
    0x114D9B74,
    0x1549A966,
    0x1654AE6B,
    0x1F43B675,
    0x1C53BB6B,
)
TAGS, ATTACHMENTS, CHAPTERS = 0x1254C367, 0x1941A469, 0x1043A770
SEEK, SEEK_ID = 0x4DBB, 0x53AB
VOID, CRC32 = 0xEC, 0xBF
# Elements of the segment blanked whole: what a muxer or an editor adds about the file.
DROPPED = frozenset({TAGS, ATTACHMENTS, CHAPTERS})
# Elements of the segment kept as they are (Info and SeekHead are looked into).
KEPT = frozenset({SEEK_HEAD, INFO, TRACKS, CLUSTER, CUES, VOID})
# The Info children players need (the segment's id, time scale and duration); every other one,
# DateUTC, Title, MuxingApp, WritingApp and the file names among them, is blanked.
KEPT_INFO = frozenset({0x73A4, 0x2AD7B1, 0x4489, VOID})
# What a cluster holds (timestamp, silent tracks, position, previous size, blocks): an unknown
# length cluster ends at the first element that is none of these.
IN_CLUSTER = frozenset({0xE7, 0x5854, 0xA7, 0xAB, 0xA3, 0xA0, 0xAF, VOID, CRC32})

Element = tuple[int, int, int, int]  # id, start, start of content, end
Span = tuple[int, int]


def write_clean_webm(source: IO[bytes], size: int, out: IO[bytes]) -> None:
    """Write the file to out with its metadata elements blanked; raises ValueError."""
    end, spans = _plan(Window(source), size)
    copy_patched(source, out, 0, end, [(start, stop, _void(stop - start)) for start, stop in spans])


def check_clean_webm(source: IO[bytes], size: int) -> None:
    """Raise ValueError unless nothing is left to blank."""
    if _plan(Window(source), size)[1]:
        raise ValueError("metadata left in WebM")


def _plan(window: Window, size: int) -> tuple[int, list[Span]]:
    """Where the segment ends (anything after it is left out), and the elements to blank."""
    header = _element(window, 0, size)
    if header[0] != EBML or _doc_type(window, header) != b"webm":
        raise ValueError("not a WebM file")
    element = _element(window, header[3], size)
    while element[0] == VOID:
        element = _element(window, element[3], size)
    if element[0] != SEGMENT:
        raise ValueError("no WebM segment")
    return element[3], _blanked(window, element)


def _blanked(window: Window, parent: Element) -> list[Span]:
    """The children of a segment, an Info or a SeekHead that go, and its CRC-32 if any goes."""
    spans: list[Span] = []
    checksums: list[Span] = []
    for child in _children(window, parent):
        if child[0] == CRC32:
            checksums.append((child[1], child[3]))
        elif parent[0] == SEGMENT and child[0] in (INFO, SEEK_HEAD):
            spans.extend(_blanked(window, child))
        elif _goes(window, parent[0], child):
            spans.append((child[1], child[3]))
    return spans + checksums if spans else []


def _goes(window: Window, parent: int, child: Element) -> bool:
    """Whether a child is blanked; raises ValueError for an element that has no place there."""
    if parent == INFO:
        return child[0] not in KEPT_INFO
    if parent == SEEK_HEAD and child[0] == SEEK:
        return _seek_target(window, child) in DROPPED
    if parent == SEGMENT and child[0] in DROPPED:
        return True
    if child[0] == VOID or (parent == SEGMENT and child[0] in KEPT):
        return False
    raise ValueError("an element out of place")


def _seek_target(window: Window, seek: Element) -> int:
    """The id of the element a SeekHead entry points at (0 if it names none)."""
    for child in _children(window, seek):
        if child[0] == SEEK_ID and child[3] - child[2] <= 4:
            return int.from_bytes(window[child[2] : child[3]], "big")
    return 0


def _doc_type(window: Window, header: Element) -> bytes:
    """The EBML header's document type ("webm"), without the zeros that may pad it."""
    for child in _children(window, header):
        if child[0] == DOC_TYPE:
            return window[child[2] : child[3]].rstrip(b"\0")
    return b""


def _children(window: Window, parent: Element) -> Iterator[Element]:
    """The elements inside parent, each checked to fit."""
    position = parent[2]
    while position < parent[3]:
        element = _element(window, position, parent[3])
        yield element
        position = element[3]


def _element(window: Window, position: int, limit: int) -> Element:
    """The element at position, which must end by limit."""
    header = window[position : min(position + 12, limit)]
    kind, id_width = _number(header, 0, 4)
    size, size_width = _number(header, id_width, 8)
    content = position + id_width + size_width
    unknown = (1 << 7 * size_width) - 1
    size &= unknown  # Without its length marker.
    if size != unknown:
        end = content + size
    elif kind == SEGMENT:  # A live recording's length is not known: it runs to the end.
        end = limit
    elif kind == CLUSTER:
        end = _cluster_end(window, content, limit)
    else:
        raise ValueError("unknown size")
    if end > limit:
        raise ValueError("element does not fit")
    return kind, position, content, end


def _cluster_end(window: Window, content: int, limit: int) -> int:
    """Where a cluster of unknown length ends: at the first element that is not its own."""
    position = content
    while position < limit:
        kind, _width = _number(window[position : min(position + 4, limit)], 0, 4)
        if kind not in IN_CLUSTER:
            break
        position = _element(window, position, limit)[3]
    return position


def _number(header: bytes, at: int, longest: int) -> tuple[int, int]:
    """An EBML variable-length number as written (length marker kept), and its width."""
    if at >= len(header) or header[at] == 0:
        raise ValueError("bad EBML number")
    width = 9 - header[at].bit_length()
    if width > longest or at + width > len(header):
        raise ValueError("bad EBML number")
    return int.from_bytes(header[at : at + width], "big"), width


def _void(length: int) -> bytes:
    """The start of a Void element exactly length bytes long (every element has at least 2)."""
    if length - 2 < 127:
        return bytes([VOID, 0x80 | (length - 2)])
    return bytes([VOID, 0x01]) + (length - 9).to_bytes(7, "big")
