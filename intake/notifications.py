"""The emails the portal sends, each in its reader's language and none with case content.

Residents get: the confirmation of their report (record number, never the receipt) and "you have
a new message" notices. Staff get: "a case was assigned to you" and "the resident wrote".
"""

from __future__ import annotations

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from . import mail
from .models import OutboxEmail, Report, Staff


def resident_language(report: Report) -> str:
    """The language to write to the resident in: their preference, else the report's."""
    preferred = report.contact.preferred_language if report.contact else None
    if preferred and preferred in current_app.config["LANGUAGES"]:
        return preferred
    return report.language


def _resident_address(report: Report) -> str | None:
    """The resident's email, only if they agreed to email notices."""
    contact = report.contact
    if contact and contact.email and contact.email_updates:
        return contact.email
    return None


def _public_url(path: str) -> str:
    return str(current_app.config["PUBLIC_URL"]).rstrip("/") + path


def _render(template: str, language: str, **context: object) -> str:
    with force_locale(language):
        return render_template(
            f"email/{template}.txt",
            commission_phone=current_app.config["HELP_NUMBERS"].get("commission", ""),
            **context,
        )


def report_received(report: Report) -> OutboxEmail | None:
    """Queue the confirmation of a new report, if the resident asked for emails."""
    address = _resident_address(report)
    if address is None:
        return None
    language = resident_language(report)
    with force_locale(language):
        subject = _("Your report was received: %(number)s", number=report.record_number)
    body = _render("report_received", language, report=report, check_url=_public_url("/check"))
    return mail.queue(
        address, subject, body, kind="report_received", language=language, report_id=report.id
    )


def new_message(report: Report) -> OutboxEmail | None:
    """Queue "you have a new message" (no content), if the resident asked for emails."""
    address = _resident_address(report)
    if address is None:
        return None
    language = resident_language(report)
    with force_locale(language):
        subject = _("You have a new message about your report")
    body = _render("new_message", language, report=report, check_url=_public_url("/check"))
    return mail.queue(
        address, subject, body, kind="new_message", language=language, report_id=report.id
    )


def _staff_email(staff: Staff, report: Report, template: str, subject: str) -> OutboxEmail | None:
    if not current_app.config["NOTIFY_STAFF"] or not staff.active:
        return None
    language = current_app.config["BABEL_DEFAULT_LOCALE"]
    body = _render(
        template, language, report=report, case_url=_public_url(f"/staff/cases/{report.id}")
    )
    return mail.queue(
        staff.email, subject, body, kind=template, language=language, report_id=report.id
    )


def case_assigned(report: Report, assignee: Staff) -> OutboxEmail | None:
    """Queue "case assigned to you" for the investigator."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("Case %(number)s was assigned to you", number=report.case_number)
    return _staff_email(assignee, report, "staff_assigned", subject)


def resident_wrote(report: Report) -> OutboxEmail | None:
    """Queue "the resident wrote" for the assigned investigator, if any."""
    if report.assignee is None:
        return None
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("The resident wrote on case %(number)s", number=report.case_number)
    return _staff_email(report.assignee, report, "staff_resident_wrote", subject)
