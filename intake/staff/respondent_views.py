"""A case's respondents, the notice to each and its service, the response and the
complainant's reply, and files staff share with the resident (Can.WORK_CASES, on cases the
staff member may work). Rules live in intake/respondents/."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import abort, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from .. import uploads
from ..auth.guard import allow
from ..bidi import isolated
from ..cases import access
from ..models import Report, Respondent
from ..respondents import documents, notice, notices, records
from ..respondents.records import RespondentError
from ..roles import Can
from .calendar_forms import day_of
from .forms import ActionForm
from .respondent_forms import DayForm, RespondentForm, ResponseForm, ServiceForm, ShareForm
from .views import _case_to_work, _render_case, bp, me


@dataclass(frozen=True)
class Row:
    """One respondent on the case page, with its forms and its response deadline."""

    respondent: Respondent
    edit: RespondentForm
    sent: DayForm
    served: ServiceForm
    response: ResponseForm
    due: date | None
    timeliness: notices.Timeliness | None


@dataclass(frozen=True)
class Panel:
    """What the case page's respondents and documents sections need."""

    rows: list[Row]
    add: RespondentForm
    reply: DayForm
    replies: list[date]
    share: ShareForm
    documents: list[documents.Document]
    action: ActionForm
    may_work: bool


def _form(
    form_class: type[Any], forms: dict[str, Any], key: str, prefix: str, data: Any = None
) -> Any:
    """The posted form that failed (its errors and what was typed), or a fresh one."""
    return forms.get(key) or form_class(formdata=None, prefix=prefix, data=data or None)


def _row(respondent: Respondent, forms: dict[str, Any]) -> Row:
    prefix = f"r{respondent.id}"
    typed = {"kind": respondent.kind, **{f: getattr(respondent, f) for f in records.FIELDS}}
    return Row(
        respondent,
        _form(RespondentForm, forms, f"edit-{respondent.id}", prefix, typed),
        _form(DayForm, forms, f"sent-{respondent.id}", f"{prefix}-sent"),
        _form(ServiceForm, forms, f"served-{respondent.id}", f"{prefix}-served"),
        _form(ResponseForm, forms, f"response-{respondent.id}", f"{prefix}-response"),
        notices.response_due(respondent),
        notices.timeliness(respondent),
    )


def respondents_panel(report: Report, forms: dict[str, Any] | None = None) -> Panel:
    """The respondents and documents of a case page; `forms` holds a form that failed."""
    forms = forms or {}
    first = records.prefill(report)
    prefilled = {"kind": first.kind, "name": first.name, "address": first.address} if first else {}
    return Panel(
        rows=[_row(respondent, forms) for respondent in records.of_case(report)],
        add=_form(RespondentForm, forms, "add", "new-respondent", prefilled),
        reply=_form(DayForm, forms, "reply", "reply"),
        replies=notices.replies(report),
        share=forms.get("share") or ShareForm(formdata=None),
        documents=documents.listing(report),
        action=ActionForm(formdata=None),
        may_work=access.can_work(me(), report),
    )


@bp.context_processor
def _respondents_context() -> dict[str, Any]:
    return {
        "respondents_panel": respondents_panel,
        "respondent_kinds": dict(records.KINDS),
        "service_methods": dict(notices.SERVICE_METHODS),
        "timeliness_labels": notices.TIMELINESS_LABELS,
    }


def _failed(report: Report, key: str, form: Any) -> ResponseReturnValue:
    """The case page again, with this form's errors and what was typed."""
    return _render_case(report, respondent_forms={key: form}), 422


def _respondent(report: Report, respondent_id: int) -> Respondent:
    found = records.get(report, respondent_id)
    if found is None:
        abort(404)
    return found


def _back(report: Report, anchor: str = "respondents") -> Response:
    return redirect(url_for(".case", case_id=report.id) + "#" + anchor)


def _upload(field: Any) -> tuple[uploads.CleanFile, str] | None:
    """The cleaned file sent in `field`, None when none was chosen; an error on the field (and
    None) when it cannot be accepted."""
    storage = request.files.get(field.name)
    if storage is None or not storage.filename:
        return None
    name = uploads.safe_filename(str(storage.filename))
    try:
        return uploads.clean_stream(storage.stream), name
    except uploads.UploadError as error:
        field.errors = [
            *field.errors,
            _("%(name)s: %(problem)s", name=isolated(name), problem=str(error.message)),
        ]
        return None


@bp.post("/cases/<int:case_id>/respondents")
@allow(Can.WORK_CASES)
def add_respondent(case_id: int) -> ResponseReturnValue:
    """Add a respondent to the case."""
    report = _case_to_work(case_id)
    form = RespondentForm(prefix="new-respondent")
    if form.validate_on_submit():
        try:
            records.add(me(), report, form.details())
        except RespondentError as error:
            form.kind.errors = [str(error.message)]
        else:
            flash(_("Respondent added."), "info")
            return _back(report)
    return _failed(report, "add", form)


@bp.post("/cases/<int:case_id>/respondents/<int:respondent_id>")
@allow(Can.WORK_CASES)
def edit_respondent(case_id: int, respondent_id: int) -> ResponseReturnValue:
    """Correct a respondent's details."""
    report = _case_to_work(case_id)
    respondent = _respondent(report, respondent_id)
    form = RespondentForm(prefix=f"r{respondent.id}")
    if form.validate_on_submit():
        try:
            changed = records.change(me(), report, respondent, form.details())
        except RespondentError as error:
            form.kind.errors = [str(error.message)]
        else:
            flash(_("Respondent saved.") if changed else _("Nothing changed."), "info")
            return _back(report)
    return _failed(report, f"edit-{respondent.id}", form)


@bp.post("/cases/<int:case_id>/respondents/<int:respondent_id>/remove")
@allow(Can.WORK_CASES)
def remove_respondent(case_id: int, respondent_id: int) -> Response:
    """Remove a respondent added by mistake."""
    report = _case_to_work(case_id)
    respondent = _respondent(report, respondent_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    records.remove(me(), report, respondent)
    flash(_("Respondent removed."), "info")
    return _back(report)


@bp.post("/cases/<int:case_id>/respondents/<int:respondent_id>/notice")
@allow(Can.WORK_CASES)
def respondent_notice(case_id: int, respondent_id: int) -> Response:
    """The notice to this respondent as a PDF for mailing (audited)."""
    report = _case_to_work(case_id)
    respondent = _respondent(report, respondent_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        built = notice.build(me(), report, respondent)
    except LookupError:
        flash(_("The letter library has no English text for the notice."), "error")
        return _back(report)
    response = Response(built.data, mimetype="application/pdf")
    filename = f"notice-{report.case_number}-{respondent.id}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/cases/<int:case_id>/respondents/<int:respondent_id>/mailed")
@allow(Can.WORK_CASES)
def notice_mailed(case_id: int, respondent_id: int) -> ResponseReturnValue:
    """Record the day the notice was mailed to this respondent."""
    report = _case_to_work(case_id)
    respondent = _respondent(report, respondent_id)
    form = DayForm(prefix=f"r{respondent.id}-sent")
    if form.validate_on_submit():
        try:
            notices.notice_sent(me(), report, respondent, day_of(form.on))
        except RespondentError as error:
            form.on.errors = [str(error.message)]
        else:
            flash(_("Saved: the notice was mailed."), "info")
            return _back(report)
    return _failed(report, f"sent-{respondent.id}", form)


@bp.post("/cases/<int:case_id>/respondents/<int:respondent_id>/served")
@allow(Can.WORK_CASES)
def notice_served(case_id: int, respondent_id: int) -> ResponseReturnValue:
    """Record service of the notice: the respondent's response deadline starts."""
    report = _case_to_work(case_id)
    respondent = _respondent(report, respondent_id)
    form = ServiceForm(prefix=f"r{respondent.id}-served")
    if form.validate_on_submit():
        try:
            notices.served(me(), report, respondent, day_of(form.on), form.how.data or "")
        except RespondentError as error:
            form.on.errors = [str(error.message)]
        else:
            flash(_("Saved: the notice was served."), "info")
            return _back(report)
    return _failed(report, f"served-{respondent.id}", form)


@bp.post("/cases/<int:case_id>/respondents/<int:respondent_id>/response")
@allow(Can.WORK_CASES)
def record_response(case_id: int, respondent_id: int) -> ResponseReturnValue:
    """Record the respondent's written response, with its file if there is one."""
    report = _case_to_work(case_id)
    respondent = _respondent(report, respondent_id)
    form = ResponseForm(prefix=f"r{respondent.id}-response")
    if form.validate_on_submit():
        upload = _upload(form.file)
        if not form.file.errors:
            try:
                notices.responded(me(), report, respondent, day_of(form.on), upload)
            except RespondentError as error:
                form.on.errors = [str(error.message)]
            else:
                flash(_("Saved: the response was received."), "info")
                return _back(report)
    return _failed(report, f"response-{respondent.id}", form)


@bp.post("/cases/<int:case_id>/reply")
@allow(Can.WORK_CASES)
def record_reply(case_id: int) -> ResponseReturnValue:
    """Record the day the complainant's reply to the response arrived."""
    report = _case_to_work(case_id)
    form = DayForm(prefix="reply")
    if form.validate_on_submit():
        try:
            notices.reply_received(me(), report, day_of(form.on))
        except RespondentError as error:
            form.on.errors = [str(error.message)]
        else:
            flash(_("Saved: the complainant's reply was received."), "info")
            return _back(report)
    return _failed(report, "reply", form)


@bp.post("/cases/<int:case_id>/documents")
@allow(Can.WORK_CASES)
def share_document(case_id: int) -> ResponseReturnValue:
    """Add a file to the case, shown to the resident or kept for staff."""
    report = _case_to_work(case_id)
    form = ShareForm()
    if form.validate_on_submit():
        upload = _upload(form.file)
        if upload is None and not form.file.errors:
            form.file.errors = [_("Choose a file.")]
        if upload is not None:
            documents.share(me(), report, upload[0], upload[1], bool(form.visible.data))
            flash(
                _("The file is on the resident's status page.")
                if form.visible.data
                else _("The file was added for staff only."),
                "info",
            )
            return _back(report, "documents")
    return _failed(report, "share", form)
