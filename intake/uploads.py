"""Evidence files: checked by their content, cleaned of metadata, stored under random names.

Files live under UPLOAD_FOLDER, outside the web root, in two folders: `pending/` while the report
is a draft, `evidence/` once it is sent. Nothing here is ever served to the public.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import filetype
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()

# What a resident may send: photos and screenshots, documents, recordings. Checked by content.
IMAGE_TYPES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    # iPhones take HEIC photos; they are re-encoded as JPEG so every staff browser shows them.
    "image/heic": "JPEG",
}
OTHER_TYPES = frozenset(
    {
        "application/pdf",
        "text/plain",
        "audio/mpeg",
        "audio/mp4",
        "audio/ogg",
        "audio/x-wav",
        "audio/aac",
        "audio/amr",
        "audio/x-flac",
    }
)
PENDING = "pending"
EVIDENCE = "evidence"


class UploadError(Exception):
    """A file the portal will not keep; the message is shown to the resident."""

    def __init__(self, message: LazyString | str) -> None:
        super().__init__(str(message))
        self.message = message


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


def clean(data: bytes) -> CleanFile:
    """Check a file by its content and strip image metadata; raises UploadError."""
    if not data:
        raise UploadError(_l("This file is empty."))
    if len(data) > int(current_app.config["MAX_FILE_BYTES"]):
        raise UploadError(_l("This file is larger than 10 MB."))
    content_type = detect_type(data)
    if content_type is None:
        raise UploadError(
            _l("We can only accept photos, PDF files, text files and sound recordings.")
        )
    if content_type in IMAGE_TYPES:
        return _clean_image(data, IMAGE_TYPES[content_type])
    return CleanFile(data, content_type)


def _clean_image(data: bytes, target: str) -> CleanFile:
    """Re-draw the picture from its pixels alone, so EXIF, GPS and comments are left behind."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as opened:
                upright = ImageOps.exif_transpose(opened)
                mode = upright.mode
                if target == "JPEG" and mode not in ("RGB", "L", "CMYK"):
                    upright, mode = upright.convert("RGB"), "RGB"
                elif mode not in ("RGB", "RGBA", "L", "LA", "P", "CMYK", "1"):
                    upright, mode = upright.convert("RGBA"), "RGBA"
                pixels = Image.frombytes(mode, upright.size, upright.tobytes())
                if mode == "P" and upright.palette is not None:
                    pixels.putpalette(upright.getpalette() or [])
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise UploadError(_l("This picture could not be opened. Try another copy of it.")) from None
    out = BytesIO()
    pixels.save(out, format=target, **({"quality": 90} if target == "JPEG" else {}))
    content_type = "image/jpeg" if target == "JPEG" else Image.MIME[target]
    return CleanFile(out.getvalue(), content_type)


def _folder(which: str) -> Path:
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / which
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def store_pending(file: CleanFile) -> str:
    """Write a cleaned file to the pending folder; returns its random stored name."""
    name = secrets.token_hex(16)
    path = _folder(PENDING) / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(file.data)
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


def evidence_path(stored_name: str) -> Path:
    """Where a sent report's file lives."""
    return _folder(EVIDENCE) / _safe(stored_name)


def _safe(name: str) -> str:
    """Stored names are ours (hex); refuse anything else rather than touch another path."""
    if not name or any(ch not in "0123456789abcdef" for ch in name):
        raise ValueError("not a stored file name")
    return name
