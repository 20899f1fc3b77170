"""After sending: the record number, the secret code (shown until the resident says it is
saved, and downloadable as a text file), and what happens next."""

from __future__ import annotations

import time
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from .. import followup
from ..clock import today as current_today
from ..sessions import fresh_entry
from . import steps
from .forms import ConfirmSavedForm, DiscardForm
from .views import FILED_KEY, bp


def _filed() -> dict[str, Any] | None:
    """What this browser just sent, while its session is fresh (RESIDENT_SESSION_MINUTES idle)."""
    minutes = int(current_app.config["RESIDENT_SESSION_MINUTES"])
    filed, expired = fresh_entry(FILED_KEY, "at", minutes)
    if expired:
        flash(_("For your safety, the confirmation page closed after some time."), "info")
    return filed


@bp.route("/report/done", methods=["GET", "POST"])
def done() -> str | Response:
    """The record number, the receipt (until the resident confirms they saved it), what's next.
    Once the code is saved, the answers are no longer shown either."""
    filed = _filed()
    if not filed:
        return redirect(url_for(".index"))
    report = followup.report(filed["id"])
    if report is None:
        abort(404)
    form = ConfirmSavedForm()
    if form.validate_on_submit():
        session[FILED_KEY] = {"id": report.id, "at": time.time()}
        return redirect(url_for(".done"))
    receipt = filed.get("receipt")
    sections = []
    if receipt:
        answers = steps.answers_from_report(report)
        sections = [
            (title, items) for _name, title, items in steps.sections(answers, current_today())
        ]
    return render_template(
        "public/done.html",
        report=report,
        receipt=receipt,
        form=form,
        finish_form=DiscardForm(),
        sections=sections,
    )


@bp.get("/report/done/secret-code.txt")
def receipt_file() -> Response:
    """The record number and secret code as a small text file, while the code is still shown."""
    filed = _filed()
    if not filed or not filed.get("receipt"):
        return redirect(url_for(".done"))
    report = followup.report(filed["id"])
    if report is None:
        abort(404)
    text = "\n".join(
        (
            _("Chicago Commission on Human Relations"),
            _("Record number: %(number)s", number=report.record_number),
            _("Secret code: %(code)s", code=filed["receipt"]),
            _("Check your report: %(url)s", url=url_for(".check", _external=True)),
            "",
        )
    )
    response = Response(text, mimetype="text/plain; charset=utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="secret-code.txt"'
    return response


@bp.post("/report/finish")
def finish() -> Response:
    """Clear the confirmation from this browser."""
    if DiscardForm().validate_on_submit():
        session.pop(FILED_KEY, None)
    return redirect(url_for(".index"))
