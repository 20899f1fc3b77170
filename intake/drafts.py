"""A resident's unsent answers, kept server-side between the form's steps.

The browser's session cookie holds only a random token. The database keeps the token's hash and
the answers encrypted, and forgets them once the report is sent or after DRAFT_TTL_MINUTES idle.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import timedelta
from typing import Any

from flask import current_app, g, session
from sqlalchemy import delete

from . import uploads
from .extensions import db
from .models import Draft, utcnow

SESSION_KEY = "draft"
# Set on `g` when a request starts a new draft (new drafts are rate-limited per client).
NEW_DRAFT_FLAG = "new_draft"


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _expired(draft: Draft) -> bool:
    ttl = timedelta(minutes=int(current_app.config["DRAFT_TTL_MINUTES"]))
    return utcnow() - draft.updated_at > ttl


def load() -> dict[str, Any] | None:
    """The current visitor's answers, or None when they have none (or they expired)."""
    token = session.get(SESSION_KEY)
    if not token:
        return None
    draft = db.session.get(Draft, _key(token))
    if draft is None:
        session.pop(SESSION_KEY, None)
        return None
    if _expired(draft):
        discard()
        return None
    data: dict[str, Any] = json.loads(draft.data)
    return data


def had_expired() -> bool:
    """True when the browser holds a draft token whose answers are gone."""
    token = session.get(SESSION_KEY)
    if not token:
        return False
    draft = db.session.get(Draft, _key(token))
    return draft is None or _expired(draft)


def save(data: dict[str, Any]) -> None:
    """Store the visitor's answers, creating their draft on first save."""
    token = session.get(SESSION_KEY)
    draft = db.session.get(Draft, _key(token)) if token else None
    if draft is None:
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
        draft = Draft(id=_key(token))
        db.session.add(draft)
        setattr(g, NEW_DRAFT_FLAG, True)
    draft.data = json.dumps(data)
    draft.updated_at = utcnow()
    db.session.commit()


def discard() -> None:
    """Forget the visitor's answers and any files they uploaded."""
    token = session.pop(SESSION_KEY, None)
    if not token:
        return
    draft = db.session.get(Draft, _key(token))
    if draft is None:
        return
    files = json.loads(draft.data).get("files", [])
    db.session.delete(draft)
    db.session.commit()
    uploads.remove_pending(item["stored_name"] for item in files)


def purge_expired() -> int:
    """Delete every stale draft and its pending files; returns how many drafts went."""
    cutoff = utcnow() - timedelta(minutes=int(current_app.config["DRAFT_TTL_MINUTES"]))
    stale = db.session.scalars(db.select(Draft).where(Draft.updated_at < cutoff)).all()
    names = [item["stored_name"] for d in stale for item in json.loads(d.data).get("files", [])]
    db.session.execute(delete(Draft).where(Draft.id.in_([d.id for d in stale])))
    db.session.commit()
    uploads.remove_pending(names)
    return len(stale)
