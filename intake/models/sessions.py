"""Browser sessions, kept on the server: the cookie carries only a random id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..crypto import EncryptedText
from ..extensions import db
from .types import UTCDateTime


class WebSession(db.Model):  # type: ignore[name-defined,misc]
    """One browser's session data (language, sign-in, CSRF token, flashes), encrypted.

    The table holds the SHA-256 of the cookie's random id, never the id itself, so reading the
    database does not let anyone take over a session.
    """

    __tablename__ = "web_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[str] = mapped_column(EncryptedText)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
