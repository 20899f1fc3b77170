"""Asking for a call back: a short form for residents who would rather talk, then a page saying
by when to expect the call.

The session keeps only the request's id with a timestamp (like the report's confirmation), to
show that page for RESIDENT_SESSION_MINUTES; the phone number is never shown back.
"""

from __future__ import annotations

import time

from flask import current_app, redirect, render_template, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from werkzeug.wrappers import Response

from .. import callbacks, dates, interpreters
from ..clock import today as current_today
from ..extensions import configured_limit, limiter
from ..sessions import fresh_entry
from .callback_forms import CallbackForm
from .views import bp

SENT_KEY = "callback_sent"


def _sent_a_request(response: Response) -> bool:
    return response.status_code == 302 and response.headers.get("Location", "").endswith(
        "/call-back/sent"
    )


@bp.route("/call-back", methods=["GET", "POST"])
@limiter.limit(
    configured_limit("CALLBACK_RATE_LIMIT"), methods=["POST"], deduct_when=_sent_a_request
)
def callback() -> ResponseReturnValue:
    """Ask to be called back: phone, language, good times, message, interpreter."""
    form = CallbackForm(data={"language": str(get_locale())})
    if form.validate_on_submit():
        request = callbacks.request_callback(
            language=form.language.data or str(get_locale()),
            phone=form.phone.data or "",
            may_leave_message=form.may_leave_message.data == "yes",
            received=current_today(),
            good_times=form.good_times.data,
            interpreter_language=form.interpreter_language.data or None,
            interpreter_other=form.interpreter_other.data,
        )
        session[SENT_KEY] = {"id": request.id, "at": time.time()}
        return redirect(url_for(".callback_sent"))
    status = 422 if form.errors else 200
    return render_template("public/callback.html", form=form, other=interpreters.OTHER), status


@bp.get("/call-back/sent")
def callback_sent() -> ResponseReturnValue:
    """Thank you: the day we will call by, and where to call if it is urgent."""
    minutes = int(current_app.config["RESIDENT_SESSION_MINUTES"])
    sent, _expired = fresh_entry(SENT_KEY, "at", minutes)
    request = callbacks.get(int(sent["id"])) if sent else None
    if request is None:
        return redirect(url_for(".callback"))
    due = request.due_by
    return render_template(
        "public/callback_sent.html",
        due_on=dates.incident_date(due.year, due.month, due.day),
        due_today=due <= current_today(),
    )
