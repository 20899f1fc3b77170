"""Evidence files: checked by their content, cleaned of metadata, stored under random names.

Files live under UPLOAD_FOLDER, outside the web root, in two folders: `pending/` while the report
is a draft, `evidence/` once it is sent. Nothing here is ever served to the public.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import quote

import filetype
from flask import Response, current_app
from flask_babel import lazy_gettext as _l

from . import filecrypt
from .cleaning import UploadError as UploadError
from .cleaning.audio import clean_audio
from .cleaning.images import clean_image
from .cleaning.pdf import clean_pdf
from .cleaning.video import HEAD_BYTES, UNREADABLE, clean_video, video_type

if TYPE_CHECKING:
    from .models import Attachment

# What a resident may send, checked by content: photos and screenshots, documents, recordings,
# and videos (VIDEO_TYPES in cleaning/video.py, read from the upload as it lies on disk).
IMAGE_TYPES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    # iPhones take HEIC photos; they are re-encoded as JPEG so every staff browser shows them.
    "image/heic": "JPEG",
}
AUDIO_TYPES = frozenset(
    {
        "audio/mpeg",
        "audio/mp4",
        "audio/ogg",
        "audio/x-wav",
        "audio/aac",
        "audio/amr",
        "audio/x-flac",
    }
)
OTHER_TYPES = AUDIO_TYPES | {"application/pdf", "text/plain"}
PENDING = "pending"
EVIDENCE = "evidence"
# Unicode categories never kept in a file name: controls, invisible format characters (such as
# the right-to-left override that disguises "exe.pdf"), surrogates, line and paragraph breaks.
NAME_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Zero-width (non-)joiners are format characters that Urdu, Hindi and emoji need to spell words.
NAME_KEPT_JOINERS = frozenset({"\u200c", "\u200d"})
NAME_MAX = 200
NAME_FALLBACK = "file"
MEGABYTE = 1024 * 1024
NOT_ACCEPTED = _l("We can only accept photos, videos, PDF files, text files and sound recordings.")


@dataclass(frozen=True)
class CleanFile:
    """A file that passed the checks, ready to store."""

    data: bytes
    content_type: str

    @property
    def sha256(self) -> str:
        """The digest staff can quote to show a file is unchanged."""
        return hashlib.sha256(self.data).hexdigest()


def detect_type(data: bytes) -> str | None:
    """The content type the bytes really are, or None when they are nothing we accept."""
    video = video_type(data)
    if video is not None:
        return video
    kind = filetype.guess(data)
    if kind is not None:
        mime = str(kind.mime)
        return mime if mime in IMAGE_TYPES or mime in OTHER_TYPES else None
    return "text/plain" if _is_text(data) else None


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\r\n\t\f" for ch in text)


def clean_stream(stream: IO[bytes]) -> CleanFile:
    """Check an uploaded file by its content and rebuild it without metadata; raises UploadError.

    A video is rewritten from the stream (werkzeug keeps a large upload in a temporary file), so
    only its cleaned copy is ever held in memory; any other file is read whole, up to its limit.
    """
    head = stream.read(HEAD_BYTES)
    content_type = video_type(head)
    if content_type is None:
        return clean(head + stream.read(int(current_app.config["MAX_FILE_BYTES"]) + 1 - len(head)))
    if not stream.seekable():
        raise UploadError(UNREADABLE)
    size = stream.seek(0, os.SEEK_END)
    limit = int(current_app.config["MAX_VIDEO_BYTES"])
    if size > limit:
        raise UploadError(_l("This video is larger than %(size)d MB.", size=limit // MEGABYTE))
    return CleanFile(clean_video(stream, size, content_type), content_type)


def clean(data: bytes) -> CleanFile:
    """Check a file by its content and rebuild it without metadata; raises UploadError."""
    if not data:
        raise UploadError(_l("This file is empty."))
    if video_type(data) is not None:
        return clean_stream(BytesIO(data))
    if len(data) > int(current_app.config["MAX_FILE_BYTES"]):
        raise UploadError(
            _l(
                "This file is larger than %(size)d MB.",
                size=int(current_app.config["MAX_FILE_BYTES"]) // MEGABYTE,
            )
        )
    content_type = detect_type(data)
    if content_type is None:
        raise UploadError(NOT_ACCEPTED)
    if content_type in IMAGE_TYPES:
        cleaned, content_type = clean_image(
            data,
            IMAGE_TYPES[content_type],
            max_pixels=int(current_app.config["MAX_IMAGE_PIXELS"]),
            max_pixels_per_byte=int(current_app.config["MAX_PIXELS_PER_BYTE"]),
        )
        return CleanFile(cleaned, content_type)
    if content_type == "application/pdf":
        return CleanFile(clean_pdf(data), content_type)
    if content_type in AUDIO_TYPES:
        return CleanFile(*clean_audio(data))
    # Plain text is only characters: nothing hides in it.
    return CleanFile(data, content_type)


def safe_filename(raw: str) -> str:
    """A file name fit to show and to send back: no path, no control or invisible characters."""
    name = unicodedata.normalize("NFC", raw)
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(
        " " if ch.isspace() else ch
        for ch in name
        if ch.isspace()
        or ch in NAME_KEPT_JOINERS
        or unicodedata.category(ch) not in NAME_DROPPED_CATEGORIES
    )
    name = " ".join(name.split()).rstrip(". ")
    if len(name) > NAME_MAX:
        stem, dot, extension = name.rpartition(".")
        if not dot or len(extension) > 16:
            stem, extension = name, ""
        suffix = "." + extension if extension else ""
        name = stem[: NAME_MAX - len(suffix)].rstrip(". ") + suffix
    return name if name.strip(".") else NAME_FALLBACK


def content_disposition(name: str, *, inline: bool, fallback: str) -> str:
    """A Content-Disposition header: a plain ASCII name, and the real one as RFC 5987 asks."""
    name = safe_filename(name)
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    plain_stem, plain_extension = _ascii(stem), _ascii(extension)
    if not re.search(r"[A-Za-z0-9]", plain_stem):
        plain_stem = fallback
    plain = plain_stem + ("." + plain_extension if plain_extension else "")
    value = f'{"inline" if inline else "attachment"}; filename="{plain}"'
    if plain != name:
        value += "; filename*=UTF-8''" + quote(name, safe="")
    return value


def _ascii(text: str) -> str:
    """The text in ASCII letters where it has them (é becomes e), other signs as "_"."""
    letters = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9()._ -]+", "_", letters).strip("._ ")


def _folder(which: str) -> Path:
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / which
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def store_pending(file: CleanFile) -> str:
    """Write a cleaned file to the pending folder; returns its random stored name."""
    name = secrets.token_hex(16)
    filecrypt.write(_folder(PENDING) / name, [file.data])
    return name


def remove_pending(names: Iterable[str]) -> None:
    """Delete pending files; missing ones are already gone."""
    folder = _folder(PENDING)
    for name in names:
        (folder / _safe(name)).unlink(missing_ok=True)


def promote(names: Iterable[str]) -> list[str]:
    """Move pending files into the evidence folder; returns the names moved."""
    pending, evidence = _folder(PENDING), _folder(EVIDENCE)
    moved: list[str] = []
    for name in names:
        os.replace(pending / _safe(name), evidence / _safe(name))
        moved.append(name)
    return moved


def demote(names: Iterable[str]) -> None:
    """Undo `promote`: put files back in the pending folder."""
    pending, evidence = _folder(PENDING), _folder(EVIDENCE)
    for name in names:
        source = evidence / _safe(name)
        if source.exists():
            os.replace(source, pending / _safe(name))


def evidence_files() -> list[Path]:
    """Every stored file, sent or pending (for key rotation and backups)."""
    return [
        path
        for which in (EVIDENCE, PENDING)
        for path in sorted(_folder(which).iterdir())
        if path.is_file() and not path.name.endswith(".rotating")
    ]


def read_evidence(stored_name: str) -> Iterator[bytes]:
    """A sent report's file, decrypted, in chunks."""
    return filecrypt.read(evidence_path(stored_name))


def file_response(item: Attachment, *, inline: bool, fallback: str) -> Response:
    """A case file as a download (or shown in the page if `inline`): decrypted chunk by chunk
    as it is sent, never cached (privacy.py sets no-store), sandboxed. Names stored before they
    were cleaned may hold line breaks: the header is built from the cleaned name, with an ASCII
    `fallback` and the real name encoded (RFC 5987)."""
    response = Response(read_evidence(item.stored_name), mimetype=item.content_type)
    response.headers["Content-Length"] = str(item.size)
    response.headers["Content-Disposition"] = content_disposition(
        item.original_name or fallback, inline=inline, fallback=fallback
    )
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def evidence_path(stored_name: str) -> Path:
    """Where a sent report's file lives."""
    return _folder(EVIDENCE) / _safe(stored_name)


def _safe(name: str) -> str:
    """Stored names are ours (hex); refuse anything else rather than touch another path."""
    if not name or any(ch not in "0123456789abcdef" for ch in name):
        raise ValueError("not a stored file name")
    return name


def shred(names: Iterable[str]) -> None:
    """Delete evidence files for good: overwrite each with zeros, flush, then unlink.

    On a journalling or copy-on-write file system, or an SSD, old blocks may survive an
    overwrite; the README's advice (encrypted disks, expiring backups) covers the rest.
    """
    folder = _folder(EVIDENCE)
    for name in names:
        path = folder / _safe(name)
        try:
            size = path.stat().st_size
            with path.open("r+b") as handle:
                remaining = size
                while remaining > 0:
                    chunk = min(remaining, 1024 * 1024)
                    handle.write(bytes(chunk))
                    remaining -= chunk
                handle.flush()
                os.fsync(handle.fileno())
        except FileNotFoundError:
            continue
        path.unlink(missing_ok=True)
