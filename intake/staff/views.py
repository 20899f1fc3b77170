"""The staff workspace: the case page and its forms, and reassignment (lists: case_lists.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.wrappers import Response

from .. import accounts, followup, interpreters, vocab
from ..auth.guard import ANY_STAFF, allow
from ..cases import access, calendar, deadlines, identity, queries, service, tags
from ..cases import trail as case_trail
from ..cases.duplicates import possible_duplicates
from ..cases.workflow import WorkflowError, allowed_moves
from ..clock import today
from ..geography import community_area_choices, community_area_name, ward_choices
from ..i18n import NATIVE_NAMES
from ..letters import library as letter_library
from ..models import Report, Staff
from ..public.steps import answers_from_report, sections
from ..records import consent
from ..roles import ASSIGN, READ_CASES, Can
from ..uploads import file_response
from . import calendar_forms, list_memory
from .forms import (
    NOBODY,
    AssignForm,
    BulkReassignForm,
    CaseUpdateForm,
    GrantForm,
    LinkForm,
    MessageForm,
    NoteForm,
    RevealForm,
)
from .tag_forms import case_tag_form

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.context_processor
def _staff_context() -> dict[str, Any]:
    return {
        "vocab": vocab,
        "vocab_label": vocab.label,
        "interpreter_name": interpreters.name,
        "community_area_name": community_area_name,
        "community_areas": community_area_choices(),
        "wards": ward_choices(),
        "language_name": lambda code: NATIVE_NAMES.get(code, code),
        "languages_all": list(NATIVE_NAMES.items()),
        "can_assign": lambda report: access.can_assign(me(), report),
        "is_overdue": lambda report: deadlines.is_overdue(report, today()),
        "due_date": deadlines.due_date,
        "unread_reply": followup.unread_reply,
        "days_open": lambda report: deadlines.days_open(report, today()),
    }


def me() -> Staff:
    """The signed-in staff member."""
    staff: Staff = current_user._get_current_object()
    return staff


@bp.get("/")
@allow(ANY_STAFF)
def home() -> Response:
    """Send each role to where its work is."""
    return redirect(url_for(access.home_endpoint(me())))


def _case_or_404(case_id: int) -> Report:
    report = service.case(case_id)
    if report is None:
        abort(404)
    if not access.can_view(me(), report):
        abort(404)  # Not 403: do not confirm that a case exists.
    return report


def _case_to_work(case_id: int) -> Report:
    """The case, if the signed-in staff member may change it (a read-only role may not)."""
    report = _case_or_404(case_id)
    if not access.can_work(me(), report):
        abort(403)
    return report


def _investigator_choices() -> list[tuple[str, str]]:
    return [(str(s.id), f"{s.name} ({s.email})") for s in accounts.investigators()]


def _move_choices(report: Report) -> list[tuple[str, Any]]:
    return [(code, vocab.label(vocab.STATUSES, code)) for code in allowed_moves(report.status)]


def _render_case(report: Report, **forms: Any) -> str:
    staff = me()
    forms.setdefault(
        "update_form",
        CaseUpdateForm(
            moves=_move_choices(report), data={"version": report.version, "urgent": report.urgent}
        ),
    )
    forms.setdefault(
        "assign_form",
        AssignForm(
            investigators=_investigator_choices(),
            data={"version": report.version, "assignee": str(report.assignee_id or "")},
        ),
    )
    template = request.args.get("template", "")
    filled = letter_library.message_prefill(template, report)
    prefill = filled.text if filled else None
    forms.setdefault("tag_form", case_tag_form())
    forms.setdefault("event_form", calendar_forms.event_form())
    forms.setdefault("extend_form", calendar_forms.extend_form(calendar.running_choices(report)))
    forms.setdefault("message_form", MessageForm(data={"body": prefill} if prefill else None))
    forms.setdefault("note_form", NoteForm())
    forms.setdefault("reveal_form", RevealForm())
    if staff.can(Can.GRANT_IDENTITY) and report.contact is not None and "grant_form" not in forms:
        forms["grant_form"] = GrantForm(people=identity.grant_choices(report))
    may_reveal, show_contact = identity.contact_shown(staff, report)
    forms.setdefault("link_form", LinkForm())
    trail = case_trail.page(
        report,
        everything=request.args.get("audit") == "all",
        number=queries.page_number(request.args.get("audit_page")),
    )
    return render_template(
        "staff/case.html",
        report=report,
        sections=sections(answers_from_report(report), today()),
        show_contact=show_contact,
        may_reveal=may_reveal,
        grants=identity.grants(report) if staff.can(Can.GRANT_IDENTITY) else [],
        can_assign=access.can_assign(staff, report),
        notes=service.notes(report),
        messages=followup.thread(report),
        templates=letter_library.message_picker(report),
        chosen_template=template,
        template_fallback=filled is not None and filled.fallback,
        emails=followup.emails(report),
        trail=trail,
        hidden_numbers=access.hidden_numbers(
            staff, {entry.linked for entry in trail.entries if entry.linked}
        ),
        # Hints name only cases this staff member may open (no existence leaks).
        linked=[other for other in service.linked_cases(report) if access.can_view(staff, other)],
        duplicates=possible_duplicates(report, staff),
        case_tags=tags.of_cases([report.id])[report.id],
        deadlines=calendar.deadlines(report),
        calendar_events=calendar.events(report),
        calendar_rules=calendar.BY_KEY,
        calendar_event_names=calendar.EVENTS,
        today=today(),
        position=list_memory.position(report.id),
        may_work=access.can_work(staff, report),
        consents=report.consents,
        consent_asked=consent.asked(report),
        disclosures=consent.disclosures(report),
        consent_channels=consent.CHANNELS,
        shared_labels=consent.shared_labels,
        **forms,
    )


@bp.get("/cases/<int:case_id>")
@allow(*READ_CASES)
def case(case_id: int) -> str:
    """The whole story of one case, its workflow, notes, links and audit trail."""
    report = _case_or_404(case_id)
    service.record_view(me(), report)
    if report.disposed_on is not None:
        return render_template("staff/case_disposed.html", report=report)
    return _render_case(report)


@bp.post("/cases/<int:case_id>/update")
@allow(Can.WORK_CASES)
def update_case(case_id: int) -> ResponseReturnValue:
    """Move the case through the workflow or change its priority."""
    report = _case_to_work(case_id)
    moves = _move_choices(report)
    posted = request.form.get("status", "")
    if posted and posted not in dict(moves):
        # Keep the staff member's choice visible when the form comes back to them.
        moves.append((posted, vocab.label(vocab.STATUSES, posted)))
    form = CaseUpdateForm(moves=moves)
    if form.validate_on_submit():
        try:
            service.update_case(
                me(),
                report,
                form.version.data or 0,
                status=form.status.data or None,
                closure_reason=form.closure_reason.data or None,
                referred_to=form.referred_to.data or None,
                referral_note=form.referral_note.data,
                legal_reason=form.legal_reason.data,
                urgent=form.urgent.data,
            )
        except service.ConflictError as conflict:
            form.status.errors.append(str(conflict.message))
            return _render_case(report, update_form=form), 409
        except WorkflowError as error:
            form.status.errors.append(str(error.message))
            return _render_case(report, update_form=form), 422
        flash(_("Case updated."), "info")
        return redirect(url_for(".case", case_id=report.id))
    return _render_case(report, update_form=form)


@bp.post("/cases/<int:case_id>/assign")
@allow(*ASSIGN)
def assign(case_id: int) -> ResponseReturnValue:
    """Assign or reassign the case."""
    report = _case_or_404(case_id)
    form = AssignForm(investigators=_investigator_choices())
    if form.validate_on_submit():
        assignee = accounts.get(int(form.assignee.data)) if form.assignee.data else None
        try:
            service.assign(me(), report, form.version.data or 0, assignee)
        except service.PermissionDenied:
            abort(403)
        except service.ConflictError as conflict:
            form.assignee.errors.append(str(conflict.message))
            return _render_case(report, assign_form=form), 409
        except WorkflowError as error:
            form.assignee.errors.append(str(error.message))
            return _render_case(report, assign_form=form), 422
        flash(_("Assignment saved."), "info")
        return redirect(_safe_next(request.form.get("next")) or url_for(".case", case_id=report.id))
    return _render_case(report, assign_form=form)


def _safe_next(target: str | None) -> str | None:
    """Only our own staff pages are followed after a form: a path on this site with nothing that
    could leave it (no open redirect) or break the Location header (no header injection)."""
    if not target or len(target) > 4000 or not target.startswith("/staff/"):
        return None
    if "//" in target or "\\" in target or any(_unsafe_in_url(char) for char in target):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def _unsafe_in_url(char: str) -> bool:
    """Control characters and every kind of space or line break."""
    return char.isspace() or not char.isprintable()


@bp.post("/cases/<int:case_id>/notes")
@allow(Can.WORK_CASES)
def add_note(case_id: int) -> ResponseReturnValue:
    """Add an internal note."""
    report = _case_to_work(case_id)
    form = NoteForm()
    if form.validate_on_submit():
        service.add_note(me(), report, form.body.data)
        flash(_("Note added."), "info")
        return redirect(url_for(".case", case_id=report.id) + "#notes")
    return _render_case(report, note_form=form)


@bp.post("/cases/<int:case_id>/contact")
@allow(*READ_CASES)
def reveal_contact(case_id: int) -> ResponseReturnValue:
    """Show the resident's contact details for a while, with the reason in the audit trail."""
    report = _case_or_404(case_id)
    form = RevealForm()
    if form.validate_on_submit():
        try:
            identity.reveal(me(), report, form.reason.data or "")
        except identity.IdentityError as error:
            form.reason.errors.append(str(error.message))
        else:
            return redirect(url_for(".case", case_id=report.id) + "#story-title")
    return _render_case(report, reveal_form=form)


@bp.post("/cases/<int:case_id>/contact-access")
@allow(Can.GRANT_IDENTITY)
def grant_contact(case_id: int) -> ResponseReturnValue:
    """A supervisor lets one more staff member reveal the contact details."""
    report = _case_or_404(case_id)
    form = GrantForm(people=identity.grant_choices(report))
    if form.validate_on_submit():
        person = accounts.get(int(form.staff.data or 0))
        try:
            if person is None:
                raise identity.IdentityError(_("That person cannot open this case."))
            identity.grant(me(), report, person)
        except identity.IdentityError as error:
            form.staff.errors.append(str(error.message))
        else:
            flash(_("%(name)s can now see the contact details.", name=person.name), "info")
            return redirect(url_for(".case", case_id=report.id) + "#story-title")
    return _render_case(report, grant_form=form)


@bp.post("/cases/<int:case_id>/messages")
@allow(Can.WORK_CASES)
def send_message(case_id: int) -> ResponseReturnValue:
    """Write to the resident."""
    report = _case_to_work(case_id)
    form = MessageForm()
    if form.validate_on_submit():
        followup.staff_message(me(), report, form.body.data)
        flash(_("Message sent to the resident."), "info")
        return redirect(url_for(".case", case_id=report.id) + "#messages")
    return _render_case(report, message_form=form)


@bp.post("/cases/<int:case_id>/links")
@allow(Can.WORK_CASES)
def link(case_id: int) -> ResponseReturnValue:
    """Link a related case."""
    report = _case_to_work(case_id)
    form = LinkForm()
    if form.validate_on_submit():
        other = queries.find_by_number(form.number.data, me())
        if other is None:
            form.number.errors.append(_("No case you can open has that number."))
            return _render_case(report, link_form=form)
        if service.link_cases(me(), report, other):
            flash(_("Cases linked."), "info")
        return redirect(url_for(".case", case_id=report.id) + "#links")
    return _render_case(report, link_form=form)


@bp.get("/cases/<int:case_id>/attachments/<int:attachment_id>")
@allow(*READ_CASES)
def attachment(case_id: int, attachment_id: int) -> Response:
    """A file of the case, for staff who may see the case; every download is audited."""
    report = _case_or_404(case_id)
    try:
        item, inline = service.open_attachment(
            me(), report, attachment_id, inline=request.args.get("inline") == "1"
        )
    except LookupError:
        abort(404)
    return file_response(item, inline=inline, fallback=f"evidence-{item.id}")


@bp.route("/reassign", methods=["GET", "POST"])
@allow(Can.ASSIGN_ANY)
def reassign() -> ResponseReturnValue:
    """Move all open cases of one investigator to another (for example when they leave)."""
    form = BulkReassignForm(investigators=_all_investigator_choices())
    if form.validate_on_submit():
        source = accounts.get(int(form.from_staff.data))
        target = None if form.to_staff.data == NOBODY else accounts.get(int(form.to_staff.data))
        if source is None:
            abort(404)
        try:
            moved = service.bulk_reassign(me(), source, target)
        except WorkflowError as error:
            form.to_staff.errors.append(str(error.message))
        else:
            flash(
                ngettext("%(num)d open case reassigned.", "%(num)d open cases reassigned.", moved),
                "info",
            )
            return redirect(url_for(".reassign"))
    return render_template("staff/reassign.html", form=form)


def _all_investigator_choices() -> list[tuple[str, str]]:
    """Every investigator, active or not: a departed one's cases still need a new owner."""
    people = accounts.investigators(inactive_too=True)
    return [(str(s.id), s.name + ("" if s.active else " " + _("(inactive)"))) for s in people]
