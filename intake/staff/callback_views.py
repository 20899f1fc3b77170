"""The call-back queue: residents who asked to be phoned, the overdue first; each request's page
shows the phone number, records attempts, closes it, or starts a report taken on the phone."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from .. import callbacks, interpreters
from ..auth.guard import allow
from ..clock import today
from ..extensions import db
from ..i18n import NATIVE_NAMES
from ..models import CallbackRequest
from ..roles import Can
from .callback_forms import AttemptForm, CloseForm
from .views import bp, me

INTAKE_START = "staff.intake_start"


@bp.app_context_processor
def _callback_context() -> dict[str, Any]:
    # A function, so the count is asked only where the navigation shows it.
    return {"open_callback_count": callbacks.open_count}


def _request_or_404(callback_id: int) -> CallbackRequest:
    request = callbacks.get(callback_id)
    if request is None:
        abort(404)
    return request


@bp.get("/callbacks", endpoint="callbacks")
@allow(Can.TAKE_REPORTS)
def callback_queue() -> ResponseReturnValue:
    """Every waiting call-back request, the longest overdue first (no phone numbers here)."""
    return render_template(
        "staff/callbacks.html",
        requests=callbacks.open_requests(),
        today=today(),
        is_overdue=callbacks.is_overdue,
        language_name=lambda code: NATIVE_NAMES.get(code, code),
        interpreter_name=interpreters.name,
    )


def _request_page(
    request: CallbackRequest,
    attempt_form: AttemptForm | None = None,
    close_form: CloseForm | None = None,
) -> str:
    return render_template(
        "staff/callbacks_request.html",
        request=request,
        attempt_form=attempt_form or AttemptForm(prefix="attempt", formdata=None),
        close_form=close_form or CloseForm(prefix="close", formdata=None),
        overdue=callbacks.is_overdue(request, today()),
        statuses=callbacks.STATUSES,
        outcomes=callbacks.OUTCOMES,
        language_name=NATIVE_NAMES.get(request.language, request.language),
        interpreter=interpreters.name(request.interpreter_language, request.interpreter_other),
        intake_url=_intake_url(request),
    )


def _intake_url(request: CallbackRequest) -> str | None:
    """The staff intake's start for this request, once that page exists."""
    if request.status != callbacks.OPEN or INTAKE_START not in current_app.view_functions:
        return None
    return url_for(INTAKE_START, callback=request.id)


def _closed_meanwhile(request: CallbackRequest, error: callbacks.CallbackError) -> Response:
    """Someone closed the request while this page was open: say so on its (closed) page."""
    flash(str(error.message), "error")
    return redirect(url_for(".callback_request", callback_id=request.id))


@bp.get("/callbacks/<int:callback_id>")
@allow(Can.TAKE_REPORTS)
def callback_request(callback_id: int) -> ResponseReturnValue:
    """One request: the phone number, attempts so far, and what to do next."""
    request = _request_or_404(callback_id)
    callbacks.viewed(me(), request)
    return _request_page(request)


@bp.post("/callbacks/<int:callback_id>/attempt")
@allow(Can.TAKE_REPORTS)
def callback_attempt(callback_id: int) -> ResponseReturnValue:
    """Record a call and its outcome."""
    request = _request_or_404(callback_id)
    form = AttemptForm(prefix="attempt")
    if form.validate_on_submit():
        try:
            callbacks.record_attempt(me(), request, form.outcome.data or "", form.note.data)
        except callbacks.CallbackError as error:
            db.session.rollback()
            if request.status != callbacks.OPEN:
                return _closed_meanwhile(request, error)
            form.outcome.errors = [str(error.message)]
        else:
            db.session.commit()
            flash(_("Call recorded."), "info")
            return redirect(url_for(".callback_request", callback_id=request.id))
    return _request_page(request, attempt_form=form), 422


@bp.post("/callbacks/<int:callback_id>/close")
@allow(Can.TAKE_REPORTS)
def callback_close(callback_id: int) -> ResponseReturnValue:
    """Close the request as done or cancelled."""
    request = _request_or_404(callback_id)
    form = CloseForm(prefix="close")
    if form.validate_on_submit():
        try:
            callbacks.close(me(), request, form.status.data or "", form.note.data)
        except callbacks.CallbackError as error:
            db.session.rollback()
            if request.status != callbacks.OPEN:
                return _closed_meanwhile(request, error)
            form.status.errors = [str(error.message)]
        else:
            db.session.commit()
            flash(_("Call-back request closed."), "info")
            return redirect(url_for(".callbacks"))
    return _request_page(request, close_form=form), 422
