"""Sessions kept on the server, so that no secret and nothing personal ever travels in a cookie.

The browser's cookie holds a random id (256 bits) and nothing else. The `web_session` table holds
the id's SHA-256, the session's data encrypted under FIELD_ENCRYPTION_KEY, and when it expires.
Emptying a session (sign-out, quick exit) deletes its row, so a copied cookie opens nothing
afterwards; `regenerate()` gives a session a new id (at sign-in, against fixation).

Flask's own sessions would sign the data into the cookie: a resident's secret code or a temporary
password would then sit, readable, on the device. Flask-Session stores data server-side but
neither encrypts it nor hashes the id, and creates its table outside the migrations.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from datetime import datetime, timedelta
from typing import Any

from flask import Flask, Request, session
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SessionInterface, SessionMixin
from sqlalchemy import delete, update
from werkzeug.datastructures import CallbackDict
from werkzeug.wrappers import Response

from .crypto import decrypt, encrypt
from .extensions import db
from .models import WebSession, utcnow

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
# An active session's expiry is pushed back at most this often, not on every request.
REFRESH_SECONDS = 60
# Activity times kept in a session (idle limits) are written at most this often.
ACTIVITY_SECONDS = 30
_serializer = TaggedJSONSerializer()


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def lifetime(app: Flask) -> timedelta:
    """How long a session lives without a request: the longest of the idle limits it serves."""
    minutes = max(
        int(app.config["DRAFT_TTL_MINUTES"]),
        int(app.config["STAFF_IDLE_MINUTES"]),
        int(app.config["RESIDENT_SESSION_MINUTES"]),
    )
    return timedelta(minutes=minutes)


class ServerSession(CallbackDict[str, Any], SessionMixin):
    """A session whose data lives in the database; `token` is the cookie's random id."""

    def __init__(
        self,
        initial: dict[str, Any] | None = None,
        token: str | None = None,
        expires_at: datetime | None = None,
    ) -> None:
        def on_update(_self: CallbackDict[str, Any]) -> None:
            self.modified = True

        super().__init__(initial or {}, on_update)
        self.token = token
        self.expires_at = expires_at
        self.new = token is None
        self.modified = False
        self.regenerated = False

    def regenerate(self) -> None:
        """Give this session a new id (its old row is deleted when the response is sent)."""
        self.regenerated = True
        self.modified = True


class ServerSessionInterface(SessionInterface):
    """Flask's session interface over the `web_session` table."""

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        """The session named by the request's cookie, or a new empty one."""
        token = request.cookies.get(self.get_cookie_name(app), "")
        if not _TOKEN.match(token) or request.path.startswith(f"{app.static_url_path}/"):
            return ServerSession()
        row = db.session.execute(
            db.select(WebSession.data, WebSession.expires_at).where(WebSession.id == _key(token))
        ).one_or_none()
        if row is None or row.expires_at <= utcnow():
            return ServerSession()
        try:
            data = _serializer.loads(decrypt(row.data))
        except Exception:  # noqa: BLE001 - a row written under a retired key opens nothing
            return ServerSession()
        return ServerSession(data, token, row.expires_at)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        """Write, refresh or delete the session's row and set or clear the cookie."""
        if not isinstance(session, ServerSession) or (session.new and not session):
            return
        name = self.get_cookie_name(app)
        # Whatever the view left unfinished is not ours to commit; start clean.
        db.session.rollback()
        if session.token and (session.regenerated or not session):
            _delete(session.token)  # Emptied or renewed: the old id must open nothing.
        if not session:
            if session.token:
                response.delete_cookie(
                    name, domain=self.get_cookie_domain(app), path=self.get_cookie_path(app)
                )
            db.session.commit()
            return
        now = utcnow()
        expires_at = now + lifetime(app)
        if session.token is None or session.regenerated:
            token = secrets.token_urlsafe(32)
            db.session.add(WebSession(id=_key(token), data=_dump(session), expires_at=expires_at))
            db.session.commit()
            self._set_cookie(app, response, token)
            _purge_now_and_then(now)
            return
        stale = session.expires_at is None or (
            expires_at - session.expires_at > timedelta(seconds=REFRESH_SECONDS)
        )
        if session.modified or stale:
            values: dict[str, Any] = {"expires_at": expires_at}
            if session.modified:
                values["data"] = _dump(session)
            # An update, never an insert: a session deleted meanwhile (sign-out) stays deleted.
            db.session.execute(
                update(WebSession).where(WebSession.id == _key(session.token)).values(**values)
            )
            db.session.commit()

    def _set_cookie(self, app: Flask, response: Response, token: str) -> None:
        response.set_cookie(
            self.get_cookie_name(app),
            token,
            httponly=self.get_cookie_httponly(app),
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
            domain=self.get_cookie_domain(app),
            path=self.get_cookie_path(app),
        )
        response.vary.add("Cookie")


def _dump(session: ServerSession) -> str:
    return encrypt(_serializer.dumps(dict(session)))


def _delete(token: str) -> None:
    db.session.execute(delete(WebSession).where(WebSession.id == _key(token)))


def _purge_now_and_then(now: datetime) -> None:
    # One new session in 64 also clears expired ones, so the table stays small without cron.
    if secrets.randbelow(64) == 0:
        purge_expired(now)


def purge_expired(now: datetime | None = None) -> int:
    """Delete expired sessions; returns how many went."""
    result = db.session.execute(
        delete(WebSession).where(WebSession.expires_at <= (now or utcnow()))
    )
    db.session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


def fresh_entry(key: str, stamp: str, idle_minutes: int) -> tuple[dict[str, Any] | None, bool]:
    """(the session's `key` entry, False) while it was used within `idle_minutes`; else it is
    removed and (None, True) says it expired. Its `stamp` is renewed at most every
    ACTIVITY_SECONDS, so reading a page rarely writes the session."""
    entry: dict[str, Any] | None = session.get(key)
    if not entry:
        return None, False
    idle = time.time() - float(entry.get(stamp, 0))
    if idle > idle_minutes * 60:
        session.pop(key, None)
        return None, True
    if idle > ACTIVITY_SECONDS:
        entry[stamp] = time.time()
        session[key] = entry
    return entry, False


def renew(keep: tuple[str, ...] = ()) -> None:
    """Empty the current session but for `keep`, under a new id: the old id opens nothing any
    more (sign-in against fixation; sign-out and leaving against a copied cookie)."""
    kept = {key: session[key] for key in keep if key in session}
    session.clear()
    session.update(kept)
    current = session._get_current_object()  # type: ignore[attr-defined]
    if isinstance(current, ServerSession):
        current.regenerate()


def init_app(app: Flask) -> None:
    """Use server-side sessions."""
    app.session_interface = ServerSessionInterface()
