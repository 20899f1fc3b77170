"""Sound recordings: every tag removed, keeping only what a player needs to play the sound."""

# mutagen marks itself typed (py.typed) but leaves its functions unannotated.
# mypy: disallow-untyped-calls=False

from __future__ import annotations

import struct
from collections.abc import Callable
from io import BytesIO
from typing import Any

import filetype
from flask_babel import lazy_gettext as _l
from mutagen import apev2, id3
from mutagen.flac import FLAC
from mutagen.mp4 import MP4
from mutagen.ogg import OggPage
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from . import UploadError
from .mp4 import clean_mp4

UNREADABLE = _l(
    "This sound recording could not be checked. Try another copy of it, for example saved as MP3."
)
# RIFF chunks a WAV file needs: everything else (LIST/INFO, id3, bext, iXML...) is dropped.
WAV_CHUNKS = (b"fmt ", b"fact", b"data")
# Bytes of each AMR-NB frame, its table-of-contents byte included, by frame type.
AMR_FRAME_BYTES = (13, 14, 16, 18, 20, 21, 27, 32, 6, 1, 1, 1, 1, 1, 1, 1)
# The same by the whole table-of-contents byte; 0 where its unused bits are set (not AMR).
AMR_FRAME_BY_TOC = tuple(
    0 if toc & 0x83 else AMR_FRAME_BYTES[toc >> 3 & 0x0F] for toc in range(256)
)
# MPEG audio bit rates (kbit/s) by (MPEG-1?, layer), index 1 to 14.
MPEG_KBPS = {
    (True, 1): (32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
MPEG_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
# Bytes between MPEG or ADTS frames that are neither frames nor tags, beyond which we stop.
MAX_SKIPPED_BYTES = 64 * 1024
# Ogg codecs a phone records in: (reader, identification magic, comment magic, framing bit).
OGG_KINDS = (
    (OggOpus, b"OpusHead", b"OpusTags", b""),
    (OggVorbis, b"\x01vorbis", b"\x03vorbis", b"\x01"),
)


def clean_audio(data: bytes) -> tuple[bytes, str]:
    """The recording without tags, and its content type; raises UploadError."""
    body = _without_leading_id3(data)
    kind = filetype.guess_mime(body)
    cleaner = CLEANERS.get(kind) if isinstance(kind, str) else None
    if cleaner is None:
        raise UploadError(UNREADABLE)
    try:
        cleaned = cleaner(body)
    except UploadError:
        raise
    # The parsers meet hostile files: any failure means the file is refused, never kept as is.
    except Exception:
        raise UploadError(UNREADABLE) from None
    if not cleaned or filetype.guess_mime(cleaned) != kind:
        raise UploadError(UNREADABLE)
    return cleaned, str(kind)


def _without_leading_id3(data: bytes) -> bytes:
    """The bytes after any ID3v2 tags at the start (some tools put them before AAC or FLAC)."""
    while data[:3] == b"ID3" and len(data) >= 10:
        size = _id3_size(data, 0)
        if size == 0:
            break
        data = data[size:]
    return data


def _id3_size(data: bytes, position: int) -> int:
    """Length of an ID3v2 tag starting at position (header and footer included), or 0."""
    header = data[position : position + 10]
    if len(header) < 10 or header[:3] != b"ID3" or any(byte & 0x80 for byte in header[6:10]):
        return 0
    size = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9]
    return 10 + size + (10 if header[5] & 0x10 else 0)


def _clean_wav(data: bytes) -> bytes:
    """A RIFF/WAVE file rebuilt from its format, fact and sound chunks only."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a WAVE file")
    chunks: dict[bytes, bytes] = {}
    position = 12
    while position + 8 <= len(data):
        name, size = struct.unpack_from("<4sI", data, position)
        if name in WAV_CHUNKS and name not in chunks:
            # A recording cut off while writing says more than it holds: keep what is there.
            chunks[name] = data[position + 8 : position + 8 + size]
        position += 8 + size + (size & 1)
    if b"fmt " not in chunks or b"data" not in chunks:
        raise ValueError("no sound in this WAVE file")
    parts = [
        name + struct.pack("<I", len(chunks[name])) + chunks[name] + b"\0" * (len(chunks[name]) & 1)
        for name in WAV_CHUNKS
        if name in chunks
    ]
    body = b"WAVE" + b"".join(parts)
    cleaned = b"RIFF" + struct.pack("<I", len(body)) + body
    WAVE(BytesIO(cleaned))  # Raises if the format chunk makes no sense.
    return cleaned


def _clean_flac(data: bytes) -> bytes:
    """A FLAC file with STREAMINFO as its only metadata block, then its audio frames."""
    data = _without_trailing_tags(data)
    if data[:4] != b"fLaC":
        raise ValueError("not a FLAC file")
    position, streaminfo, last = 4, b"", False
    while not last:
        header = data[position : position + 4]
        if len(header) < 4:
            raise ValueError("truncated FLAC metadata")
        last, kind = bool(header[0] & 0x80), header[0] & 0x7F
        length = int.from_bytes(header[1:4], "big")
        if kind == 0 and not streaminfo:
            streaminfo = data[position + 4 : position + 4 + length]
        position += 4 + length
    frames = data[position:]
    if len(streaminfo) != 34 or frames[:2] not in (b"\xff\xf8", b"\xff\xf9"):
        raise ValueError("FLAC without stream information or frames")
    cleaned = b"fLaC\x80" + len(streaminfo).to_bytes(3, "big") + streaminfo + frames
    FLAC(BytesIO(cleaned))
    return cleaned


def _clean_ogg(data: bytes) -> bytes:
    """An Ogg Vorbis or Opus file whose comment header holds no comment and no vendor name."""
    buffer = BytesIO(data)
    serials = set()
    while buffer.tell() < len(data):
        serials.add(OggPage(buffer).serial)
    if len(serials) != 1:  # A second (chained) stream would keep its own comments.
        raise ValueError("more than one Ogg stream")
    buffer.seek(0)
    first = OggPage(buffer).packets[0]
    for kind, head, comment, framing in OGG_KINDS:
        if first.startswith(head):
            buffer.seek(0)
            recording = kind(buffer)
            tags: Any = recording.tags  # Declared None on mutagen's base class.
            if tags is None:
                raise ValueError("no comment header")
            tags.clear()
            tags.vendor = ""
            recording.save(buffer, padding=lambda _info: 0)
            if _comment_packet(buffer) != comment + b"\0" * 8 + framing:
                raise ValueError("the comment header kept other data")
            return buffer.getvalue()
    raise ValueError("neither Vorbis nor Opus")


def _comment_packet(buffer: BytesIO) -> bytes:
    """The comment header: the first packet after the identification page."""
    buffer.seek(0)
    OggPage(buffer)
    pages = [OggPage(buffer)]
    while not (pages[-1].complete or len(pages[-1].packets) > 1):
        pages.append(OggPage(buffer))
    return bytes(OggPage.to_packets(pages, strict=False)[0])


def _clean_mp4(data: bytes) -> bytes:
    """An M4A file without metadata boxes, checked to open as MP4 with no tags."""
    cleaned = clean_mp4(data)
    if MP4(BytesIO(cleaned)).tags is not None:
        raise ValueError("tags left in MP4")
    return cleaned


def _clean_amr(data: bytes) -> bytes:
    """Raw AMR has no metadata; only its header and whole frames are kept."""
    position, step = 6, 0
    while position < len(data):
        step = AMR_FRAME_BY_TOC[data[position]]
        if not step:
            raise ValueError("not an AMR frame")
        position += step
    # A last frame cut short is dropped.
    return data[: position if position <= len(data) else position - step]


def _without_trailing_tags(data: bytes) -> bytes:
    """The bytes without ID3 (v1 at the end, v2 at the start) and APEv2 tags."""
    buffer = BytesIO(data)
    apev2.delete(buffer)
    buffer.seek(0)
    id3.delete(buffer)
    return buffer.getvalue()


def _mpeg_frame_length(data: bytes, position: int) -> int:
    """Length of the MPEG audio frame (MP1, MP2, MP3) at position, or 0."""
    header = data[position : position + 4]
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return 0
    version, layer = (header[1] >> 3) & 3, 4 - ((header[1] >> 1) & 3)
    rate_index, kbps_index = (header[2] >> 2) & 3, header[2] >> 4
    if version == 1 or layer == 4 or rate_index == 3 or kbps_index in (0, 15):
        return 0
    kbps = MPEG_KBPS[(version == 3, layer)][kbps_index - 1]
    rate, padding = MPEG_RATES[version][rate_index], (header[2] >> 1) & 1
    if layer == 1:
        return (12 * kbps * 1000 // rate + padding) * 4
    per_frame = 72 if layer == 3 and version != 3 else 144
    return per_frame * kbps * 1000 // rate + padding


def _adts_frame_length(data: bytes, position: int) -> int:
    """Length of the ADTS (AAC) frame at position, or 0."""
    header = data[position : position + 7]
    if len(header) < 7 or header[0] != 0xFF or header[1] & 0xF6 != 0xF0:
        return 0
    if (header[2] >> 2) & 0x0F > 12:
        return 0
    length = ((header[3] & 0x03) << 11) | (header[4] << 3) | (header[5] >> 5)
    return length if length >= 7 else 0


def _only_frames(data: bytes, frame_length: Callable[[bytes, int], int]) -> bytes:
    """Only the audio frames: tags and anything between frames are dropped."""
    data = _without_trailing_tags(data)
    frames: list[bytes] = []
    position, in_sync, skipped = 0, False, 0
    while position < len(data):
        skip = _id3_size(data, position)
        length = 0 if skip else frame_length(data, position)
        following = position + length
        # After lost sync a frame counts only if another frame (or the end) follows it.
        if length and (in_sync or following == len(data) or frame_length(data, following)):
            if following > len(data):
                break  # A last frame cut short is dropped.
            frames.append(data[position:following])
            position, in_sync = following, True
        else:
            following = data.find(b"\xff", position + 1) if not skip else position + skip
            following = following if following > 0 else len(data)
            skipped += 0 if skip else following - position
            if skipped > MAX_SKIPPED_BYTES:  # Not a recording, and slow to search through.
                raise ValueError("too much between the frames")
            position, in_sync = following, False
    if not frames:
        raise ValueError("no audio frames")
    return b"".join(frames)


CLEANERS: dict[str, Callable[[bytes], bytes]] = {
    "audio/mpeg": lambda data: _only_frames(data, _mpeg_frame_length),
    "audio/aac": lambda data: _only_frames(data, _adts_frame_length),
    "audio/x-wav": _clean_wav,
    "audio/x-flac": _clean_flac,
    "audio/ogg": _clean_ogg,
    "audio/mp4": _clean_mp4,
    "audio/amr": _clean_amr,
}
