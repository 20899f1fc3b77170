"""The residents' pages: landing, the form's steps, review, and the confirmation."""

from __future__ import annotations

import time
from typing import Any

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from .. import dates, drafts, filing, uploads
from ..clock import today as current_today
from ..extensions import configured_limit, limiter
from ..i18n import SESSION_KEY as LANG_KEY
from ..i18n import shipped
from . import flow, steps
from .forms import (
    DiscardForm,
    EvidenceForm,
    RemoveFileForm,
    ReviewForm,
)

bp = Blueprint("public", __name__)
FILED_KEY = "filed"


def _started_a_draft(_response: Response) -> bool:
    return bool(g.get(drafts.NEW_DRAFT_FLAG))


def _sent_a_report(response: Response) -> bool:
    return response.status_code == 302 and response.headers.get("Location", "").endswith(
        "/report/done"
    )


def _files_sent() -> int:
    return sum(1 for storage in request.files.getlist("files") if storage and storage.filename)


# Per client: new drafts, files received (each file counts) and reports sent. Mistakes in a form
# never count, so a resident correcting their answers is not refused.
draft_limit = limiter.limit(
    configured_limit("DRAFT_RATE_LIMIT"), methods=["POST"], deduct_when=_started_a_draft
)


@bp.get("/")
def index() -> str:
    """The landing page: what the commission does, who may report, and that anonymity is fine."""
    hours = max(1, int(current_app.config["DRAFT_TTL_MINUTES"]) // 60)
    return render_template(
        "public/index.html", has_draft=drafts.load() is not None, draft_hours=hours
    )


@bp.get("/report")
def start() -> Response:
    """Begin a report, or continue one where the resident left it."""
    answers = steps.saved_answers()
    if answers is None or steps.kind_of(answers) is None:
        return redirect(url_for(".step", name="kind"))
    if answers.reviewing:
        return redirect(url_for(".review"))
    return redirect(step_url(steps.first_unfinished(answers, current_today()) or "evidence"))


def _expired_notice() -> None:
    if drafts.had_expired():
        flash(
            _(
                "For your safety, unsent answers are deleted after some time without activity. "
                "Please start again."
            ),
            "warning",
        )


def _heading(name: str, form: Any, asked: tuple[str, ...]) -> Any:
    page = flow.BY_NAME[name]
    if page.title is not None:
        return page.title
    if asked:
        return form[asked[0]].label.text
    return flow.section_title(page.section)


def _render_page(name: str, answers: steps.Answers, **context: Any) -> str:
    today = current_today()
    asked = flow.fields(name, answers.steps) if name in flow.QUESTION_PAGES else ()
    return render_template(
        flow.BY_NAME[name].template,
        step=name,
        asked=asked,
        step_number=flow.section_number(name),
        step_count=len(flow.SECTIONS),
        step_title=_heading(name, context.get("form"), asked),
        titled=flow.BY_NAME[name].title is not None,
        back=flow.preceding(name, answers.steps),
        answers=answers,
        kind=steps.kind_of(answers),
        deadline_warning=steps.deadline_warning(answers, today),
        date_order=dates.part_order(),
        section_title=flow.section_title,
        step_url=step_url,
        switch_form="step-form" if asked else None,
        **context,
    )


@bp.route(f"/report/<any({', '.join(flow.QUESTION_PAGES)}):name>", methods=["GET", "POST"])
@draft_limit
def step(name: str) -> str | Response:
    """One page of questions; its answers are kept when it passes (or when switching language)."""
    _expired_notice()
    answers = steps.load_answers()
    if name != "kind" and steps.kind_of(answers) is None:
        return redirect(url_for(".step", name="kind"))
    today = current_today()
    if not flow.shown(name, answers.steps):
        # Not asked of this report (any more): go on to what is.
        return redirect(step_url(steps.next_page(name, answers, today)))
    if request.method == "GET":
        if answers.show_errors == name:
            answers.show_errors = None
            steps.save_answers(answers)
            return _render_page(name, answers, form=steps.with_errors(name, answers, today))
        return _render_page(name, answers, form=steps.page_form(name, answers, today))

    form = steps.page_form(name, answers, today, posted=request.form)
    switch_to = request.form.get("switch_lang")
    if switch_to in shipped() and steps.storable(form):
        # Keep what was typed, checked or not, and show the same page in the other language.
        steps.keep_page(name, form, answers)
        steps.save_answers(answers)
        session[LANG_KEY] = switch_to
        return redirect(url_for(".step", name=name))
    form.validate()
    if steps.only_page_errors(name, form, answers):
        if name == "kind" or "csrf_token" in form.errors or not steps.storable(form):
            return _render_page(name, answers, form=form)
        # Keep what was typed and show the errors after a redirect, so Back and reload never
        # ask to send the form again.
        steps.keep_page(name, form, answers)
        answers.show_errors = name
        steps.save_answers(answers)
        return redirect(url_for(".step", name=name))
    steps.keep_page(name, form, answers)
    steps.save_answers(answers)
    if name == "danger" and steps.needs_safety_page(answers):
        return redirect(url_for(".safety"))
    return redirect(step_url(steps.next_page(name, answers, today)))


@bp.route("/report/<any(incident, place, contact):section>", methods=["GET", "POST"])
@draft_limit
def whole_section(section: str) -> str | Response:
    """A whole section at once, as the form sent it before it had one page per question (a page
    left open across an update still arrives); opening it leads to the section's first page."""
    _expired_notice()
    answers = steps.load_answers()
    if steps.kind_of(answers) is None:
        return redirect(url_for(".step", name="kind"))
    if request.method == "GET":
        return redirect(step_url(flow.first_page(section, answers.steps)))
    today = current_today()
    form = steps.make_form(section, answers, today, formdata=request.form)
    if request.form.get("switch_lang") in shipped() and steps.storable(form):
        answers.steps[section] = steps.form_answers(form)
        steps.save_answers(answers)
        session[LANG_KEY] = request.form["switch_lang"]
        return redirect(step_url(flow.first_page(section, answers.steps)))
    form.validate()
    if not steps.storable(form) or "csrf_token" in form.errors:
        page = flow.first_page(section, answers.steps)
        return _render_page(page, answers, form=form)
    answers.steps[section] = steps.form_answers(form)
    unfinished = steps.first_unfinished(answers, today, within=section)
    if unfinished is not None:
        answers.show_errors = unfinished
        steps.save_answers(answers)
        return redirect(url_for(".step", name=unfinished))
    steps.save_answers(answers)
    if steps.needs_safety_page(answers):
        return redirect(url_for(".safety"))
    last = [page for page in flow.PAGES if page.section == section][-1].name
    return redirect(step_url(steps.next_page(last, answers, today)))


def step_url(name: str) -> str:
    """The page `name` (evidence and review are not pages of questions)."""
    if name in flow.QUESTION_PAGES:
        return url_for("public.step", name=name)
    return url_for(f"public.{name}")


@bp.route("/report/evidence", methods=["GET", "POST"])
@draft_limit
@limiter.limit(
    configured_limit("UPLOAD_RATE_LIMIT"),
    methods=["POST"],
    cost=_files_sent,
    deduct_when=lambda _r: True,
)
def evidence() -> str | Response:
    """Add or remove evidence files; each file is checked and cleaned as it arrives."""
    _expired_notice()
    answers = steps.load_answers()
    if steps.kind_of(answers) is None:
        return redirect(url_for(".step", name="kind"))
    form = EvidenceForm()
    problems: list[tuple[str, str]] = []
    if form.validate_on_submit():
        problems = _accept_files(answers, request.files.getlist(form.files.name))
        steps.save_answers(answers)
        if not problems and request.form.get("action") == "continue":
            return redirect(step_url(steps.next_page("evidence", answers, current_today())))
        if not problems:
            return redirect(url_for(".evidence"))
    return _render_page(
        "evidence", answers, form=form, problems=problems, remove_form=RemoveFileForm()
    )


def _accept_files(answers: steps.Answers, incoming: list[Any]) -> list[tuple[str, str]]:
    """Keep every acceptable file; return (file name, reason) for each refused one."""
    limit = int(current_app.config["MAX_FILES"])
    problems: list[tuple[str, str]] = []
    for storage in incoming:
        if not storage or not storage.filename:
            continue
        filename = uploads.safe_filename(str(storage.filename))
        if len(answers.files) >= limit:
            problems.append((filename, _("You can add up to %(count)d files.", count=limit)))
            continue
        try:
            clean = uploads.clean_stream(storage.stream)
        except uploads.UploadError as error:
            problems.append((filename, str(error.message)))
            continue
        answers.files.append(
            {
                "stored_name": uploads.store_pending(clean),
                "original_name": filename,
                "content_type": clean.content_type,
                "size": len(clean.data),
                "sha256": clean.sha256,
            }
        )
    return problems


@bp.post("/report/evidence/<int:index>/remove")
def remove_file(index: int) -> Response:
    """Take one file back out of the report."""
    answers = steps.load_answers()
    form = RemoveFileForm()
    if form.validate_on_submit() and 0 <= index < len(answers.files):
        removed = answers.files.pop(index)
        steps.save_answers(answers)
        uploads.remove_pending([removed["stored_name"]])
        flash(_("The file was removed."), "info")
    return redirect(url_for(".evidence"))


@bp.route("/report/review", methods=["GET", "POST"])
@limiter.limit(configured_limit("SUBMIT_RATE_LIMIT"), methods=["POST"], deduct_when=_sent_a_report)
def review() -> str | Response:
    """Every answer on one page, each changeable, then send."""
    _expired_notice()
    answers = steps.load_answers()
    if steps.kind_of(answers) is None:
        return redirect(url_for(".step", name="kind"))
    today = current_today()
    if not answers.reviewing:
        answers.reviewing = True
        steps.save_answers(answers)
    unfinished = steps.first_unfinished(answers, today)
    # Sixteen digits outside English: six English words are hard to copy in another script.
    form = ReviewForm(data={"receipt_kind": "words" if str(get_locale()) == "en" else "digits"})
    if request.method == "POST" and unfinished is None and form.validate():
        return _submit(answers, form.receipt_kind.data or "digits")
    return _render_page(
        "review",
        answers,
        form=form,
        sections=steps.sections(answers, today),
        unfinished=unfinished,
        first_page=lambda section: flow.first_page(section, answers.steps),
        step_title_of=lambda page: flow.section_title(flow.BY_NAME[page].section),
        anonymous=filing.is_anonymous(answers.steps.get("contact", {})),
    )


def _submit(answers: steps.Answers, receipt_kind: str) -> Response:
    filed = filing.file_report(
        answers.steps, answers.files, receipt_kind, str(get_locale()), current_today()
    )
    # The draft's files have moved to the evidence folder; forgetting the draft leaves them be.
    drafts.discard()
    session[FILED_KEY] = {"id": filed.report.id, "receipt": filed.receipt, "at": time.time()}
    return redirect(url_for(".done"))


@bp.post("/report/discard")
def discard() -> Response:
    """Delete the unsent answers and files from the server (after the confirmation page)."""
    if DiscardForm().validate_on_submit():
        drafts.discard()
        flash(_("Your answers were deleted."), "info")
    return redirect(url_for(".index"))
