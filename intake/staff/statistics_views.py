"""Supervisors' reports page, its charts, and every export (each export is audited)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from flask import (
    Response,
    abort,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ..auth.guard import allow
from ..cases import audit
from ..cases.queries import CaseFilter
from ..clock import today
from ..records import consent
from ..roles import Can
from ..statistics import charts, exports, pdf, writers
from ..statistics.periods import Period, PeriodError, chosen, current_quarter
from ..statistics.summary import PUBLIC_MINIMUM, Summary, hidden_count, summarize
from .views import bp, me

CHARTED = {
    "kind",
    "covered_area",
    "protected_class",
    "bias_category",
    "incident_type",
    "community_area",
    "ward",
    "language",
    "status",
    "closure_reason",
    "anonymous",
}
# What a period is read from (kept when a download goes back to the page).
PERIOD_ARGS = ("period", "start", "end", "public")
MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _presets(now: date) -> list[tuple[str, str]]:
    quarter = current_quarter(now)
    previous_quarter = current_quarter(quarter.start - timedelta(days=1))
    last_month = now.replace(day=1) - timedelta(days=1)
    return [
        (f"{now.year}-{now.month:02d}", _("This month")),
        (f"{last_month.year}-{last_month.month:02d}", _("Last month")),
        (quarter.key, _("This quarter")),
        (previous_quarter.key, _("Last quarter")),
        (str(now.year), _("This year")),
        (str(now.year - 1), _("Last year")),
    ]


def _period() -> Period:
    """The period asked for: `start`..`end`, or `period`, else this quarter (or PeriodError)."""
    args = request.args
    return chosen(args.get("period", ""), args.get("start", ""), args.get("end", ""), today())


def _public() -> bool:
    return request.args.get("public") == "1"


@bp.get("/reports")
@allow(Can.REPORTS)
def reports() -> ResponseReturnValue:
    """Counts, timings, trend and caseload for a period, with charts and their tables."""
    try:
        summary = summarize(_period(), today(), public=_public())
    except PeriodError as error:
        # The form again, with what was typed and why that period cannot be shown.
        return _page(None, str(error.message)), 400
    return _page(summary)


def _page(summary: Summary | None, error: str = "") -> str:
    # The charts are drawn from this summary and embedded, rather than each image asking the
    # server to compute the whole summary again (twelve times per page).
    drawn = charts.page_charts(summary, CHARTED) if summary else {}
    return render_template(
        "staff/reports.html",
        summary=summary,
        charts=drawn,
        error=error,
        presets=_presets(today()),
        hidden_count=hidden_count(),
        public_minimum=PUBLIC_MINIMUM,
        public=_public(),
    )


@bp.get("/reports/charts/<name>.svg")
@allow(Can.REPORTS)
def report_chart(name: str) -> Response:
    """One chart as SVG, on its own (the reports page embeds its charts; this serves a link)."""
    if name != "trend" and name not in CHARTED:
        abort(404)
    try:
        summary = summarize(_period(), today(), public=_public())
    except PeriodError:
        abort(400)  # An image: the page it belongs on says what is wrong with the period.
    if name == "trend":
        figure = charts.trend_chart(summary)
    else:
        figure = charts.table_chart(summary, name)
    response = Response(charts.render(figure, "svg"), mimetype="image/svg+xml")
    # The SVG styles itself; it is an image with no script, so inline styles are safe here.
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def _download(body: Iterable[str] | Iterable[bytes] | str | bytes, fmt: str, name: str) -> Response:
    response = Response(body, mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@bp.get("/reports/export.<any(csv, xlsx, pdf):fmt>")
@allow(Can.REPORTS)
def export_summary(fmt: str) -> ResponseReturnValue:
    """The summary as CSV, XLSX or PDF."""
    try:
        period = _period()
    except PeriodError:
        # Back to the page, which says why, with what was typed (nothing is exported or audited).
        asked: dict[str, Any] = {n: request.args[n] for n in PERIOD_ARGS if n in request.args}
        return redirect(url_for("staff.reports", **asked), 303)
    summary = summarize(period, today(), public=_public())
    name = f"summary-{summary.period.key}" + ("-public" if summary.public else "")
    audit.record_export(
        me(), what="summary", format=fmt, period=summary.period.key, public=summary.public
    )
    if fmt == "csv":
        return _download(exports.summary_csv(summary), fmt, name)
    if fmt == "pdf":
        return _download(pdf.build(summary), fmt, name)
    # A few small sheets: made whole, while the request's language is at hand.
    return _download(writers.xlsx_bytes(exports.summary_sheets(summary)), fmt, name)


@bp.get("/cases/export.<any(csv, xlsx):fmt>")
@allow(Can.REPORTS)
def export_cases(fmt: str) -> ResponseReturnValue:
    """The cases matching the list's filters; personal data only when explicitly ticked."""
    personal = request.args.get("personal") == "1"
    if personal and not me().can(Can.EXPORT_PERSONAL):
        abort(403)
    case_filter = CaseFilter.from_args(request.args)
    # Which filters, not what was typed in the search box (it may be someone's name).
    filters = sorted({key for key in request.args if key != "personal"})
    audit.record_export(me(), what="cases", format=fmt, personal=personal, filters=filters)
    if personal:
        consent.log_export(me(), "cases")
    rows = exports.case_rows(case_filter, me(), today(), personal)
    name = "cases-personal" if personal else "cases"
    if fmt == "csv":
        return _download(stream_with_context(writers.stream_csv(rows)), fmt, name)
    # Streamed as it is made: the download starts at once, and memory stays flat, however many.
    workbook = writers.stream_xlsx([(_("Cases"), rows)])
    return _download(stream_with_context(workbook), fmt, name)
