"""Coming back: "check my report" with the record number and secret code, then the status page.

A wrong pair always gets the same answer, whether or not the record exists, and tries are limited
per client and per record number. The resident's access lasts RESIDENT_SESSION_MINUTES idle.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from .. import followup, statuses, uploads
from ..bidi import isolated
from ..extensions import configured_limit, failed_attempt, limit_key, limiter
from ..i18n import SESSION_KEY as LANG_KEY
from ..models import Report
from ..receipts import find_report, normalize_record_number
from ..records import consent, disposal
from ..respondents import documents
from ..sessions import fresh_entry, renew
from .check_forms import LookupForm, PoliceConsentForm, ReplyForm, WithdrawForm
from .contact_forms import ContactForm
from .forms import EvidenceForm
from .steps import form_answers
from .views import bp

RESIDENT_KEY = "resident_report"
EDITABLE_CONTACT_FIELDS = (
    "name",
    "email",
    "phone",
    "mailing_address",
    "preferred_method",
    "best_time",
    "safe_to_leave_message",
    "preferred_language",
    "accommodations",
    "email_updates",
)


def _record_key() -> str:
    return limit_key(
        "lookup", normalize_record_number(request.form.get("record_number", "")) or "?"
    )


def _signed_in_report() -> Report | None:
    """The report this browser opened, while its access is fresh."""
    minutes = int(current_app.config["RESIDENT_SESSION_MINUTES"])
    held, expired = fresh_entry(RESIDENT_KEY, "seen", minutes)
    if expired:
        flash(
            _(
                "For your safety you were signed out. Enter your record number and secret code "
                "again."
            ),
            "info",
        )
    return followup.report(int(held["id"])) if held else None


ResidentView = Callable[..., ResponseReturnValue]


def resident_required(view: Callable[..., ResponseReturnValue]) -> ResidentView:
    """For the status page's views: the report this browser opened is passed in as `report`;
    without one (never opened, or signed out after a while) the visitor goes to /check."""

    @wraps(view)
    def with_report(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        report = _signed_in_report()
        if report is None:
            return redirect(url_for(".check"))
        if report.disposed_on is not None and request.method == "POST":
            return redirect(url_for(".status"))  # Its details are gone; nothing to add to.
        return view(report, *args, **kwargs)

    return with_report


@bp.route("/check", methods=["GET", "POST"])
@limiter.limit(configured_limit("LOOKUP_RATE_LIMIT"), methods=["POST"], deduct_when=failed_attempt)
@limiter.limit(
    configured_limit("LOOKUP_RECORD_RATE_LIMIT"),
    methods=["POST"],
    key_func=_record_key,
    deduct_when=failed_attempt,
)
def check() -> ResponseReturnValue:
    """Open a sent report with its record number and secret code."""
    form = LookupForm()
    if form.validate_on_submit():
        report = find_report(form.record_number.data, form.receipt.data)
        if report is not None:
            # A new session id for the opened report: nobody who knew the old one follows.
            renew(keep=(LANG_KEY,))
            session[RESIDENT_KEY] = {"id": report.id, "seen": time.time()}
            followup.resident_signed_in(report)
            return redirect(url_for(".status"))
        form.receipt.errors.append(
            _(
                "We could not open a report with that record number and secret code. Check both "
                "and try again. If you lost your secret code, call us."
            )
        )
    return render_template("public/check.html", form=form)


def _render_status(report: Report, **forms: Any) -> str:
    if report.disposed_on is not None:
        return render_template("public/status_disposed.html", report=report)
    forms.setdefault("reply_form", ReplyForm())
    forms.setdefault("withdraw_form", WithdrawForm())
    if consent.asked(report):
        answer = "yes" if report.share_with_police else "no"
        forms.setdefault("consent_form", PoliceConsentForm(data={"share": answer}))
    forms.setdefault("files_form", EvidenceForm())
    forms.setdefault("contact_form", _contact_form(report))
    return render_template(
        "public/status.html",
        report=report,
        status=followup.public_status(report),
        status_open=statuses.info(report.status).open,
        messages=followup.thread(report),
        file_count=documents.resident_file_count(report),
        max_files=int(current_app.config["MAX_FILES"]) * 2,
        shared_documents=documents.shared_with_resident(report),
        **forms,
    )


def _contact_form(report: Report, formdata: Any = None) -> ContactForm:
    contact = report.contact
    data = {name: getattr(contact, name) for name in EDITABLE_CONTACT_FIELDS} if contact else {}
    if contact and contact.safe_to_leave_message is not None:
        data["safe_to_leave_message"] = "yes" if contact.safe_to_leave_message else "no"
    form = ContactForm(
        formdata=formdata, data=data if formdata is None else None, kind="discrimination"
    )
    return form


@bp.get("/check/report")
@resident_required
def status(report: Report) -> ResponseReturnValue:
    """The resident's report: plain status, messages, and ways to add to it."""
    return _render_status(report)


@bp.post("/check/report/message")
@resident_required
def reply(report: Report) -> ResponseReturnValue:
    """The resident writes to the commission."""
    form = ReplyForm()
    if not form.validate_on_submit():
        return _render_status(report, reply_form=form)
    followup.resident_message(report, form.body.data)
    flash(_("Your message was sent. We will answer here."), "info")
    return redirect(url_for(".status") + "#messages")


@bp.post("/check/report/files")
@resident_required
def more_files(report: Report) -> ResponseReturnValue:
    """The resident adds evidence (the same checks as when filing)."""
    form = EvidenceForm()
    if not form.validate_on_submit():
        return _render_status(report, files_form=form)
    limit = int(current_app.config["MAX_FILES"]) * 2
    accepted: list[tuple[uploads.CleanFile, str]] = []
    for storage in request.files.getlist(form.files.name):
        if not storage or not storage.filename:
            continue
        name = uploads.safe_filename(str(storage.filename))
        if documents.resident_file_count(report) + len(accepted) >= limit:
            form.files.errors.append(
                _("%(name)s: you can add up to %(count)d files.", name=isolated(name), count=limit)
            )
            continue
        try:
            accepted.append((uploads.clean_stream(storage.stream), name))
        except uploads.UploadError as error:
            form.files.errors.append(
                _("%(name)s: %(problem)s", name=isolated(name), problem=str(error.message))
            )
    if accepted:
        followup.add_files(report, accepted)
        flash(_("Your files were added."), "info")
    if form.files.errors:
        return _render_status(report, files_form=form)
    return redirect(url_for(".status"))


@bp.post("/check/report/contact")
@resident_required
def add_contact(report: Report) -> ResponseReturnValue:
    """An anonymous resident gives a way to reach them (or anyone updates theirs)."""
    form = _contact_form(report, formdata=request.form)
    if not form.validate_on_submit():
        return _render_status(report, contact_form=form)
    values = {
        name: value for name, value in form_answers(form).items() if name in EDITABLE_CONTACT_FIELDS
    }
    safe = values.pop("safe_to_leave_message", None)
    if safe:
        values["safe_to_leave_message"] = safe == "yes"
    if followup.add_contact(report, values):
        if report.contact is None:
            flash(_("Your contact details were deleted. Your report is anonymous again."), "info")
        else:
            flash(_("Your contact details were saved."), "info")
    return redirect(url_for(".status"))


@bp.post("/check/report/consent")
@resident_required
def police_consent(report: Report) -> ResponseReturnValue:
    """The resident gives or withdraws consent to share their details with the police."""
    if not consent.asked(report):
        return redirect(url_for(".status"))
    form = PoliceConsentForm()
    if not form.validate_on_submit():
        return _render_status(report, consent_form=form)
    given = form.share.data == "yes"
    if consent.change_from_status_page(report, given):
        if given:
            flash(_("Saved: we may share your contact details with the police."), "info")
        else:
            flash(_("Saved: we will not share your contact details with the police."), "info")
    return redirect(url_for(".status"))


@bp.post("/check/report/withdraw")
@resident_required
def withdraw(report: Report) -> ResponseReturnValue:
    """The resident withdraws the report: deleted at once before staff accept it, otherwise a
    request that staff act on."""
    form = WithdrawForm()
    if not form.validate_on_submit():
        return _render_status(report, withdraw_form=form)
    if disposal.withdraw(report):
        flash(_("Your report was withdrawn and its details were deleted."), "info")
    else:
        flash(
            _(
                "We received your request to withdraw your report. Staff will write to you "
                "here about what happens next."
            ),
            "info",
        )
    return redirect(url_for(".status"))


@bp.post("/check/leave")
def leave() -> Response:
    """Close the report on this browser; a copy of the old session cookie opens nothing."""
    renew(keep=(LANG_KEY,))
    flash(_("You left your report. Your record number and secret code open it again."), "info")
    return redirect(url_for(".index"))
