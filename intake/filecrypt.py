"""Evidence files encrypted at rest, written and read in chunks so a 100 MB video never sits in
memory twice.

Format: b"INTK1", an 8-byte key id, an 8-byte random nonce prefix, then chunks of up to 64 KiB,
each sealed with AES-256-GCM under a nonce of the prefix and the chunk's number; the last chunk
is marked in its associated data, so a truncated file fails to decrypt instead of reading short.
The file key is derived (HKDF) from each FIELD_ENCRYPTION_KEY, newest first, so `flask keys
rotate` re-encrypts files like everything else. Files written before encryption (no header) are
read as they are, and encrypted by the next rotation.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

MAGIC = b"INTK1"
CHUNK = 64 * 1024
SEALED = CHUNK + 16  # A full chunk with its GCM tag.
HEADER = len(MAGIC) + 8 + 8


class FileKeyError(Exception):
    """The file was encrypted with a key that is no longer configured, or was altered."""


FILES = b"intake files"
BACKUPS = b"intake backups"


def _keys(purpose: bytes = FILES) -> list[bytes]:
    """The keys derived for `purpose` from the configured encryption keys, newest first."""
    derived = []
    for key in str(current_app.config["FIELD_ENCRYPTION_KEY"]).split(","):
        if key.strip():
            hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose)
            derived.append(hkdf.derive(key.strip().encode("ascii")))
    return derived


def _key_id(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()[:8]


def _header_key_id(header: bytes) -> bytes:
    """The key id a file's header names."""
    return header[len(MAGIC) : len(MAGIC) + 8]


def _nonce(prefix: bytes, number: int) -> bytes:
    return prefix + number.to_bytes(4, "big")


def _chunks(blocks: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Blocks of any size as CHUNK-sized pieces, each with whether it is the last."""
    buffer = b""
    pending: bytes | None = None
    for block in blocks:
        buffer += block
        while len(buffer) >= CHUNK:
            if pending is not None:
                yield pending, False
            pending, buffer = buffer[:CHUNK], buffer[CHUNK:]
    if buffer or pending is None:
        if pending is not None:
            yield pending, False
        yield buffer, True
    else:
        yield pending, True


def write(
    path: Path, blocks: Iterable[bytes], *, exclusive: bool = True, purpose: bytes = FILES
) -> None:
    """Write the content (given in blocks of any size) encrypted to a file (owner-only)."""
    key = _keys(purpose)[0]
    prefix = os.urandom(8)
    sealer = AESGCM(key)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    with os.fdopen(os.open(path, flags, 0o600), "wb") as handle:
        handle.write(MAGIC + _key_id(key) + prefix)
        for number, (chunk, last) in enumerate(_chunks(blocks)):
            handle.write(sealer.encrypt(_nonce(prefix, number), chunk, b"\x01" if last else b""))


def _is_encrypted(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def read(path: Path, purpose: bytes = FILES) -> Iterator[bytes]:
    """The file's plain content, chunk by chunk (keys are looked up now, so the chunks can be
    read after the request's context is gone, while a response streams)."""
    return _read(path, _keys(purpose))


def _read(path: Path, keys: list[bytes]) -> Iterator[bytes]:
    with path.open("rb") as handle:
        header = handle.read(HEADER)
        if not header.startswith(MAGIC):
            yield header
            while block := handle.read(CHUNK):
                yield block
            return
        key_id, prefix = _header_key_id(header), header[len(MAGIC) + 8 :]
        key = next((k for k in keys if _key_id(k) == key_id), None)
        if key is None:
            raise FileKeyError(path.name)
        opener = AESGCM(key)
        number, sealed = 0, handle.read(SEALED)
        while True:
            following = handle.read(SEALED)
            last = not following
            try:
                yield opener.decrypt(_nonce(prefix, number), sealed, b"\x01" if last else b"")
            except InvalidTag as error:  # Altered, truncated or reordered.
                raise FileKeyError(path.name) from error
            if last:
                return
            number, sealed = number + 1, following


def needs_rotation(path: Path) -> bool:
    """Whether the file is unencrypted or under an older key."""
    with path.open("rb") as handle:
        header = handle.read(HEADER)
    return not header.startswith(MAGIC) or _header_key_id(header) != _key_id(_keys()[0])


def rotate(path: Path) -> None:
    """Encrypt the file again under the newest key (through a temporary file, then a rename)."""
    temporary = path.with_name(path.name + ".rotating")
    write(temporary, read(path), exclusive=False)
    os.replace(temporary, path)
