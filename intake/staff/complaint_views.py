"""The formal complaint on the staff side (Can.WORK_CASES, on a case they may work): draft it
from the report, edit it, make it ready for the resident's signature, record a signature on
paper, and read or download every version."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response
from wtforms import (
    DateField,
    FileField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from .. import uploads, vocab
from ..auth.guard import allow
from ..complaints import drafting, signing
from ..complaints.drafting import ComplaintError
from ..extensions import db
from ..models import Complaint, Report
from ..public.forms import NARRATIVE_MAX, MultiCheckboxField, Written, options
from ..roles import Can
from .views import _case_to_work, bp, me


class ComplaintForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF is untyped
    """The complaint's facts (Regulation 210.120(c)), against the version they were read at."""

    version = IntegerField(
        _l("Version"), id="complaint-version", widget=HiddenField.widget, validators=[Optional()]
    )
    complainant_name = StringField(_l("Complainant"), validators=[Optional(), Length(max=300)])
    respondent_name = StringField(_l("Respondent"), validators=[Optional(), Length(max=300)])
    respondent_address = TextAreaField(
        _l("Respondent's address"),
        description=_l("The notice and a copy of the complaint are mailed here."),
        validators=[Optional(), Length(max=2000)],
    )
    covered_area = SelectField(
        _l("Covered area"),
        choices=options([("", _l("Choose one"))], vocab.choices(vocab.COVERED_AREAS)),
        validators=[Optional()],
    )
    protected_classes = MultiCheckboxField(
        _l("Protected classes"), choices=options(vocab.choices(vocab.PROTECTED_CLASSES))
    )
    incident_dates = StringField(
        _l("When it happened"),
        description=_l("The day or days, or the month, and whether it is still happening."),
        validators=[Optional(), Length(max=300)],
    )
    statement = TextAreaField(
        _l("Statement of facts"),
        description=_l("What happened, in the complainant's words and language."),
        validators=[Optional(), Length(max=NARRATIVE_MAX)],
    )


class ReadyForm(FlaskForm):  # type: ignore[misc]
    """Make the version ready for signature."""

    version = IntegerField(
        _l("Version"), id="ready-version", widget=HiddenField.widget, validators=[Optional()]
    )


class PaperForm(FlaskForm):  # type: ignore[misc]
    """A signature on paper: the name signed, the day, and the scan of the signed page."""

    version = IntegerField(
        _l("Version"), id="paper-version", widget=HiddenField.widget, validators=[Optional()]
    )
    signed_name = StringField(
        _l("Name as signed"),
        id="paper-name",
        validators=[Written(message=_l("Write the name as signed.")), Length(max=300)],
    )
    signed_on = DateField(
        _l("Day of the signature"),
        id="paper-day",
        validators=[InputRequired(message=_l("Enter the day it was signed, such as 2026-03-14."))],
    )
    scan = FileField(_l("Scan of the signed complaint"), id="paper-scan")


def _case(case_id: int) -> Report:
    report = _case_to_work(case_id)
    if not drafting.may_draft(report) and drafting.latest(report) is None:
        abort(404)  # Not a case with a complaint (a hate report, or not accepted).
    return report


def _version(report: Report, number: int) -> Complaint:
    complaint = drafting.version(report, number) if 0 < number < 10_000 else None
    if complaint is None:
        abort(404)
    return complaint


def _form_values(form: ComplaintForm) -> dict[str, Any]:
    values = {name: form[name].data for name in drafting.FIELDS if name != "protected_classes"}
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    values["protected_classes"] = ",".join(form.protected_classes.data or [])
    return values


def _edit_form(complaint: Complaint) -> ComplaintForm:
    data = {name: getattr(complaint, name) for name in drafting.FIELDS}
    data["protected_classes"] = complaint.classes()
    data["version"] = complaint.version
    return ComplaintForm(formdata=None, data=data)


def _render(report: Report, status: int = 200, **forms: Any) -> ResponseReturnValue:
    all_versions = drafting.versions(report)
    current = all_versions[-1] if all_versions else None
    editable = current is not None and current.state != "signed"
    if editable and current is not None:
        forms.setdefault("form", _edit_form(current))
        forms.setdefault("ready_form", ReadyForm(formdata=None, data={"version": current.version}))
        if current.state == "ready":
            forms.setdefault(
                "paper_form", PaperForm(formdata=None, data={"version": current.version})
            )
    return render_template(
        "staff/complaint.html",
        report=report,
        current=current,
        versions=all_versions,
        editable=editable,
        may_draft=drafting.may_draft(report),
        problems=drafting.problems(current) if editable and current else [],
        state_labels=drafting.STATE_LABELS,
        **forms,
    ), status


@bp.get("/cases/<int:case_id>/complaint")
@allow(Can.WORK_CASES)
def complaint(case_id: int) -> ResponseReturnValue:
    """The case's complaint: the version being drafted, and every earlier version."""
    return _render(_case(case_id))


@bp.post("/cases/<int:case_id>/complaint/draft")
@allow(Can.WORK_CASES)
def complaint_draft(case_id: int) -> ResponseReturnValue:
    """Draft the complaint from the report (or start a new version of a signed one)."""
    report = _case(case_id)
    if not ReadyForm().validate_on_submit():
        abort(400)
    try:
        drafting.start(me(), report)
    except ComplaintError as error:
        flash(str(error.message), "error")
    return redirect(url_for(".complaint", case_id=report.id))


@bp.post("/cases/<int:case_id>/complaint/save")
@allow(Can.WORK_CASES)
def complaint_save(case_id: int) -> ResponseReturnValue:
    """Save the draft's facts (refused if someone changed it since it was opened)."""
    report = _case(case_id)
    current = drafting.latest(report)
    form = ComplaintForm()
    if current is None or current.state == "signed":
        flash(_("There is no draft to save. Start a new version first."), "error")
        return redirect(url_for(".complaint", case_id=report.id))
    if not form.validate_on_submit():
        return _render(report, 422, form=form)
    try:
        changed = drafting.save(me(), report, current, _form_values(form), form.version.data or 0)
    except ComplaintError as error:
        form.version.errors.append(str(error.message))
        return _render(report, 409, form=form)
    except StaleDataError:
        db.session.rollback()
        form.version.errors.append(
            _("Someone changed this complaint at the same time. Save again.")
        )
        return _render(report, 409, form=form)
    flash(_("Complaint saved.") if changed else _("Nothing changed."), "info")
    return redirect(url_for(".complaint", case_id=report.id))


@bp.post("/cases/<int:case_id>/complaint/ready")
@allow(Can.WORK_CASES)
def complaint_ready(case_id: int) -> ResponseReturnValue:
    """Show the complaint to the resident on their status page, to sign."""
    report = _case(case_id)
    current = drafting.latest(report)
    form = ReadyForm()
    if current is None or not form.validate_on_submit():
        return redirect(url_for(".complaint", case_id=report.id))
    try:
        drafting.mark_ready(me(), report, current, form.version.data or 0)
    except ComplaintError as error:
        form.version.errors.extend([str(error.message), *map(str, error.problems)])
        return _render(report, 409, ready_form=form)
    flash(_("The complaint is ready: the resident can read and sign it on their page."), "info")
    return redirect(url_for(".complaint", case_id=report.id))


@bp.post("/cases/<int:case_id>/complaint/paper")
@allow(Can.WORK_CASES)
def complaint_paper(case_id: int) -> ResponseReturnValue:
    """Record a signature on paper: the scan joins the case's files; the PDF is made."""
    report = _case(case_id)
    current = drafting.latest(report)
    form = PaperForm()
    if current is None or current.state != "ready":
        flash(_("Make the complaint ready for signature first."), "error")
        return redirect(url_for(".complaint", case_id=report.id))
    if not form.validate_on_submit():
        return _render(report, 422, paper_form=form)
    storage = request.files.get(form.scan.name)
    if storage is None or not storage.filename:
        form.scan.errors.append(_("Choose the scan of the signed complaint."))
        return _render(report, 422, paper_form=form)
    try:
        scan = uploads.clean_stream(storage.stream)
        signed_on: date = form.signed_on.data
        signing.sign_paper(
            me(),
            report,
            current,
            scan=scan,
            file_name=uploads.safe_filename(str(storage.filename)),
            name=form.signed_name.data,
            day=signed_on,
            seen=form.version.data or 0,
        )
    except uploads.UploadError as error:
        form.scan.errors.append(str(error.message))
        return _render(report, 422, paper_form=form)
    except ComplaintError as error:
        form.signed_on.errors.append(str(error.message))
        return _render(report, 409, paper_form=form)
    flash(_("The paper signature was recorded."), "info")
    return redirect(url_for(".complaint", case_id=report.id))


@bp.get("/cases/<int:case_id>/complaint/<int:number>")
@allow(Can.WORK_CASES)
def complaint_version(case_id: int, number: int) -> ResponseReturnValue:
    """One version as it was (a signed one exactly as signed)."""
    report = _case(case_id)
    return render_template(
        "staff/complaint_version.html",
        report=report,
        complaint=_version(report, number),
        state_labels=drafting.STATE_LABELS,
        class_labels=drafting.class_labels,
    )


@bp.get("/cases/<int:case_id>/complaint/<int:number>/pdf")
@allow(Can.WORK_CASES)
def complaint_pdf(case_id: int, number: int) -> ResponseReturnValue:
    """The signed version's PDF, checked against its stored digest; the download is audited."""
    report = _case(case_id)
    item = _version(report, number)
    try:
        data = signing.signed_pdf(item)
    except ComplaintError as error:
        flash(str(error.message), "error")
        return redirect(url_for(".complaint", case_id=report.id))
    signing.record_download(me(), report, item)
    return pdf_response(data, f"complaint-{report.case_number}-v{item.number}.pdf")


def pdf_response(data: bytes, name: str) -> Response:
    """A PDF to download, never cached."""
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = uploads.content_disposition(
        name, inline=False, fallback="complaint"
    )
    return response


@bp.context_processor
def _complaint_context() -> dict[str, Any]:
    return {"case_complaint": drafting.on_case}
