"""Cleaning evidence files: each format is rebuilt from what it needs, so nothing else survives.

Every cleaner takes the uploaded bytes and returns new bytes, or raises UploadError with a
message for the resident. Nothing that could not be cleaned is ever stored.
"""

from __future__ import annotations

from flask_babel.speaklater import LazyString


class UploadError(Exception):
    """A file the portal will not keep; the message is shown to the resident."""

    def __init__(self, message: LazyString | str) -> None:
        super().__init__(str(message))
        self.message = message
