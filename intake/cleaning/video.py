"""Videos: MP4, MOV and 3GP (from phones) and WebM (from browsers), without their metadata.

No video is decoded: each container is rewritten (MP4) or patched (WebM) by the code that knows
its structure, from the uploaded file on disk to a temporary file, in bounded pieces.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from typing import IO

import filetype
from flask_babel import lazy_gettext as _l

from . import UploadError
from .mp4 import check_clean_mp4, write_clean_mp4
from .webm import check_clean_webm, write_clean_webm

UNREADABLE = _l(
    "This video could not be checked. Try another copy of it, for example saved as MP4."
)
# Enough of the start of a file to tell its kind (all that filetype reads).
HEAD_BYTES = 8192

Rewrite = Callable[[IO[bytes], int, IO[bytes]], None]
Check = Callable[[IO[bytes], int], None]
# For each container: how it is cleaned, and how the result is checked to hold nothing more.
CLEANERS: dict[str, tuple[Rewrite, Check]] = {
    "video/mp4": (write_clean_mp4, check_clean_mp4),
    "video/quicktime": (write_clean_mp4, check_clean_mp4),
    "video/3gpp": (write_clean_mp4, check_clean_mp4),
    "video/webm": (write_clean_webm, check_clean_webm),
}
VIDEO_TYPES = frozenset(CLEANERS)


def video_type(head: bytes) -> str | None:
    """The kind of video the file starts with, or None for anything else (M4A sound included)."""
    # filetype looks for 3GP's brand at the start of the file instead of after the box size.
    if head[4:11] == b"ftyp3gp":
        return "video/3gpp"
    kind = filetype.guess_mime(head[:HEAD_BYTES])
    return kind if kind in VIDEO_TYPES else None


def clean_video(source: IO[bytes], size: int, content_type: str) -> bytes:
    """The video without metadata (one copy, read back from disk); raises UploadError."""
    rewrite, check = CLEANERS[content_type]
    with tempfile.TemporaryFile() as out:
        try:
            rewrite(source, size, out)
            length = out.tell()
            check(out, length)
            out.seek(0)
            if video_type(out.read(HEAD_BYTES)) != content_type:
                raise ValueError("the cleaned file is another kind of file")
        # The parsers meet hostile files: any failure means the file is refused, never kept as is.
        except Exception:
            raise UploadError(UNREADABLE) from None
        out.seek(0)
        return out.read()
