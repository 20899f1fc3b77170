"""The one guard in front of every page: staff pages are closed unless a view says who may enter.

A view opens itself to whoever holds one of its capabilities with `@allow(Can.REPORTS, ...)`, or
to every signed-in staff member with `@allow(ANY_STAFF)`. A view without `@allow` refuses
everyone, so a forgotten decorator fails closed. Residents' pages and the sign-in steps are the
explicit public list.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from werkzeug.wrappers import Response

from ..roles import Can
from ..sessions import ACTIVITY_SECONDS

ANY_STAFF = "*"
PUBLIC_BLUEPRINTS = frozenset({"public"})
PUBLIC_ENDPOINTS = frozenset(
    {
        "static",
        "auth.sign_in",
        "auth.two_factor",
        "auth.two_factor_setup",
    }
)
# Reachable while a temporary password must still be replaced.
PASSWORD_CHANGE_ENDPOINTS = frozenset({"auth.change_password", "auth.sign_out"})
SEEN_KEY = "seen"

View = TypeVar("View", bound=Callable[..., Any])


def allow(*capabilities: str) -> Callable[[View], View]:
    """Open a staff view to whoever holds any of these capabilities (or to ANY_STAFF)."""

    def mark(view: View) -> View:
        view.allowed = frozenset(capabilities)  # type: ignore[attr-defined]
        return view

    return mark


def is_public(endpoint: str) -> bool:
    """Whether an endpoint is open to visitors who are not signed in."""
    return endpoint in PUBLIC_ENDPOINTS or endpoint.split(".")[0] in PUBLIC_BLUEPRINTS


def allowed(endpoint: str) -> frozenset[str]:
    """The capabilities that open a staff endpoint (empty: nobody)."""
    view = current_app.view_functions.get(endpoint)
    return frozenset(getattr(view, "allowed", frozenset()))


def _idle_too_long() -> bool:
    seen = session.get(SEEN_KEY)
    limit = int(current_app.config["STAFF_IDLE_MINUTES"]) * 60
    return seen is None or time.time() - float(seen) > limit


def guard() -> Response | None:
    """Before every request: let public pages through, send visitors to sign in, check what the
    staff member may do."""
    endpoint = request.endpoint
    if endpoint is None or is_public(endpoint):
        return None
    if not current_user.is_authenticated:
        return redirect(url_for("auth.sign_in"))
    if _idle_too_long():
        logout_user()
        session.clear()
        flash(_("You were signed out after a period of inactivity."), "info")
        return redirect(url_for("auth.sign_in"))
    if time.time() - float(session.get(SEEN_KEY, 0)) > ACTIVITY_SECONDS:
        session[SEEN_KEY] = time.time()  # Noted at most this often: a page view rarely writes.
    if current_user.must_change_password and endpoint not in PASSWORD_CHANGE_ENDPOINTS:
        return redirect(url_for("auth.change_password"))
    needed = allowed(endpoint)
    if ANY_STAFF in needed or current_user.can(*(Can(name) for name in needed)):
        return None
    abort(403)
