"""Taking a report down for a resident (phone, walk-in, mail, email, referrals).

The same pages, questions and checks as the public form (`intake.public.flow` and `steps`), shown
in the staff member's language; the report is filed in the resident's. The rules live in
`intake.staff_intake`; these views read the forms and lead from page to page.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup
from werkzeug.wrappers import Response

from .. import dates, staff_intake, uploads
from ..auth.guard import allow
from ..clock import today as current_today
from ..extensions import db
from ..i18n import NATIVE_NAMES, direction, language_tag
from ..models import Report
from ..public import flow, steps
from ..roles import Can
from .forms import ActionForm
from .intake_forms import StaffEvidenceForm, start_form
from .views import bp, me

PAGES = ", ".join(flow.QUESTION_PAGES)


def intake_url(page: str) -> str:
    """The staff intake's page `page` (evidence and review are pages of their own kind)."""
    if page in flow.QUESTION_PAGES:
        return url_for("staff.intake_step", page=page)
    return url_for(f"staff.intake_{page}")


def _draft_or_start() -> staff_intake.StaffDraft | Response:
    draft = staff_intake.current(me())
    if draft is None:
        flash(_("Start by saying how the report came in."), "info")
        return redirect(url_for(".intake_start"))
    if steps.kind_of(draft.answers) is None and request.endpoint != "staff.intake_step":
        return redirect(intake_url("kind"))
    return draft


def _callback_id() -> int | None:
    raw = request.args.get("callback", "")
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < int(raw) < 2**31 else None


@bp.route("/intake", methods=["GET", "POST"])
@allow(Can.TAKE_REPORTS)
def intake_start() -> ResponseReturnValue:
    """Start a report: how it came in and the resident's language (from a call-back, if any)."""
    staff = me()
    form = start_form(data={"callback": _callback_id()})
    if request.method == "GET" and form.callback.data:
        language = staff_intake.callback_language(form.callback.data)
        if language is None:
            flash(_("This call-back request is not open any more."), "warning")
            form.callback.data = None
        else:
            form.channel.data, form.language.data = "phone", language
    if form.validate_on_submit():
        try:
            staff_intake.start(
                staff, form.channel.data or "", form.language.data or "", form.callback.data
            )
        except staff_intake.IntakeError as error:
            flash(str(error.message), "error")
        else:
            return redirect(intake_url("kind"))
    status = 422 if form.errors else 200
    return render_template(
        "staff/intake_start.html",
        form=form,
        draft=staff_intake.current(staff),
        discard_form=ActionForm(),
    ), status


def _heading(page: str, form: Any, asked: tuple[str, ...]) -> Any:
    title = flow.BY_NAME[page].title
    if title is not None:
        return title
    return form[asked[0]].label.text if asked else flow.section_title(flow.BY_NAME[page].section)


def _ordered(page: str, asked: tuple[str, ...]) -> tuple[str, ...]:
    if page != "when":
        return asked
    # The date's parts in the order the staff member's language writes a date.
    parts = [f"incident_{part}" for part in dates.part_order()]
    return tuple(name for name in parts if name in asked) + tuple(
        name for name in asked if name not in parts
    )


def _render(page: str, draft: staff_intake.StaffDraft, **context: Any) -> str:
    answers = draft.answers
    asked = flow.fields(page, answers.steps) if page in flow.QUESTION_PAGES else ()
    return render_template(
        "staff/intake_page.html" if asked else f"staff/intake_{page}.html",
        page=page,
        asked=_ordered(page, asked),
        heading=_heading(page, context.get("form"), asked),
        titled=flow.BY_NAME[page].title is not None,
        section=flow.section_title(flow.BY_NAME[page].section),
        back=flow.preceding(page, answers.steps),
        draft=draft,
        answers=answers,
        deadline_warning=steps.deadline_warning(answers, current_today()),
        intake_url=intake_url,
        **context,
    )


@bp.route(f"/intake/<any({PAGES}):page>", methods=["GET", "POST"])
@allow(Can.TAKE_REPORTS)
def intake_step(page: str) -> ResponseReturnValue:
    """One page of the resident's questions, checked exactly as the public form checks it."""
    draft = _draft_or_start()
    if isinstance(draft, Response):
        return draft
    answers, today = draft.answers, current_today()
    if page != "kind" and steps.kind_of(answers) is None:
        return redirect(intake_url("kind"))
    if not flow.shown(page, answers.steps):
        return redirect(intake_url(steps.next_page(page, answers, today)))
    if request.method == "GET":
        return _render(page, draft, form=steps.page_form(page, answers, today))
    form = steps.page_form(page, answers, today, posted=request.form)
    form.validate()
    if steps.only_page_errors(page, form, answers):
        if page != "kind" and "csrf_token" not in form.errors and steps.storable(form):
            # Keep what was typed, so leaving the page loses nothing either.
            steps.keep_page(page, form, answers)
            staff_intake.save(draft)
        return _render(page, draft, form=form), 422
    steps.keep_page(page, form, answers)
    staff_intake.save(draft)
    return redirect(intake_url(steps.next_page(page, answers, today)))


@bp.route("/intake/evidence", methods=["GET", "POST"])
@allow(Can.TAKE_REPORTS)
def intake_evidence() -> ResponseReturnValue:
    """Files the resident sent or brought, and the scanned or forwarded original."""
    draft = _draft_or_start()
    if isinstance(draft, Response):
        return draft
    form = StaffEvidenceForm()
    problems: list[tuple[str, str]] = []
    if form.validate_on_submit():
        original = bool(form.original.data)
        problems = _accept_files(draft, request.files.getlist(form.files.name), original)
        staff_intake.save(draft)
        if not problems and request.form.get("action") == "continue":
            return redirect(intake_url(steps.next_page("evidence", draft.answers, current_today())))
        if not problems:
            return redirect(url_for(".intake_evidence"))
    status = 422 if problems or form.errors else 200
    return _render(
        "evidence", draft, form=form, problems=problems, remove_form=ActionForm()
    ), status


def _accept_files(
    draft: staff_intake.StaffDraft, incoming: list[Any], original: bool
) -> list[tuple[str, str]]:
    """Keep every acceptable file; return (file name, reason) for each refused one."""
    limit = int(current_app.config["MAX_FILES"])
    problems: list[tuple[str, str]] = []
    for storage in incoming:
        if not storage or not storage.filename:
            continue
        filename = uploads.safe_filename(str(storage.filename))
        if len(draft.answers.files) >= limit:
            problems.append((filename, _("You can add up to %(count)d files.", count=limit)))
            continue
        try:
            clean = uploads.clean_stream(storage.stream)
        except uploads.UploadError as error:
            problems.append((filename, str(error.message)))
            continue
        staff_intake.add_file(draft, clean, filename, original)
    return problems


@bp.post("/intake/evidence/<int:index>/remove")
@allow(Can.TAKE_REPORTS)
def intake_remove_file(index: int) -> Response:
    """Take one file back out of the report."""
    draft = staff_intake.current(me())
    if draft is not None and ActionForm().validate_on_submit():
        if staff_intake.remove_file(draft, index):
            staff_intake.save(draft)
            flash(_("The file was removed."), "info")
    return redirect(url_for(".intake_evidence"))


@bp.route("/intake/review", methods=["GET", "POST"])
@allow(Can.TAKE_REPORTS)
def intake_review() -> ResponseReturnValue:
    """Every answer, each with a link to change it; then send."""
    draft = _draft_or_start()
    if isinstance(draft, Response):
        return draft
    answers, today = draft.answers, current_today()
    if not answers.reviewing:
        answers.reviewing = True
        staff_intake.save(draft)
    unfinished = steps.first_unfinished(answers, today)
    form = ActionForm()
    if request.method == "POST" and unfinished is None and form.validate_on_submit():
        staff_intake.send(draft, me(), today)
        return redirect(url_for(".intake_done"))
    return _render(
        "review",
        draft,
        form=form,
        sections=steps.sections(answers, today),
        unfinished=unfinished,
        first_page=lambda section: flow.first_page(section, answers.steps),
        step_title_of=lambda page: flow.section_title(flow.BY_NAME[page].section),
        section_title_evidence=flow.section_title("evidence"),
    ), (422 if request.method == "POST" else 200)


@bp.post("/intake/discard")
@allow(Can.TAKE_REPORTS)
def intake_discard() -> Response:
    """Throw the unsent report away, with its files."""
    if ActionForm().validate_on_submit():
        staff_intake.discard()
        flash(_("The unsent report was deleted."), "info")
    return redirect(url_for(".intake_start"))


def _sent() -> tuple[dict[str, Any], Report] | None:
    entry = staff_intake.filed(me())
    if entry is None:
        return None
    report = db.session.get(Report, entry["id"])
    if report is None:
        abort(404)
    return entry, report


@bp.route("/intake/done", methods=["GET", "POST"])
@allow(Can.TAKE_REPORTS)
def intake_done() -> ResponseReturnValue:
    """The record number and the code to read aloud, until the code was given."""
    sent = _sent()
    if sent is None:
        return redirect(url_for(".intake_start"))
    entry, report = sent
    form = ActionForm()
    if form.validate_on_submit():
        staff_intake.code_given(me())
        flash(_("The code was forgotten. The resident's record number stays on the case."), "info")
        return redirect(url_for(".intake_done"))
    receipt = entry.get("receipt")
    return render_template(
        "staff/intake_done.html",
        report=report,
        groups=staff_intake.code_groups(receipt) if receipt else None,
        resident_language=NATIVE_NAMES.get(entry["language"], entry["language"]),
        form=form,
    )


@bp.get("/intake/done/letter")
@allow(Can.TAKE_REPORTS)
def intake_letter() -> ResponseReturnValue:
    """A letter to print and mail: the record number and the code, in the resident's language."""
    sent = _sent()
    if sent is None or not sent[0].get("receipt"):
        return redirect(url_for(".intake_done"))
    entry, report = sent
    language = entry["language"]
    with force_locale(language):
        letter = render_template(
            "staff/_intake_letter.html",
            report=report,
            groups=staff_intake.code_groups(entry["receipt"]),
            check_url=url_for("public.check", _external=True),
            hotline=current_app.config["HELP_NUMBERS"].get("commission", ""),
            address=current_app.config["COMMISSION_ADDRESS"],
            today=current_today(),
        )
    return render_template(
        "staff/intake_letter.html",
        letter=Markup(letter),  # noqa: S704 - our own template's output, escaped as it rendered
        letter_lang=language_tag(language),
        letter_dir=direction(language),
        resident_language=NATIVE_NAMES.get(language, language),
    )
