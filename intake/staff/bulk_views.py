"""Bulk changes from a case list: a preview of what changes, then the change after confirmation.
The rules (limits, refusals, one audit entry per case) are in `intake.cases.bulk`."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict

from .. import vocab
from ..auth.guard import allow
from ..cases import bulk
from ..roles import ASSIGN, Can
from .forms import ActionForm
from .views import _safe_next, bp, me

# The list's bulk form names the value after the action it belongs to.
VALUE_FIELDS = {"assign": "assignee", "status": "status", "tag": "tag", "urgent": "urgent"}


def _request(args: MultiDict[str, str]) -> tuple[str, str, list[int]]:
    action = args.get("action", "")
    value = args.get(VALUE_FIELDS.get(action, "value"), "")
    return action, value, bulk.case_ids(args.getlist("case"))


def _back(args: MultiDict[str, str]) -> str:
    return _safe_next(args.get("next")) or url_for(".cases")


def _page(
    args: MultiDict[str, str], current: bulk.Plan | None, error: str = "", **extra: Any
) -> str:
    return render_template(
        "staff/bulk.html",
        plan=current,
        error=error,
        back=_back(args),
        default_reason=args.get("closure_reason", ""),
        closure_reasons=vocab.choices(vocab.CLOSURE_REASONS),
        value_field=VALUE_FIELDS,
        **extra,
    )


@bp.get("/cases/bulk")
@allow(Can.WORK_CASES, *ASSIGN)
def bulk_preview() -> ResponseReturnValue:
    """What the chosen change would do to each selected case; nothing is changed yet."""
    action, value, ids = _request(request.args)
    try:
        current = bulk.plan(me(), action, value, ids)
    except bulk.BulkError as error:
        return _page(request.args, None, str(error.message)), 422
    versions = {line.report.id: line.report.version for line in current.lines}
    return _page(request.args, current, versions=versions, reasons={}, missing=set())


@bp.post("/cases/bulk")
@allow(Can.WORK_CASES, *ASSIGN)
def bulk_apply() -> ResponseReturnValue:
    """Make the previewed change, case by case, and say what was changed and what was not."""
    if not ActionForm().validate_on_submit():
        abort(400)
    form = request.form
    action, value, ids = _request(form)
    versions = {i: _number(form.get(f"version-{i}")) for i in ids}
    reasons = {i: form.get(f"reason-{i}", "") for i in ids}
    try:
        current = bulk.plan(me(), action, value, ids)
    except bulk.BulkError as error:
        return _page(form, None, str(error.message)), 422
    missing = bulk.missing_reasons(current, reasons)
    problem = ""
    if missing:
        problem = _("Choose a closure reason for each case you close.")
    elif form.get("confirm") != "1":
        problem = _("Tick the box to confirm that you checked the list.")
    if problem:
        extra = {"versions": versions, "reasons": reasons, "missing": missing}
        return _page(form, current, problem, **extra), 422
    outcome = bulk.apply(me(), action, value, versions, reasons)
    if outcome.changed:
        count = len(outcome.changed)
        flash(ngettext("%(num)d case changed.", "%(num)d cases changed.", count), "info")
    for number, reason in outcome.skipped:
        flash(_("%(case)s was not changed: %(reason)s", case=number, reason=reason), "error")
    return redirect(_back(form), 303)


def _number(value: str | None) -> int:
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 12 else -1
